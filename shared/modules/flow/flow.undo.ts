import { dictGet } from '../../session/dict.js';
import type { EventBody } from '../../session/events.js';
import type { Note, SessionState } from '../../session/state.js';
import { flowOf, dotsUsed, type NoteGroup } from './flow.state.js';
import { targetKey } from './flow.logic.js';

/**
 * A deleted note came back (undo): what its leaving took comes back with it. The group it was the last note of is
 * rebuilt around it (same id, name and column), and during the vote every dot that was on it, or on that group, goes
 * back to its voter, as far as the vote's limits allow now (a voter who spent the freed dot elsewhere meanwhile keeps
 * that one instead). After the vote the dots stay with their voters: the totals are already public.
 */
export function noteReturnedFlow(s: SessionState, note: Note, left: readonly EventBody[]): EventBody[] {
  const flow = flowOf(s, note.itemId);
  const out: EventBody[] = [];
  let rebuilt: NoteGroup | null = null;
  for (const e of left)
    if (e.type === 'flow.ungrouped' && e.noteId === note.id && e.group && !note.groupId && !dictGet(flow.groups, e.group.id)) {
      rebuilt = e.group;
      out.push({ type: 'flow.grouped', itemId: note.itemId, noteIds: [note.id], group: e.group, created: true });
    }
  if (flow.phase !== 'vote') return out;
  const given = new Map<string, number>();
  const more = (key: string) => given.set(key, (given.get(key) ?? 0) + 1);
  for (const e of left) {
    if (e.type !== 'flow.dotted' || e.delta !== -1) continue;
    const { voter, target } = e;
    const there = target.kind === 'note' ? target.id === note.id : target.id === rebuilt?.id || !!dictGet(flow.groups, target.id);
    const onTarget = JSON.stringify([voter, targetKey(target)]);
    const onIt = (dictGet(dictGet(flow.dots, voter), targetKey(target)) ?? 0) + (given.get(onTarget) ?? 0);
    if (!there || dotsUsed(flow, voter) + (given.get(voter) ?? 0) >= flow.dotsPerPerson || onIt >= flow.maxPerItem) continue;
    more(voter);
    more(onTarget);
    out.push({ ...e, delta: 1 });
  }
  return out;
}
