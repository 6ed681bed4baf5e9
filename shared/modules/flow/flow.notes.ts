import { fail } from '../../protocol/results.js';
import type { EventBody } from '../../session/events.js';
import type { NotePolicy } from '../../session/module.js';
import { notesOfItem } from '../../session/notes.js';
import type { Note, SessionState } from '../../session/state.js';
import { dictGet } from '../../session/dict.js';
import { atLeast, flowOf, type VoteTarget } from './flow.state.js';

/**
 * Notes on an item that runs the brainstorm flow: anonymous, private to their author and the facilitator during the
 * silent brainstorm, posted only then, fixed once the vote starts (for the facilitator: placed until the vote, worded
 * until the results), and moved by anyone while the room clusters.
 */
export const FLOW_NOTES: NotePolicy = {
  anonymous: true,
  isPrivate: (s, itemId) => flowOf(s, itemId).phase === 'brainstorm',
  refuse(s, actor, itemId, action) {
    const flow = flowOf(s, itemId);
    if (actor.role === 'facilitator') {
      // Moderation (rewording, deleting) stays open in every step; adding or moving would change what was voted on.
      if (action === 'edit' || action === 'delete') return null;
      if (atLeast(flow, 'results')) return fail('conflict', 'The results are in: notes are fixed now.');
      if (atLeast(flow, 'vote')) return fail('conflict', 'Notes stay where they are during the vote.');
      return null;
    }
    if (action === 'add' && flow.phase !== 'brainstorm') return fail('conflict', 'Posting is closed: the brainstorm is over.');
    if (atLeast(flow, 'vote')) return fail('conflict', 'Notes are fixed once the vote starts.');
    return null;
  },
  closedReason(s, itemId, action) {
    const flow = flowOf(s, itemId);
    if (action === 'add') return flow.phase !== 'brainstorm' ? 'Posting had closed: the brainstorm was over.' : null;
    return atLeast(flow, 'vote') ? 'Notes were fixed once the vote started.' : null;
  },
  othersMayMove: (s, itemId) => flowOf(s, itemId).phase === 'cluster',
};

/** Events that take a note out of its group before it moves to another column or is deleted. */
export function leaveGroup(s: SessionState, note: Note): EventBody[] {
  if (!note.groupId) return [];
  const dissolved = dissolvedBy(s, note);
  const group = dissolved ? dictGet(flowOf(s, note.itemId).groups, dissolved) : undefined;
  return [{ type: 'flow.ungrouped', itemId: note.itemId, noteId: note.id, dissolved, ...(group ? { group } : {}) }];
}

/**
 * A note leaving during the vote (deleted or removed for good; moves are refused then): each voter gets back the
 * dots on it, and on its group if it was the group's last note, so no dot stays on something nobody can see.
 */
export function noteLeavingFlow(s: SessionState, note: Note): EventBody[] {
  const flow = flowOf(s, note.itemId);
  const out = leaveGroup(s, note);
  if (flow.phase !== 'vote') return out;
  const targets: VoteTarget[] = [{ kind: 'note', id: note.id }];
  const dissolved = note.groupId && dissolvedBy(s, note);
  if (dissolved) targets.push({ kind: 'group', id: dissolved });
  for (const [voter, mine] of Object.entries(flow.dots))
    for (const target of targets)
      for (let i = dictGet(mine, `${target.kind}:${target.id}`) ?? 0; i > 0; i--)
        out.push({ type: 'flow.dotted', itemId: note.itemId, voter, target, delta: -1 });
  return out;
}

/** A deleted note coming back: into its group if the group is still there (in the group's column), else alone. */
export function noteReturningFlow(s: SessionState, note: Note): Note {
  if (!note.groupId) return note;
  const group = dictGet(flowOf(s, note.itemId).groups, note.groupId);
  return group ? { ...note, column: group.column } : { ...note, groupId: null };
}

function dissolvedBy(s: SessionState, leaving: Note): string | null {
  const gid = leaving.groupId;
  if (!gid) return null;
  const others = notesOfItem(s, leaving.itemId).filter((n) => n.groupId === gid && n.id !== leaving.id);
  return others.length === 0 ? gid : null;
}
