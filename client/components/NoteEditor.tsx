import { useState, type FormEvent } from 'react';
import type { Note } from '../../shared/session/state.js';
import { LIMITS } from '../../shared/protocol/limits.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { sendCommand } from '../store.js';
import { FormActions } from './FormActions.js';
import { useDraft } from './useDraft.js';
import { useConsoleName } from '../people.js';

/** The author as the console names them ("Sam (2)" for the second Sam). */
function NoteAuthor({ note }: { note: Note }) {
  return <p className="note-author">{useConsoleName(note.authorId, note.authorName)}</p>;
}

const send = (c: CommandInput) => void sendCommand(c);

export interface NoteEditFormProps {
  note: Note;
  draft: string;
  onDraft: (d: string | null) => void;
  label?: string;
  /** Where the edit goes (the session's client unless a board of the console passes its own). */
  onCommand?: (c: CommandInput) => void;
}

/** The form that rewords a note: its draft is the caller's (null closes it); errors in our own sentences. */
export function NoteEditForm({ note, draft, onDraft, label = 'Edit note', onCommand = send }: NoteEditFormProps) {
  const [error, setError] = useState<string | null>(null);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return setError('A note cannot be empty. Delete it instead.');
    if (text.length > LIMITS.noteText) return setError(`A note can be at most ${LIMITS.noteText} characters.`);
    if (text !== note.text) onCommand({ type: 'note.edit', payload: { noteId: note.id, text } });
    onDraft(null);
    setError(null);
  };
  return (
    <form className="note-edit stack" onSubmit={save} noValidate>
      <label htmlFor={`edit-${note.id}`}>{label}</label>
      <textarea id={`edit-${note.id}`} rows={3} value={draft} onChange={(e) => onDraft(e.target.value)} autoFocus />
      <div className="char-count">
        {draft.length} / {LIMITS.noteText} characters
      </div>
      <FormActions error={error} submitLabel="Save note" onCancel={() => onDraft(null)} />
    </form>
  );
}

/** A note's text with Edit and Delete, for whoever may change it (the author, or the facilitator). */
export function NoteEditor({ note, showAuthor = true }: { note: Note; showAuthor?: boolean }) {
  // The text being edited survives a refresh, and the editor reopens on it.
  const [stored, setStored] = useDraft(`edit:${note.id}`);
  const [editing, setEditing] = useState(stored !== '');
  const draft = editing ? stored : null;
  const setDraft = (text: string | null) => {
    setEditing(text !== null);
    setStored(text ?? '');
  };
  if (draft !== null) return <NoteEditForm note={note} draft={draft} onDraft={setDraft} />;

  return (
    <div className="note-body">
      <p className="note-text">{note.text}</p>
      {showAuthor && <NoteAuthor note={note} />}
      <div className="button-row">
        <button type="button" className="small" aria-label="Edit note" onClick={() => setDraft(note.text)}>
          Edit
        </button>
        <button
          type="button"
          className="small danger"
          aria-label="Delete note"
          onClick={() => void sendCommand({ type: 'note.delete', payload: { noteId: note.id } })}
        >
          Delete
        </button>
      </div>
    </div>
  );
}
