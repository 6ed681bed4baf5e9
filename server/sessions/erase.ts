import type { SessionEvent } from '../../shared/session/events.js';

/**
 * The stored form of an event with one note's text blanked, or null when the event does not carry that text.
 * The events stay (seqs contiguous, replay unchanged: the note is added empty, then erased).
 */
export function withoutNoteText(e: SessionEvent, noteId: string): SessionEvent | null {
  switch (e.type) {
    case 'note.added':
    case 'note.restored':
      return e.note.id === noteId ? ({ ...e, note: { ...e.note, text: '' } } as SessionEvent) : null;
    case 'note.deleted':
      return e.note?.id === noteId ? { ...e, note: { ...e.note, text: '' } } : null;
    case 'note.edited':
      return e.noteId === noteId ? { ...e, text: '' } : null;
    case 'flow.advanced':
      return e.revealed?.some((n) => n.id === noteId)
        ? { ...e, revealed: e.revealed.map((n) => (n.id === noteId ? { ...n, text: '' } : n)) }
        : null;
    default:
      return null;
  }
}
