/**
 * Pieces every module's report section is made of: the item's prompt, its notes by column, who wrote a note (only
 * when names are on). Modules build their sections from these so a board prints the same in every module.
 */
import { notesOfItem } from '../session/notes.js';
import type { AgendaItem, Note, SessionState } from '../session/state.js';
import type { Block, ReportOptions } from './model.js';

export const NO_NOTES = 'No notes were posted.';

/** An item's notes that this state can read, oldest first (a phone's stand-ins for private notes are left out). */
export const readableNotes = (state: SessionState, itemId: string): Note[] => notesOfItem(state, itemId).filter((n) => !n.hidden && !n.withheld);

/**
 * The name to print with a note: only with names on, and never for a brainstorm note (anonymous by design, to the
 * room and to the report alike).
 */
export const authorOf = (note: Note, options: ReportOptions): string | null =>
  options.names && !note.anonymous && note.authorName ? note.authorName : null;

/** A note as one line of a list: its text, and its author's name when names are on. */
export function noteLine(note: Note, options: ReportOptions): string {
  const author = authorOf(note, options);
  return author ? `${note.text} (${author})` : note.text;
}

/** The question the room was asked, when the item has one. */
export const promptBlocks = (item: AgendaItem): Block[] => (item.prompt ? [{ kind: 'paragraph', text: item.prompt }] : []);

/**
 * The item's columns in board order, then any column a note still names that the item no longer has (a column
 * renamed after notes were posted), so no note is left out.
 */
export function columnsWithNotes(itemColumns: readonly string[], notes: Note[]): string[] {
  const columns = [...itemColumns];
  for (const n of notes) if (!columns.includes(n.column)) columns.push(n.column);
  return columns;
}

/** Notes under a heading per column; a column nobody wrote in says so; a board with no notes at all says it once. */
export function notesByColumn(itemColumns: readonly string[], notes: Note[], options: ReportOptions, line = noteLine): Block[] {
  if (!notes.length) return [{ kind: 'paragraph', text: NO_NOTES }];
  const blocks: Block[] = [];
  for (const column of columnsWithNotes(itemColumns, notes)) {
    const mine = notes.filter((n) => n.column === column);
    blocks.push({ kind: 'heading', level: 3, text: column });
    blocks.push(mine.length ? { kind: 'list', items: mine.map((n) => line(n, options)) } : { kind: 'paragraph', text: NO_NOTES, tone: 'muted' });
  }
  return blocks;
}
