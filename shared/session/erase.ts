import type { SessionEvent } from './events.js';

/**
 * The stored form of an event with one note's text blanked, or null when the event does not carry that text.
 * The events stay (seqs contiguous, replay unchanged: the note is added empty, then erased).
 *
 * Any event may carry the note whole (added, restored, deleted, revealed, hidden or shown to the room, and whatever a
 * module adds later), so every object in the event that is this note (its id and a text) has its text blanked,
 * rather than a list of the event types known today.
 */
export function withoutNoteText(e: SessionEvent, noteId: string): SessionEvent | null {
  if (e.type === 'note.edited') return e.noteId === noteId ? { ...e, text: '' } : null;
  const out = blanked(e, noteId);
  return out === e ? null : (out as SessionEvent);
}

/** The value with the text of every object that is this note blanked; the very same value when there is none. */
function blanked(v: unknown, noteId: string): unknown {
  if (Array.isArray(v)) {
    const next = v.map((x) => blanked(x, noteId));
    return next.some((x, i) => x !== v[i]) ? next : v;
  }
  if (v === null || typeof v !== 'object') return v;
  const rec = v as Record<string, unknown>;
  const isNote = rec.id === noteId && typeof rec.text === 'string' && rec.text !== '';
  let next: Record<string, unknown> | null = isNote ? { ...rec, text: '' } : null;
  for (const [k, x] of Object.entries(rec)) {
    if (isNote && k === 'text') continue;
    const y = blanked(x, noteId);
    if (y !== x) (next ??= { ...rec })[k] = y;
  }
  return next ?? v;
}
