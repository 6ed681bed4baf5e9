import { emptyKeyed, keyedGet, keyedSet, keyedValues, type Keyed } from '../../session/keyed.js';
import { noteById } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import { MODULES, columnsOf } from '../registry.js';
import { flowOf, isFlowItem, targetExists } from '../flow/flow.logic.js';
import { atLeast } from '../flow/flow.state.js';
import { currentRound, visionOf } from '../vision/vision.logic.js';
import type { LateEvent } from './late.events.js';
import type { LateEntry, LateInput } from './late.state.js';
import { dictHas } from '../../session/dict.js';

type Participant = Extract<Actor, { role: 'participant' }>;

/** Late entries of a session; a snapshot written before late input existed has none. */
export const lateOf = (s: Pick<SessionState, 'late'>): Keyed<LateEntry> => s.late ?? emptyKeyed();
export const lateEntryById = (s: Pick<SessionState, 'late'>, id: string): LateEntry | undefined => keyedGet(lateOf(s), id);

/** Late entries, oldest first, optionally only those that match. */
export function lateEntries(s: Pick<SessionState, 'late'>, match: (e: LateEntry) => boolean = () => true): LateEntry[] {
  return keyedValues(lateOf(s))
    .filter(match)
    .sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
}

/**
 * Whether a participant's input was refused only because its step had closed, and if so on which item and why.
 * Everything else (not theirs, a column or item that does not exist, a dot before the vote, a full dot budget) is
 * a plain refusal: accepting it later would be wrong, not late.
 */
export function closedStep(s: SessionState, actor: Participant, input: LateInput): { itemId: string; reason: string } | null {
  const locked = (itemId: string) => dictHas(s.lockedItems, itemId);
  switch (input.type) {
    case 'note.add': {
      const item = s.agenda.find((i) => i.id === input.payload.itemId);
      if (!item || !MODULES[item.moduleType].hasBoard || !columnsOf(item).includes(input.payload.column)) return null;
      if (locked(item.id)) return { itemId: item.id, reason: 'The board was locked.' };
      if (isFlowItem(item) && flowOf(s, item.id).phase !== 'brainstorm')
        return { itemId: item.id, reason: 'Posting had closed: the brainstorm was over.' };
      return null;
    }
    case 'note.edit': {
      const note = noteById(s, input.payload.noteId);
      if (!note || note.authorId !== actor.participantId) return null;
      if (locked(note.itemId)) return { itemId: note.itemId, reason: 'The board was locked.' };
      const flow = note.anonymous || isFlowItem(s.agenda.find((i) => i.id === note.itemId));
      if (flow && atLeast(flowOf(s, note.itemId), 'vote')) return { itemId: note.itemId, reason: 'Notes were fixed once the vote started.' };
      return null;
    }
    case 'flow.dot': {
      const item = s.agenda.find((i) => i.id === input.payload.itemId);
      // Taking a dot back after the vote changes nothing anyone typed: a plain refusal is enough.
      if (!item || !isFlowItem(item) || input.payload.delta !== 1 || input.payload.onBehalfOf) return null;
      // A dot for something that is not on the board is refused as missing, late or not.
      if (!targetExists(s, item.id, input.payload.target)) return null;
      if (locked(item.id)) return { itemId: item.id, reason: 'The board was locked.' };
      if (flowOf(s, item.id).phase === 'results') return { itemId: item.id, reason: 'The vote was over.' };
      return null;
    }
    case 'vision.fist':
    case 'vision.rate': {
      const item = s.agenda.find((i) => i.id === input.payload.itemId);
      if (!item || item.moduleType !== 'vision') return null;
      const v = visionOf(s, item.id);
      if (input.type === 'vision.rate') return v.crosswalk.open ? null : { itemId: item.id, reason: 'The crosswalk had closed.' };
      const round = currentRound(v);
      return round && (round.closed || v.final) ? { itemId: item.id, reason: 'The fist-to-five had closed.' } : null;
    }
    default: {
      const never: never = input;
      return never;
    }
  }
}

export function applyLate(s: SessionState, e: LateEvent & { at: number }): SessionState {
  switch (e.type) {
    case 'late.received':
      if (!e.entry?.id) return s;
      return { ...s, late: keyedSet(lateOf(s), e.entry.id, { ...e.entry, receivedAt: e.at }) };
    case 'late.resolved': {
      const entry = lateEntryById(s, e.entryId);
      return entry ? { ...s, late: keyedSet(lateOf(s), entry.id, { ...entry, status: e.status }) } : s;
    }
    default:
      return s;
  }
}
