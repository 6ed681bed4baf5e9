import { MoveChoice } from '../../modules/flow/MoveChoice.js';
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
          <MoveChoice
            focusKey={`note:${note.id}`}
            label="Move note to column"
            what={`"${note.text.slice(0, 30)}"`}
            placeholder={`In ${note.column}: move to…`}
            onChoose={(column) => void sendCommand({ type: 'note.move', payload: { noteId: note.id, column } })}
          >
            {columns
              .filter((c) => c !== note.column)
              .map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
          </MoveChoice>
        )}
        <SpotlightButton target={{ itemId: note.itemId, kind: 'note', id: note.id }} label={note.text} />
        <RemoveForGood noteId={note.id} />
      </div>
    </li>
  );
}
