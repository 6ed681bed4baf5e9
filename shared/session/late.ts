import type { Command } from '../protocol/commands.js';
import { fail } from '../protocol/results.js';
import { closedStep, lateEntries, lateEntryById } from '../modules/late/late.logic.js';
import { isLateKind, LATE_CAP_PER_ITEM, type LateEntry, type LateInput } from '../modules/late/late.state.js';
import { decide, type Decision } from './decide.js';
import type { EventBody } from './events.js';
import type { Actor } from './permissions.js';
import type { SessionState } from './state.js';

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });
type LateCommand = Extract<Command, { type: `late.${string}` }>;

/**
 * The decision the server runs for every command: the session rules of `decide`, except that a participant's
 * input refused only because its step closed meanwhile is kept as a late entry instead of being lost.
 */
export function decideWithLate(state: SessionState, actor: Actor, cmd: Command, now: number, newId: () => string): Decision {
  if (cmd.type === 'late.accept' || cmd.type === 'late.dismiss') return decideLateCommand(state, actor, cmd, now, newId);
  const decision = decide(state, actor, cmd, now, newId);
  if (decision.ok || actor.role !== 'participant' || !isLateKind(cmd.type)) return decision;
  const { id: commandId, ...body } = cmd;
  const input = body as LateInput;
  const closed = closedStep(state, actor, input);
  if (!closed) return decision;
  const sent = lateEntries(state, (e) => e.authorId === actor.participantId && e.itemId === closed.itemId).length;
  if (sent >= LATE_CAP_PER_ITEM)
    return fail(
      'conflict',
      `${closed.reason} You already sent ${LATE_CAP_PER_ITEM} inputs to this item after it closed, the most the facilitator can receive. This one stays on your phone only.`,
    );
  const entry = { id: newId(), commandId, itemId: closed.itemId, authorId: actor.participantId, authorName: actor.name, input, reason: closed.reason };
  return ok({ type: 'late.received', entry: { ...entry, status: 'pending' } });
}

function decideLateCommand(state: SessionState, actor: Actor, cmd: LateCommand, now: number, newId: () => string): Decision {
  if (actor.role !== 'facilitator') return fail('forbidden', 'Only the facilitator can do that.');
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
  const accepted = acceptDecision(state, entry, now, newId);
  return accepted.ok ? ok(...accepted.events, resolved('accepted')) : accepted;
}

/**
 * What accepting a late entry does now, or why it cannot. A note goes in under the facilitator's rules (a locked
 * board does not stop the facilitator) but keeps its author, so the brainstorm's privacy and anonymity apply to it
 * as to any note; a dot or a rating counts only if the author could still give it now (the vote still open), and a
 * fist-to-five answer never (its round is over for good).
 * The console runs this too, to offer Accept only where it would pass.
 */
export function acceptDecision(state: SessionState, entry: LateEntry, now: number, newId: () => string): Decision {
  const cmd = { id: entry.id, ...entry.input } as Command;
  if (entry.input.type === 'note.add' || entry.input.type === 'note.edit') {
    const d = decide(state, { role: 'facilitator' }, cmd, now, newId);
    if (!d.ok) return d;
    return ok(
      ...d.events.map((e) => (e.type === 'note.added' ? { ...e, note: { ...e.note, authorId: entry.authorId, authorName: entry.authorName } } : e)),
    );
  }
  // An answer names no round: counted now it would land on whatever statement is asked next, not the one answered.
  if (entry.input.type === 'vision.fist') return fail('conflict', 'The round it answered is closed: ask the room again.');
  return decide(state, { role: 'participant', participantId: entry.authorId, name: entry.authorName }, cmd, now, newId);
}
