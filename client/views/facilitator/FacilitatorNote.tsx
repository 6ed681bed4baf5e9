import type { Note } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';
import { NoteEditor } from '../../components/NoteEditor.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';

/** One note on the console: edit, move to another column, delete, remove for good (moderation). */
export function FacilitatorNote({ note, columns }: { note: Note; columns: string[] }) {
  return (
    <li className="note">
      <NoteEditor note={note} />
      <div className="note-controls">
        {columns.length > 1 && (
          <>
            <label htmlFor={`move-${note.id}`} className="visually-hidden">
              Move note to column
            </label>
            <select
              id={`move-${note.id}`}
              value={note.column}
              onChange={(e) => void sendCommand({ type: 'note.move', payload: { noteId: note.id, column: e.target.value } })}
            >
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </>
        )}
        <ConfirmAction
          label="Remove for good"
          question="Remove this note for good? Its text is erased from every screen and from the stored history."
          confirmLabel="Remove for good"
          onConfirm={() => void sendCommand({ type: 'note.erase', payload: { noteId: note.id } })}
          danger
        />
      </div>
    </li>
  );
}
