import { fail } from '../../protocol/results.js';
import type { EventBody } from '../../session/events.js';
import type { NotePolicy } from '../../session/module.js';
import { notesOfItem } from '../../session/notes.js';
import type { Note, SessionState } from '../../session/state.js';
import { atLeast, flowOf } from './flow.state.js';

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
      if (atLeast(flow, 'results')) return fail('conflict', 'The results are in: notes are fixed now.');
      // Moving or deleting what people are voting on would strand their dots.
      if (action !== 'edit' && atLeast(flow, 'vote')) return fail('conflict', 'Notes stay where they are during the vote.');
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
  return [{ type: 'flow.ungrouped', itemId: note.itemId, noteId: note.id, dissolved: dissolvedBy(s, note) }];
}

function dissolvedBy(s: SessionState, leaving: Note): string | null {
  const gid = leaving.groupId;
  if (!gid) return null;
  const others = notesOfItem(s, leaving.itemId).filter((n) => n.groupId === gid && n.id !== leaving.id);
  return others.length === 0 ? gid : null;
}
