import { useMemo } from 'react';
import { useSession } from '../../store.js';
import { notesByColumn } from '../../notes.js';
import { NoteEditor } from '../../components/NoteEditor.js';
import { SendingNoteItem, useSendingNotes } from './SendingNotes.js';

/** The current item's notes; the participant's own can be edited and deleted while the board is open. */
export function ParticipantNotes({ itemId, columns, locked }: { itemId: string; columns: string[]; locked: boolean }) {
  const notes = useSession((s) => s.state.notes);
  const me = useSession((s) => s.participantId);
  const byColumn = useMemo(() => notesByColumn(notes, itemId, columns), [notes, itemId, columns]);
  const sending = useSendingNotes(itemId);
  const total = [...byColumn.values()].reduce((n, l) => n + l.length, 0) + sending.length;

  return (
    <section className="phone-card stack" aria-labelledby="phone-notes-heading">
      <h2 id="phone-notes-heading">Notes ({total})</h2>
      {total === 0 && <p className="muted">No notes yet. Be the first.</p>}
      {columns.map((column) => {
        const list = byColumn.get(column) ?? [];
        const onTheWay = sending.filter((n) => n.column === column || (column === columns[0] && !columns.includes(n.column)));
        if (columns.length > 1 && list.length + onTheWay.length === 0) return null;
        return (
          <div key={column} className="stack">
            {columns.length > 1 && <h3>{column}</h3>}
            <ul className="note-list">
              {[...onTheWay].reverse().map((n) => (
                <SendingNoteItem key={n.id} note={n} />
              ))}
              {[...list].reverse().map((note) => {
                const mine = me !== null && note.authorId === me;
                return (
                  <li key={note.id} className={`note${mine ? ' note--mine' : ''}`}>
                    {mine && !locked ? (
                      <NoteEditor note={note} showAuthor={false} />
                    ) : (
                      <div className="note-body">
                        <p className="note-text">{note.text}</p>
                        <p className="note-author">{mine ? 'You' : note.authorName}</p>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
