import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { SwotCommand, SwotEvent } from './swot.events.js';
import { initialSwot, SWOT, type SwotState } from './swot.state.js';
import { dictGet, dictSet } from '../../session/dict.js';
const MAX_CARDS = 24;

export const swotOf = (s: SessionState, itemId: string): SwotState => dictGet(s.swot, itemId) ?? initialSwot();

export function decideSwot(s: SessionState, cmd: SwotCommand, { newId }: Pick<DecideContext, 'newId'>): Decision {
  const item = s.agenda.find((i) => i.id === cmd.payload.itemId);
  if (!item) return fail('not_found', 'No such agenda item.');
  if (item.moduleType !== SWOT) return fail('conflict', 'Data cards belong to a SWOT item.');
  const cards = swotOf(s, item.id).cards;
  switch (cmd.type) {
    case 'swot.addCard': {
      if (cards.length >= MAX_CARDS) return fail('conflict', `At most ${MAX_CARDS} data cards.`);
      const { title, value, note = '' } = cmd.payload.card;
      return { ok: true, events: [{ type: 'swot.cardAdded', itemId: item.id, card: { id: newId(), title, value, note } }] };
    }
    case 'swot.editCard': {
      if (!cards.some((c) => c.id === cmd.payload.cardId)) return fail('not_found', 'That data card no longer exists.');
      const { title, value, note = '' } = cmd.payload.card;
      return { ok: true, events: [{ type: 'swot.cardEdited', itemId: item.id, card: { id: cmd.payload.cardId, title, value, note } }] };
    }
    case 'swot.removeCard':
      if (!cards.some((c) => c.id === cmd.payload.cardId)) return fail('not_found', 'That data card no longer exists.');
      return { ok: true, events: [{ type: 'swot.cardRemoved', itemId: item.id, cardId: cmd.payload.cardId }] };
    // Stryker disable next-line all: unreachable, every command type has its case (the compiler checks)
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

export function applySwot(s: SessionState, e: SwotEvent): SessionState {
  const cards = swotOf(s, e.itemId).cards;
  const next =
    e.type === 'swot.cardAdded'
      ? [...cards, e.card]
      : e.type === 'swot.cardEdited'
        ? cards.map((c) => (c.id === e.card.id ? e.card : c))
        : cards.filter((c) => c.id !== e.cardId);
  return { ...s, swot: dictSet(s.swot, e.itemId, { ...swotOf(s, e.itemId), cards: next }) };
}
