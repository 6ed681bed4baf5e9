import { useEffect, useId, useState, type FormEvent } from 'react';
import type { VisionContext } from '../../../shared/modules/vision/vision.context.js';

/** The facilitator enters (or pastes) the agency's current mission, vision and values, and carried SWOT items. */
export function ContextForm({ context, onSave }: { context: VisionContext; onSave: (c: VisionContext) => void }) {
  const id = useId();
  const [mission, setMission] = useState(context.mission);
  const [vision, setVision] = useState(context.vision);
  const [values, setValues] = useState(context.values);
  const [carried, setCarried] = useState(context.pastedCarried.join('\n'));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setMission(context.mission);
    setVision(context.vision);
    setValues(context.values);
    setCarried(context.pastedCarried.join('\n'));
  }, [context.mission, context.vision, context.values, context.pastedCarried]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lines = carried.split('\n').map((l) => l.trim()).filter(Boolean);
    if ([mission, vision, values].some((t) => t.length > 4000)) return setError('Mission, vision and values can be at most 4000 characters each.');
    if (lines.length > 40) return setError('At most 40 carried items.');
    if (lines.some((l) => l.length > 500)) return setError('A carried item can be at most 500 characters.');
    setError(null);
    onSave({ mission, vision, values, pastedCarried: lines });
  };

  const area = (key: string, label: string, value: string, set: (v: string) => void, rows = 3) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <textarea id={`${id}-${key}`} rows={rows} value={value} onChange={(e) => set(e.target.value)} />
    </div>
  );
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {area('mission', 'Mission', mission, setMission)}
      {area('vision', 'Vision', vision, setVision)}
      {area('values', 'Values', values, setValues)}
      {area('carried', 'Carried from an earlier session (one per line)', carried, setCarried, 4)}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Save context
      </button>
    </form>
  );
}
