import { dictGet, dictSet, dictWithout, emptyDict, toDict, type Dict } from './dict.js';
import type { EventBody } from './events.js';
import type { Note, SessionState } from './state.js';

/** How long after deleting a note the facilitator may undo it ("Deleted. Undo" shows this long). */
export const UNDO_MS = 10_000;
/** Slack for the undo press in flight when the ten seconds end. */
const UNDO_GRACE_MS = 5_000;

/** A deleted note kept for its undo, with when it was deleted. */
export interface DeletedNote {
  note: Note;
  at: number;
  /** The events that took it out of the modules' data when it was deleted (see `note.deleted`). */
  left?: EventBody[];
}

/** The recently deleted notes, with this one added and those past their undo dropped. */
export function keepDeleted(s: SessionState, note: Note, at: number, left?: EventBody[]): Dict<DeletedNote> {
  const fresh = Object.entries(s.recentlyDeleted ?? emptyDict<DeletedNote>()).filter(([, d]) => at - d.at <= UNDO_MS + UNDO_GRACE_MS);
  return dictSet(toDict(fresh), note.id, left?.length ? { note, at, left } : { note, at });
}

export const withoutDeleted = (s: SessionState, noteId: string): Dict<DeletedNote> | undefined =>
  s.recentlyDeleted && dictWithout(s.recentlyDeleted, noteId);

/** A deleted note that can still be undone now, or why not. */
export function undoable(s: SessionState, noteId: string, now: number): DeletedNote | string {
  const d = s.recentlyDeleted ? dictGet(s.recentlyDeleted, noteId) : undefined;
  if (!d) return 'That note cannot be brought back: it was not deleted in the last 10 seconds.';
  if (now - d.at > UNDO_MS + UNDO_GRACE_MS) return 'Too late to undo: the note was deleted more than 10 seconds ago.';
  return d;
}
