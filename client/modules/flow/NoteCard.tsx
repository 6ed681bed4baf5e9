import type { ReactNode } from 'react';
import type { Note } from '../../../shared/session/state.js';

export interface NoteCardProps {
  note: Note;
  /** Marks the viewer's own note ("You") on a phone; no other author is ever shown in the flow. */
  mine?: boolean;
  children?: ReactNode;
}

/** A note of the flow: its text, anonymous. */
export function NoteCard({ note, mine, children }: NoteCardProps) {
  return (
    <div className={`flow-note${mine ? ' flow-note--mine' : ''}`}>
      <p className="flow-note-text">{note.text}</p>
      {mine && <p className="flow-note-mine">Yours</p>}
      {children}
    </div>
  );
}
