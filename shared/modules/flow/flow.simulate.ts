import type { CommandBody } from '../../protocol/commands.js';
import { dictGet } from '../../session/dict.js';
import type { RehearsalHooks } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { phrase } from '../../rehearsal/phrases.js';
import type { Rng } from '../../rehearsal/rng.js';
import { itemNotes, NOTES_EACH } from '../../rehearsal/room.js';
import { targetKey } from './flow.logic.js';
import { dotsUsed, flowOf, PHASES, type FlowState, type VoteTarget } from './flow.state.js';

/** What can take a dot now: the notes in no cluster, and the clusters. */
function targets(s: SessionState, item: AgendaItem, flow: FlowState): VoteTarget[] {
  const notes = itemNotes(s, item.id).filter((n) => n.groupId === null).map((n): VoteTarget => ({ kind: 'note', id: n.id }));
  const groups = Object.values(flow.groups).map((g): VoteTarget => ({ kind: 'group', id: g.id }));
  return [...notes, ...groups];
}

/** A simulated participant writes a couple of notes in the brainstorm, then spends their dots in the vote. */
export function simulateFlow(s: SessionState, item: AgendaItem, participantId: string, rng: Rng): CommandBody | null {
  const flow = flowOf(s, item.id);
  if (flow.phase === 'brainstorm') {
    if (itemNotes(s, item.id, participantId).length >= NOTES_EACH) return null;
    const column = rng.pick(item.columns);
    return { type: 'note.add', payload: { itemId: item.id, column, text: phrase(rng, item.prompt, column) } };
  }
  if (flow.phase !== 'vote' || dotsUsed(flow, participantId) >= flow.dotsPerPerson) return null;
  const mine = dictGet(flow.dots, participantId);
  const open = targets(s, item, flow).filter((t) => ((mine && dictGet(mine, targetKey(t))) ?? 0) < flow.maxPerItem);
  if (open.length === 0) return null;
  return { type: 'flow.dot', payload: { itemId: item.id, target: rng.pick(open), delta: 1 } };
}

/** The facilitator moves the flow one step at a time; in the cluster step, puts two notes of a column together once. */
export function driveFlow(s: SessionState, item: AgendaItem): CommandBody | null {
  const flow = flowOf(s, item.id);
  if (flow.phase === 'cluster' && Object.keys(flow.groups).length === 0) {
    const loose = itemNotes(s, item.id).filter((n) => n.groupId === null);
    const pair = loose.flatMap((a) => loose.filter((b) => b.id !== a.id && b.column === a.column).map((b) => [a, b] as const))[0];
    if (pair) return { type: 'flow.group', payload: { noteId: pair[0].id, onto: { kind: 'note', id: pair[1].id } } };
  }
  const next = PHASES[PHASES.indexOf(flow.phase) + 1];
  return next ? { type: 'flow.advance', payload: { itemId: item.id, to: next } } : null;
}

export const flowRehearsal: RehearsalHooks = { simulate: simulateFlow, drive: driveFlow };
