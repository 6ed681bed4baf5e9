import type { Note } from '../shared/session/state.js';

/** An item's notes grouped by column, oldest first; notes in columns that no longer exist go to the first one. */
export function notesByColumn(notes: Record<string, Note>, itemId: string, columns: string[]): Map<string, Note[]> {
  const out = new Map<string, Note[]>(columns.map((c) => [c, []]));
  const list = Object.values(notes)
    .filter((n) => n.itemId === itemId)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const note of list) {
    const bucket = out.get(note.column) ?? (columns[0] !== undefined ? out.get(columns[0]) : undefined);
    bucket?.push(note);
  }
  return out;
}
