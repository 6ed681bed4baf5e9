import type { Keyed } from '../shared/session/keyed.js';
import { notesOfItem } from '../shared/session/notes.js';
import type { Note } from '../shared/session/state.js';

/** An item's notes grouped by column, oldest first; notes in columns that no longer exist go to the first one. */
export function notesByColumn(notes: Keyed<Note>, itemId: string, columns: string[]): Map<string, Note[]> {
  const out = new Map<string, Note[]>(columns.map((c) => [c, []]));
  for (const note of notesOfItem({ notes }, itemId)) {
    const bucket = out.get(note.column) ?? (columns[0] !== undefined ? out.get(columns[0]) : undefined);
    bucket?.push(note);
  }
  return out;
}
