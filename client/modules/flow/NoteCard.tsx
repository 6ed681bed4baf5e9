import type { ReactNode } from 'react';
import type { Note } from '../../../shared/session/state.js';
import { NoteOrigin } from '../plenary/NoteOrigin.js';

export interface NoteCardProps {
  note: Note;
  /** Marks the viewer's own note ("You") on a phone; no other author is ever shown in the flow. */
  mine?: boolean;
  children?: ReactNode;
}

/** A note of the flow: its text, anonymous (a note pulled from a work group says which: "from Safety group"). */
export function NoteCard({ note, mine, children }: NoteCardProps) {
  return (
    <div className={`flow-note${mine ? ' flow-note--mine' : ''}`}>
      <p className="flow-note-text">{note.text}</p>
      <NoteOrigin noteId={note.id} />
      {mine && <p className="flow-note-mine">Yours</p>}
      {children}
    </div>
  );
}
