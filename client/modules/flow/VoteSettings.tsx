import { useEffect, useId, useState, type FormEvent } from 'react';

export interface VoteSettingsProps {
  dotsPerPerson: number;
  maxPerItem: number;
  onSave: (dotsPerPerson: number, maxPerItem: number) => void;
  disabled?: boolean;
}

const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 20;

/** How many dots each person has and how many may go on one item. */
export function VoteSettings({ dotsPerPerson, maxPerItem, onSave, disabled }: VoteSettingsProps) {
  const id = useId();
  const [dots, setDots] = useState(String(dotsPerPerson));
  const [max, setMax] = useState(String(maxPerItem));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDots(String(dotsPerPerson)), [dotsPerPerson]);
  useEffect(() => setMax(String(maxPerItem)), [maxPerItem]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const d = Number(dots);
    const m = Number(max);
    if (!valid(d) || !valid(m)) return setError('Dots and the maximum per item are whole numbers from 1 to 20.');
    setError(null);
    onSave(d, m);
  };

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
