import { keyedValues } from '../session/keyed.js';
import type { Note, SessionState } from '../session/state.js';

/** How many notes a simulated participant posts on one board before stopping. */
export const NOTES_EACH = 2;

/** The notes of an item this state holds (withheld and not-yet-readable ones left out), or one author's. */
export const itemNotes = (s: SessionState, itemId: string, authorId?: string): Note[] =>
  keyedValues(s.notes).filter((n) => n.itemId === itemId && !n.hidden && !n.withheld && (authorId === undefined || n.authorId === authorId));

/** Everyone in the room, in the order they joined. */
export const participantIds = (s: SessionState): string[] =>
  keyedValues(s.participants)
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((p) => p.id);
