import { useState } from 'react';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { Note } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';
import { NoteEditForm } from '../../components/NoteEditor.js';
import { RemoveForGood } from '../../views/facilitator/RemoveForGood.js';

const send = (c: CommandInput) => void sendCommand(c);

export interface ModerateNoteProps {
  note: Note;
  canHide?: boolean;
  /** A card's own row: Edit and Delete only (removing for good stays in the step's folded list). */
  compact?: boolean;
  /** Where the commands go (the session's client unless the board passes its own). */
  onCommand?: (c: CommandInput) => void;
}

/**
 * The facilitator's moderation of one note in any step: reword it, delete it (undo for 10 s), hide it from the room
 * (before the reveal), remove it for good.
 */
export function ModerateNote({ note, canHide = false, compact = false, onCommand = send }: ModerateNoteProps) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) return <NoteEditForm note={note} draft={draft} onDraft={setDraft} label="Reword note" onCommand={onCommand} />;
  return (
    <div className="button-row moderate-note">
      <button type="button" className="small" aria-label={`Edit note: ${note.text}`} onClick={() => setDraft(note.text)}>
        Edit
      </button>
      <button
        type="button"
        className="small danger"
        aria-label={`Delete note: ${note.text}`}
        onClick={() => onCommand({ type: 'note.delete', payload: { noteId: note.id } })}
      >
        Delete
      </button>
      {canHide && (
        <button
          type="button"
          className="small"
          aria-label={`Hide from the room: ${note.text}`}
          onClick={() => onCommand({ type: 'flow.hide', payload: { noteId: note.id, hidden: true } })}
        >
          Hide
        </button>
      )}
      {!compact && <RemoveForGood noteId={note.id} />}
    </div>
  );
}

/** Every note of the step with its moderation, folded away (the cluster step's cards carry only Edit and Delete). */
export function ModerateList({ notes, summary = 'Edit or delete a note' }: { notes: Note[]; summary?: string }) {
  if (!notes.length) return null;
  return (
    <details className="moderate-list">
      <summary>
        {summary} ({notes.length})
      </summary>
      <ul className="note-list">
        {notes.map((n) => (
          <li key={n.id} className="note">
            <p className="note-text">{n.text}</p>
            <ModerateNote note={n} />
          </li>
        ))}
      </ul>
    </details>
  );
}
