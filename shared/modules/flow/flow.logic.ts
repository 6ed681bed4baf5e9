import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { EventBody } from '../../session/events.js';
import { dictGet, dictHas, toDict, type Dict } from '../../session/dict.js';
import type { ClosedStep, DecideContext } from '../../session/module.js';
import { noteById, notesOfItem } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import type { FlowCommand, FlowEvent } from './flow.events.js';
import { atLeast, dotsUsed, FLOW, flowOf, PHASE_LABELS, PHASES, type FlowState, type NoteGroup, type VoteTarget } from './flow.state.js';
import { leaveGroup } from './flow.notes.js';
import { stepBack } from './flow.back.js';
import { configureVote } from './flow.trim.js';

const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

export { flowOf };

/** A group of any brainstorm item, by id. */
export function groupById(s: SessionState, groupId: string): NoteGroup | undefined {
  for (const f of Object.values(s.flows)) {
    const g = dictGet(f.groups, groupId);
    if (g) return g;
  }
  return undefined;
}

/** A vote target's key in the dots and totals records. */
export const targetKey = (t: VoteTarget): string => `${t.kind}:${t.id}`;

/** Whether a target can take dots: a note that is in no group, or a group, of this item. */
export function targetExists(s: SessionState, itemId: string, t: VoteTarget): boolean {
  if (t.kind === 'group') return dictHas(flowOf(s, itemId).groups, t.id);
  const note = noteById(s, t.id);
  return !!note && note.itemId === itemId && !note.groupId && !note.withheld;
}

/** Dots per target, summed over all voters. */
export function tallyDots(flow: FlowState): Dict<number> {
  const totals = new Map<string, number>();
  for (const byTarget of Object.values(flow.dots))
    for (const [key, n] of Object.entries(byTarget)) if (n > 0) totals.set(key, (totals.get(key) ?? 0) + n);
  return toDict(totals);
}

