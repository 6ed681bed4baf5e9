import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';

export interface TextLineFormProps {
  label: string;
  submitLabel: string;
  onSubmit: (text: string) => void;
  /** Starting text (editing); the form keeps its own draft after that. */
  initial?: string;
  onCancel?: () => void;
  /** A one-line input (default) or a textarea. */
  rows?: number;
  /** What the text is called in a refusal ("A recommendation"). */
  what?: string;
  /** The label for screen readers only (a heading above already says it); the box shows `placeholder`. */
  hideLabel?: boolean;
  placeholder?: string;
  /** The most characters the text may have (default LIMITS.noteText). */
  max?: number;
}

/** One line of text with its button: trimmed, 1..`max` characters, refused in our own words. */
export function TextLineForm({ label, submitLabel, onSubmit, initial = '', onCancel, rows, what = 'The text', hideLabel = false, placeholder, max = LIMITS.noteText }: TextLineFormProps) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return setError(`${what} cannot be empty.`);
    if (t.length > max) return setError(`${what} can be at most ${max} characters.`);
    setError(null);
    onSubmit(t);
    if (!onCancel && !initial) setText('');
  };
  return (
    <form className="wg-line-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div className="wg-line-row">
        {rows ? (
          <textarea id={id} rows={rows} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
        ) : (
          <input id={id} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
        )}
        <button type="submit" className="small">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
