import { fail } from '../../protocol/results.js';
import type { Command } from '../../protocol/commands.js';
import type { Decision } from '../../session/decide.js';
import type { EventBody } from '../../session/events.js';
import { keyedSet } from '../../session/keyed.js';
import { dictGet, dictHas, dictSet, dictUpdate, dictWithout, emptyDict, toDict, type Dict } from '../../session/dict.js';
import { allNotes, noteById, notesOfItem } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { AgendaItem, Note, SessionState } from '../../session/state.js';
import { columnsOf, MODULES } from '../registry.js';
import type { FlowEvent } from './flow.events.js';
import { atLeast, dotsUsed, initialFlow, PHASE_LABELS, PHASES, type FlowState, type NoteGroup, type VoteTarget } from './flow.state.js';

type FlowCommand = Extract<Command, { type: `flow.${string}` }>;
const ok = (...events: EventBody[]): Decision => ({ ok: true, events });

export const isFlowItem = (item: Pick<AgendaItem, 'moduleType'> | undefined): boolean =>
  !!item && MODULES[item.moduleType].flow;

export const flowOf = (s: SessionState, itemId: string): FlowState => dictGet(s.flows, itemId) ?? initialFlow();

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
  return !!note && note.itemId === itemId && !note.groupId;
}

/** Dots per target, summed over all voters. */
export function tallyDots(flow: FlowState): Dict<number> {
  const totals = new Map<string, number>();
  for (const byTarget of Object.values(flow.dots))
    for (const [key, n] of Object.entries(byTarget)) if (n > 0) totals.set(key, (totals.get(key) ?? 0) + n);
  return toDict(totals);
}

/**
 * The brainstorm-flow rules for a note command on a flow item: when posting, editing, moving and deleting are
 * open, by role. Returns a refusal, or null when the command may go ahead.
 */
export function noteRule(s: SessionState, actor: Actor, itemId: string, action: 'add' | 'edit' | 'move' | 'delete'): Decision | null {
  const phase = flowOf(s, itemId).phase;
  if (actor.role === 'facilitator') {
    if (atLeast(flowOf(s, itemId), 'results')) return fail('conflict', 'The results are in: notes are fixed now.');
    // Moving or deleting what people are voting on would strand their dots.
    if (action !== 'edit' && atLeast(flowOf(s, itemId), 'vote')) return fail('conflict', 'Notes stay where they are during the vote.');
    return null;
  }
  if (action === 'add' && phase !== 'brainstorm') return fail('conflict', 'Posting is closed: the brainstorm is over.');
  if (atLeast(flowOf(s, itemId), 'vote')) return fail('conflict', 'Notes are fixed once the vote starts.');
  return null;
}

/** Events that take a note out of its group before it moves to another column or is deleted. */
export function leaveGroup(s: SessionState, note: Note): EventBody[] {
  if (!note.groupId) return [];
  return [{ type: 'flow.ungrouped', itemId: note.itemId, noteId: note.id, dissolved: dissolvedBy(s, note) }];
}

function dissolvedBy(s: SessionState, leaving: Note): string | null {
  const gid = leaving.groupId;
  if (!gid) return null;
  const others = notesOfItem(s, leaving.itemId).filter((n) => n.groupId === gid && n.id !== leaving.id);
  return others.length === 0 ? gid : null;
}

