import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared/protocol/limits.js';
import { useDraft } from './useDraft.js';

export interface NoteFormProps {
  /** The board's columns; a column picker appears when there is more than one. */
  columns: string[];
  onSubmit: (text: string, column: string) => void;
  /** Set when posting is not possible (a locked board); the reason is shown and the button is disabled. */
  disabledReason?: string | null;
  /** Keeps the half-typed note across a page refresh under this name (one per board); omitted, it is not kept. */
  draftKey?: string;
}

/** Writes one note: a live character count, and a clear message instead of sending what the server would refuse. */
export function NoteForm({ columns, onSubmit, disabledReason, draftKey }: NoteFormProps) {
  const id = useId();
  const [text, setText] = useDraft(draftKey ? `note:${draftKey}` : null);
  const [column, setColumn] = useState(columns[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const chosen = columns.includes(column) ? column : (columns[0] ?? '');
  const over = text.length - LIMITS.noteText;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (disabledReason) return setError(disabledReason);
    if (!text.trim()) return setError('Write something first: a note cannot be empty.');
    if (over > 0) return setError(`A note can be at most ${LIMITS.noteText} characters. Remove ${over} to post it.`);
    if (!chosen) return setError('This board has no column to post into.');
    onSubmit(text.trim(), chosen);
    setText('');
    setError(null);
  };

  return (
    <form className="note-form" onSubmit={submit} noValidate>
      {columns.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-column`}>Column</label>
          <select id={`${id}-column`} value={chosen} onChange={(e) => setColumn(e.target.value)}>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>Your note</label>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={3}
          aria-describedby={`${id}-count`}
          aria-invalid={over > 0 || undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
        />
        <div id={`${id}-count`} className={`char-count${over > 0 ? ' char-count--over' : ''}`}>
          {text.length} / {LIMITS.noteText} characters{over > 0 ? ` (${over} too many)` : ''}
        </div>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {disabledReason && <p className="notice">{disabledReason}</p>}
      <button type="submit" className="primary" disabled={!!disabledReason}>
        Post note
      </button>
    </form>
  );
}
