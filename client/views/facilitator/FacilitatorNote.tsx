import { SpotlightButton } from '../../modules/spotlight/SpotlightButton.js';
import type { Note } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';
import { NoteEditor } from '../../components/NoteEditor.js';
import { RemoveForGood } from './RemoveForGood.js';

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
        <SpotlightButton target={{ itemId: note.itemId, kind: 'note', id: note.id }} label={note.text} />
        <RemoveForGood noteId={note.id} />
      </div>
    </li>
  );
}