export function decideFlow(s: SessionState, actor: Actor, cmd: FlowCommand, ctx: DecideContext): Decision {
  const p = cmd.payload;
  const itemId =
    'itemId' in p
      ? p.itemId
      : 'noteId' in p
        ? noteById(s, p.noteId)?.itemId
        : groupById(s, p.groupId)?.itemId;
  const item = s.agenda.find((i) => i.id === itemId);
  if (!item || !itemId) return fail('not_found', 'That item, note or group no longer exists.');
  if (!ctx.kinds.runs(item, FLOW)) return fail('conflict', 'This agenda item has no brainstorm.');
  if (actor.role !== 'facilitator' && dictHas(s.lockedItems, itemId)) return fail('conflict', 'The board is locked.');
  const flow = flowOf(s, itemId);
  const inPhase = (...phases: string[]): Decision | null =>
    phases.includes(flow.phase) ? null : fail('conflict', `Not now: this is the ${PHASE_LABELS[flow.phase].toLowerCase()} step.`);

  switch (cmd.type) {
    case 'flow.advance': {
      const back = stepBack(s, flow, itemId, cmd.payload.to, cmd.payload.dots);
      if (back) return back;
      const next = PHASES[PHASES.indexOf(flow.phase) + 1];
      if (cmd.payload.to !== next)
        return fail('conflict', next ? `The next step is ${PHASE_LABELS[next].toLowerCase()}.` : 'The results are final.');
      const e: FlowEvent = { type: 'flow.advanced', itemId, phase: next };
      if (next === 'reveal') e.revealed = notesOfItem(s, itemId).filter((n) => !n.withheld);
      if (next === 'results') e.totals = tallyDots(flow);
      return ok(e);
    }
    case 'flow.configure':
      if (atLeast(flow, 'results')) return fail('conflict', 'The vote is over.');
      return configureVote(flow, itemId, cmd.payload.dotsPerPerson, cmd.payload.maxPerItem, !!cmd.payload.trim);
    case 'flow.group': {
      const wrong = inPhase('cluster');
      if (wrong) return wrong;
      const note = noteById(s, cmd.payload.noteId);
      if (!note) return fail('not_found', 'That note no longer exists.');
      const onto = cmd.payload.onto;
      if (onto.kind === 'note') {
        const other = noteById(s, onto.id);
        if (!other || other.itemId !== itemId) return fail('not_found', 'That note no longer exists.');
        if (other.id === note.id) return fail('conflict', 'Drop the note onto another note.');
        if (other.groupId) return decideFlow(s, actor, { ...cmd, payload: { ...cmd.payload, onto: { kind: 'group', id: other.groupId } } }, ctx);
        const group = { id: ctx.newId(), itemId, name: '', column: other.column };
        return ok(...leaveGroup(s, note), { type: 'flow.grouped', itemId, noteIds: [other.id, note.id], group, created: true });
      }
      const group = dictGet(flow.groups, onto.id);
      if (!group) return fail('not_found', 'That group no longer exists.');
      if (note.groupId === group.id) return fail('conflict', 'The note is already in that group.');
      return ok(...leaveGroup(s, note), { type: 'flow.grouped', itemId, noteIds: [note.id], group, created: false });
    }
    case 'flow.ungroup': {
      const wrong = inPhase('cluster');
      if (wrong) return wrong;
      const note = noteById(s, cmd.payload.noteId);
      if (!note?.groupId) return fail('conflict', 'That note is not in a group.');
      return ok(...leaveGroup(s, note));
    }
    case 'flow.nameGroup': {
      // The facilitator may still tidy names during the vote; participants only while clustering.
      const wrong = actor.role === 'facilitator' ? inPhase('cluster', 'vote') : inPhase('cluster');
      if (wrong) return wrong;
      return ok({ type: 'flow.groupRenamed', itemId, groupId: cmd.payload.groupId, name: cmd.payload.name });
    }
    case 'flow.moveGroup': {
      const wrong = inPhase('cluster');
      if (wrong) return wrong;
      const columns = ctx.kinds.columnsOf(item);
      if (!columns.includes(cmd.payload.column)) return fail('not_found', `No column "${cmd.payload.column}".`);
      return ok({ type: 'flow.groupMoved', itemId, groupId: cmd.payload.groupId, column: cmd.payload.column });
    }
    case 'flow.dot': {
      const wrong = inPhase('vote');
      if (wrong) return fail('conflict', flow.phase === 'results' ? 'The vote is over.' : 'Voting has not started yet.');
      const { target, delta, onBehalfOf } = cmd.payload;
      if (actor.role === 'participant' && onBehalfOf) return fail('forbidden', 'Only the facilitator can place dots for someone else.');
      if (actor.role === 'facilitator' && !onBehalfOf) return fail('invalid', 'Say whose dot this is (the name of the person in the room).');
      const voter = actor.role === 'participant' ? actor.participantId : `proxy:${onBehalfOf}`;
      const mine = dictGet(dictGet(flow.dots, voter), targetKey(target)) ?? 0;
      if (delta === -1 && mine === 0) return fail('conflict', 'There is no dot there to take back.');
      // A dot can always be taken back, even from something that is no longer on the board.
      if (delta === 1 && !targetExists(s, itemId, target))
        return fail('not_found', target.kind === 'note' ? 'That note is in a group now or gone: vote for the group.' : 'That group no longer exists.');
      if (delta === 1 && dotsUsed(flow, voter) >= flow.dotsPerPerson)
        return fail('conflict', `All ${flow.dotsPerPerson} dots are used. Take one back to move it.`);
      if (delta === 1 && mine >= flow.maxPerItem) return fail('conflict', `At most ${flow.maxPerItem} dots on one item.`);
      return ok({ type: 'flow.dotted', itemId, voter, target, delta });
    }
    case 'flow.hide': {
      const note = noteById(s, cmd.payload.noteId);
      if (!note) return fail('not_found', 'That note no longer exists.');
      if (!!note.withheld === cmd.payload.hidden) return fail('conflict', cmd.payload.hidden ? 'That note is already hidden.' : 'That note is not hidden.');
      // Hiding keeps a note from the room, so only before the room has seen it; showing one to the room is possible at any step.
      if (cmd.payload.hidden && flow.phase !== 'brainstorm') return fail('conflict', 'A note can be hidden only during the silent brainstorm, before the room sees it.');
      const { withheld: _was, ...rest } = note;
      if (cmd.payload.hidden) return ok({ type: 'flow.noteHidden', itemId, noteId: note.id, hidden: true, note: { ...rest, withheld: true } });
      // After the reveal a note shown goes to every screen in full (anonymous), as the reveal would have shown it.
      const revealed = flow.phase !== 'brainstorm' ? { revealed: true as const } : {};
      return ok({ type: 'flow.noteHidden', itemId, noteId: note.id, hidden: false, note: rest, ...revealed });
    }
    case 'flow.carry': {
      const wrong = inPhase('results');
      if (wrong) return fail('conflict', 'Items carry forward once the results are in.');
      if (!targetExists(s, itemId, cmd.payload.target)) return fail('not_found', 'That item no longer exists.');
      return ok({ type: 'flow.carried', itemId, target: cmd.payload.target, carried: cmd.payload.carried });
    }
    // Stryker disable next-line all: unreachable, every command type has its case (the compiler checks)
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

/**
 * Whether a participant's dot was refused only because the vote had closed (late input). Taking a dot back after
 * the vote changes nothing anyone typed, and a dot for something that is not on the board is refused as missing.
 */
export function closedDot(s: SessionState, input: FlowCommand, ctx: DecideContext): ClosedStep | null {
  if (input.type !== 'flow.dot') return null;
  const item = s.agenda.find((i) => i.id === input.payload.itemId);
  if (!item || !ctx.kinds.runs(item, FLOW) || input.payload.delta !== 1 || input.payload.onBehalfOf) return null;
  if (!targetExists(s, item.id, input.payload.target)) return null;
  if (dictHas(s.lockedItems, item.id)) return { itemId: item.id, reason: 'The board was locked.' };
  if (flowOf(s, item.id).phase === 'results') return { itemId: item.id, reason: 'The vote was over.' };
  return null;
}
