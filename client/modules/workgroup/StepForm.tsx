import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';

export type StepFields = { what: string; owner: string; byWhen: string };

/** An action step: what, who owns it, by when. What is required; all three at most LIMITS.noteText characters. */
export function StepForm({ initial, submitLabel, onSubmit, onCancel, whatLabel = 'Action step' }: { initial?: StepFields; submitLabel: string; onSubmit: (s: StepFields) => void; onCancel?: () => void; whatLabel?: string }) {
  const id = useId();
  const [what, setWhat] = useState(initial?.what ?? '');
  const [owner, setOwner] = useState(initial?.owner ?? '');
  const [byWhen, setByWhen] = useState(initial?.byWhen ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const step = { what: what.trim(), owner: owner.trim(), byWhen: byWhen.trim() };
    if (!step.what) return setError(`Say what the ${whatLabel.toLowerCase()} is.`);
    if ([step.what, step.owner, step.byWhen].some((t) => t.length > LIMITS.noteText)) return setError(`Each part can be at most ${LIMITS.noteText} characters.`);
    setError(null);
    onSubmit(step);
    if (!onCancel) {
      setWhat('');
      setOwner('');
      setByWhen('');
    }
  };
  return (
    <form className="wg-step-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-what`}>{whatLabel}</label>
        <input id={`${id}-what`} value={what} onChange={(e) => setWhat(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <input id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>By when</label>
          <input id={`${id}-by`} value={byWhen} placeholder="e.g. March" onChange={(e) => setByWhen(e.target.value)} />
        </div>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="small">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
