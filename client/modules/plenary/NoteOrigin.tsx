import './origin.css';
import { useNoteOrigin } from './usePlenary.js';

/** "from Safety group" under a synthesis note pulled from a work group (nothing for any other note). */
export function NoteOrigin({ noteId }: { noteId: string }) {
  const link = useNoteOrigin(noteId);
  return link ? <p className="plenary-origin">from {link.groupName}</p> : null;
}
