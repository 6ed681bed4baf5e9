import type { Note } from '../../../shared/session/state.js';
import { NoteForm } from '../../components/NoteForm.js';
import { NoteEditor } from '../../components/NoteEditor.js';
import { plural } from './model.js';
import { SendingNoteItem, type SendingNote } from '../../views/participant/SendingNotes.js';

export interface PhoneBrainstormProps {
  columnNames: string[];
  /** This participant's own notes, oldest first. */
  own: Note[];
  /** How many notes the whole room has posted (others' are private: only counted). */
  roomCount: number;
  onPost: (text: string, column: string) => void;
  /** This phone's notes not on the server yet (offline): shown as sending, never gone. */
  sending?: SendingNote[];
  /** Keeps a half-typed note across a refresh (the item's id). */
  draftKey?: string;
  /** Why posting is closed (a locked board); the half-typed note stays. */
  disabledReason?: string | null;
}

/** The silent brainstorm on a phone: write notes, see and change only one's own. */
export function PhoneBrainstorm({ columnNames, own, roomCount, onPost, sending = [], draftKey, disabledReason }: PhoneBrainstormProps) {
  return (
    <>
      <section className="phone-card" aria-label="Post a note">
        <NoteForm columns={columnNames} onSubmit={onPost} draftKey={draftKey} disabledReason={disabledReason} />
      </section>
      <section className="phone-card stack" aria-labelledby="own-notes-heading">
        <h2 id="own-notes-heading">Notes you posted ({own.length + sending.length})</h2>
        <p className="muted">The room has posted {plural(roomCount, 'note')} so far. Everyone sees them at the reveal, without names.</p>
        {own.length + sending.length === 0 && <p className="muted">You have not posted a note yet.</p>}
        {columnNames.map((column) => {
          const list = own.filter((n) => n.column === column);
          const onTheWay = sending.filter((n) => n.column === column);
          if (list.length + onTheWay.length === 0) return null;
          return (
            <div key={column} className="stack">
              {columnNames.length > 1 && <h3>{column}</h3>}
              <ul className="note-list">
                {[...onTheWay].reverse().map((n) => (
                  <SendingNoteItem key={n.id} note={n} />
                ))}
                {[...list].reverse().map((n) => (
                  <li key={n.id} className="note note--mine">
                    <NoteEditor note={n} showAuthor={false} />
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </>
  );
}
