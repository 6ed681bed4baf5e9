import type { Command } from '../../protocol/commands.js';
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { EventBody } from '../../session/events.js';
import { keyedGet, keyedSet, keyedValues } from '../../session/keyed.js';
import type { DecideContext, EventMeta, Participant } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { LateCommand, LateEvent } from './late.events.js';
import { LATE_CAP_PER_ITEM, type LateEntry } from './late.state.js';

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

export const lateEntryById = (s: Pick<SessionState, 'late'>, id: string): LateEntry | undefined => keyedGet(s.late, id);

/** Late entries, oldest first, optionally only those that match. */
export function lateEntries(s: Pick<SessionState, 'late'>, match: (e: LateEntry) => boolean = () => true): LateEntry[] {
  return keyedValues(s.late)
    .filter(match)
    .sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
}

/**
 * A participant's input refused only because its step closed meanwhile is kept as a late entry instead of being
 * lost (up to a cap per item). Null: the refusal stands.
 */
export function keepLate(state: SessionState, actor: Participant, cmd: Command, ctx: DecideContext): Decision | null {
  const { id: commandId, ...input } = cmd;
  if (!ctx.isLateInput(input)) return null;
  const closed = ctx.closedStep(state, actor, input);
  if (!closed) return null;
  const sent = lateEntries(state, (e) => e.authorId === actor.participantId && e.itemId === closed.itemId).length;
  if (sent >= LATE_CAP_PER_ITEM)
    return fail(
      'conflict',
      `${closed.reason} You already sent ${LATE_CAP_PER_ITEM} inputs to this item after it closed, the most the facilitator can receive. This one stays on your phone only.`,
    );
  const entry = { id: ctx.newId(), commandId, itemId: closed.itemId, authorId: actor.participantId, authorName: actor.name, input, reason: closed.reason };
  return ok({ type: 'late.received', entry: { ...entry, status: 'pending' } });
}

/** The facilitator's decision on a late entry (the core let only the facilitator through). */
export function decideLate(state: SessionState, cmd: LateCommand, ctx: DecideContext): Decision {
  const entry = lateEntryById(state, cmd.payload.entryId);
  if (!entry) return fail('not_found', 'That late input does not exist.');
  if (entry.status === 'accepted') return fail('conflict', 'That late input was already added.');
  if (entry.status === 'dismissed') return fail('conflict', 'That late input was dismissed: it cannot be added or dismissed again.');
  const resolved = (status: 'accepted' | 'dismissed'): EventBody => ({
    type: 'late.resolved',
    entryId: entry.id,
    itemId: entry.itemId,
    authorId: entry.authorId,
    status,
  });
  if (cmd.type === 'late.dismiss') return ok(resolved('dismissed'));
  const accepted = acceptDecision(state, entry, ctx);
  return accepted.ok ? ok(...accepted.events, resolved('accepted')) : accepted;
}

/**
 * What accepting a late entry does now, or why it cannot. A note goes in under the facilitator's rules (a locked
 * board does not stop the facilitator) but keeps its author, so its item's privacy and anonymity apply to it as to
 * any note; a dot or a rating counts only if the author could still give it now (the vote still open), and a
 * fist-to-five answer never (its round is over for good).
 * The console runs this too, to offer Accept only where it would pass.
 */
export function acceptDecision(state: SessionState, entry: LateEntry, ctx: Pick<DecideContext, 'decide'>): Decision {
  const cmd = { id: entry.id, ...entry.input } as Command;
  if (entry.input.type === 'note.add' || entry.input.type === 'note.edit') {
    const d = ctx.decide(state, { role: 'facilitator' }, cmd);
    if (!d.ok) return d;
    return ok(
      ...d.events.map((e) => (e.type === 'note.added' ? { ...e, note: { ...e.note, authorId: entry.authorId, authorName: entry.authorName } } : e)),
    );
  }
  // An answer names no round: counted now it would land on whatever statement is asked next, not the one answered.
  if (entry.input.type === 'vision.fist') return fail('conflict', 'The round it answered is closed: ask the room again.');
  return ctx.decide(state, { role: 'participant', participantId: entry.authorId, name: entry.authorName }, cmd);
}

export function applyLate(s: SessionState, e: LateEvent & EventMeta): SessionState {
  switch (e.type) {
    case 'late.received':
      if (!e.entry?.id) return s;
      return { ...s, late: keyedSet(s.late, e.entry.id, { ...e.entry, receivedAt: e.at }) };
    case 'late.resolved': {
      const entry = lateEntryById(s, e.entryId);
      return entry ? { ...s, late: keyedSet(s.late, entry.id, { ...entry, status: e.status }) } : s;
    }
    default:
      return s;
  }
}