export function decideFlow(s: SessionState, actor: Actor, cmd: FlowCommand, newId: () => string): Decision {
  const p = cmd.payload;
  const itemId =
    'itemId' in p
      ? p.itemId
      : 'noteId' in p
        ? noteById(s, p.noteId)?.itemId
        : groupById(s, p.groupId)?.itemId;
  const item = s.agenda.find((i) => i.id === itemId);
  if (!item || !itemId) return fail('not_found', 'That item, note or group no longer exists.');
  if (!isFlowItem(item)) return fail('conflict', 'This agenda item has no brainstorm.');
  if (actor.role !== 'facilitator' && dictHas(s.lockedItems, itemId)) return fail('conflict', 'The board is locked.');
  const flow = flowOf(s, itemId);
  const inPhase = (...phases: string[]): Decision | null =>
    phases.includes(flow.phase) ? null : fail('conflict', `Not now: this is the ${PHASE_LABELS[flow.phase].toLowerCase()} step.`);

  switch (cmd.type) {
    case 'flow.advance': {
      const next = PHASES[PHASES.indexOf(flow.phase) + 1];
      if (cmd.payload.to !== next)
        return fail('conflict', next ? `The next step is ${PHASE_LABELS[next].toLowerCase()}.` : 'The results are final.');
      const e: FlowEvent = { type: 'flow.advanced', itemId, phase: next };
      if (next === 'reveal') e.revealed = notesOfItem(s, itemId);
      if (next === 'results') e.totals = tallyDots(flow);
      return ok(e);
    }
    case 'flow.configure':
      if (atLeast(flow, 'results')) return fail('conflict', 'The vote is over.');
      return ok({ type: 'flow.configured', itemId, dotsPerPerson: cmd.payload.dotsPerPerson, maxPerItem: cmd.payload.maxPerItem });
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
        if (other.groupId) return decideFlow(s, actor, { ...cmd, payload: { ...cmd.payload, onto: { kind: 'group', id: other.groupId } } }, newId);
        const group = { id: newId(), itemId, name: '', column: other.column };
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
      const columns = columnsOf(item);
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

const withFlow = (s: SessionState, itemId: string, f: (flow: FlowState) => FlowState): SessionState => ({
  ...s,
  flows: dictUpdate(s.flows, itemId, initialFlow, f),
});

export function applyFlow(s: SessionState, e: FlowEvent): SessionState {
  switch (e.type) {
    case 'flow.advanced': {
      let next = withFlow(s, e.itemId, (f) => ({ ...f, phase: e.phase, totals: e.totals ?? f.totals }));
      for (const n of e.revealed ?? []) {
        const mine = noteById(s, n.id);
        // A screen that knew the author (its own note, or the facilitator) keeps knowing it.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: a screen holds an author only where it may know it, and holds every note (stand-ins too), so the checks are a guard only
        const author = mine && !mine.hidden && mine.authorId ? { authorId: mine.authorId, authorName: mine.authorName } : {};
        next = { ...next, notes: keyedSet(next.notes, n.id, { ...n, ...author }) };
      }
      return next;
    }
    case 'flow.configured':
      return withFlow(s, e.itemId, (f) => ({ ...f, dotsPerPerson: e.dotsPerPerson, maxPerItem: e.maxPerItem }));
    case 'flow.grouped': {
      let notes = s.notes;
      for (const id of e.noteIds) {
        const n = noteById(s, id);
        if (n) notes = keyedSet(notes, id, { ...n, groupId: e.group.id, column: e.group.column });
      }
      return withFlow({ ...s, notes }, e.itemId, (f) => ({ ...f, groups: dictSet(f.groups, e.group.id, dictGet(f.groups, e.group.id) ?? e.group) }));
    }
    case 'flow.ungrouped': {
      const n = noteById(s, e.noteId);
      const next = n ? { ...s, notes: keyedSet(s.notes, n.id, { ...n, groupId: null }) } : s;
      if (!e.dissolved) return next;
      const gone = e.dissolved;
      return withFlow(next, e.itemId, (f) => ({ ...f, groups: dictWithout(f.groups, gone) }));
    }
    case 'flow.groupRenamed':
      return withFlow(s, e.itemId, (f) => {
        const g = dictGet(f.groups, e.groupId);
        return g ? { ...f, groups: dictSet(f.groups, g.id, { ...g, name: e.name }) } : f;
      });
    case 'flow.groupMoved': {
      let notes = s.notes;
      for (const n of allNotes(s)) if (n.groupId === e.groupId) notes = keyedSet(notes, n.id, { ...n, column: e.column });
      return withFlow({ ...s, notes }, e.itemId, (f) => {
        const g = dictGet(f.groups, e.groupId);
        return g ? { ...f, groups: dictSet(f.groups, g.id, { ...g, column: e.column }) } : f;
      });
    }
    case 'flow.dotted':
      return withFlow(s, e.itemId, (f) => {
        const key = targetKey(e.target);
        const mine = dictGet(f.dots, e.voter) ?? emptyDict<number>();
        const n = (dictGet(mine, key) ?? 0) + e.delta;
        return { ...f, dots: dictSet(f.dots, e.voter, n > 0 ? dictSet(mine, key, n) : dictWithout(mine, key)) };
      });
    case 'flow.carried':
      return withFlow(s, e.itemId, (f) => {
        const key = targetKey(e.target);
        const rest = f.carried.filter((k) => k !== key);
        return { ...f, carried: e.carried ? [...rest, key] : rest };
      });
    // Stryker disable next-line all: unreachable, every event type has its case (the compiler checks)
    default: {
      const never: never = e;
      return never;
    }
  }
}
