import { useEffect, useId, useState, type FormEvent } from 'react';

export interface VoteSettingsProps {
  dotsPerPerson: number;
  maxPerItem: number;
  /** `trim`: the facilitator confirmed taking back the latest dots of those over the new limits. */
  onSave: (dotsPerPerson: number, maxPerItem: number, trim?: boolean) => void;
  disabled?: boolean;
  /** How many people placed more dots than these limits allow (asked about before saving). */
  affected?: (dotsPerPerson: number, maxPerItem: number) => number;
}

const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 20;

/** How many dots each person has and how many may go on one item. */
export function VoteSettings({ dotsPerPerson, maxPerItem, onSave, disabled, affected }: VoteSettingsProps) {
  const id = useId();
  const [dots, setDots] = useState(String(dotsPerPerson));
  const [max, setMax] = useState(String(maxPerItem));
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ d: number; m: number; people: number } | null>(null);
  useEffect(() => setDots(String(dotsPerPerson)), [dotsPerPerson]);
  useEffect(() => setMax(String(maxPerItem)), [maxPerItem]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const d = Number(dots);
    const m = Number(max);
    if (!valid(d) || !valid(m)) return setError('Dots and the maximum per item are whole numbers from 1 to 20.');
    setError(null);
    const people = affected?.(d, m) ?? 0;
    if (people > 0) return setAsking({ d, m, people });
    onSave(d, m);
  };

  if (asking)
    return (
      <div role="group" aria-label="Confirm lower vote limits" className="confirm stack">
        <p>
          {asking.people === 1 ? '1 person has' : `${asking.people} people have`} placed more dots than {asking.d} per person and {asking.m} on one
          item. Their latest dots will be taken back, and each phone is told how many.
        </p>
        <div className="row">
          <button
            type="button"
            className="danger"
            onClick={() => {
              setAsking(null);
              onSave(asking.d, asking.m, true);
            }}
          >
            Lower the limits and take the dots back
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </div>
      </div>
    );

  return (
    <form className="vote-settings" onSubmit={save} noValidate>
      <div className="field">
        <label htmlFor={`${id}-dots`}>Dots per person</label>
        <input id={`${id}-dots`} type="number" min={1} max={20} value={dots} disabled={disabled} onChange={(e) => setDots(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-max`}>Max dots per item</label>
        <input id={`${id}-max`} type="number" min={1} max={20} value={max} disabled={disabled} onChange={(e) => setMax(e.target.value)} />
      </div>
      <button type="submit" disabled={disabled}>
        Save vote settings
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
