import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_PACE } from '../../../shared/modules/rehearsal/rehearsal.logic.js';
import { MAX_PACE, MAX_SIMULATED, SAY_PACE } from '../../../shared/modules/rehearsal/rehearsal.state.js';
import { FormActions } from '../../components/FormActions.js';

/** How many simulated participants a rehearsal from the template browser starts with, and at what pace (the console changes it). */
export const REHEARSE_DEFAULTS = { participants: 8, pace: DEFAULT_PACE } as const;

export interface RehearsalChoice {
  participants: number;
  pace: number;
}

const wholeIn = (text: string, max: number): number | null => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
};

/**
 * Asks how many simulated participants and at what pace, then starts the rehearsal of one template in one step.
 * Out-of-range numbers get our sentence here (the server says the same if they get through).
 */
export function RehearseTemplateForm({ title, onRehearse, onCancel }: { title: string; onRehearse: (choice: RehearsalChoice) => Promise<void>; onCancel: () => void }) {
  const [participants, setParticipants] = useState(String(REHEARSE_DEFAULTS.participants));
  const [pace, setPace] = useState(String(REHEARSE_DEFAULTS.pace));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  /** A changed number takes the last refusal away: it no longer says what is in the field. */
  const edit = (set: (v: string) => void, value: string) => {
    set(value);
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const people = wholeIn(participants, MAX_SIMULATED);
    const perMinute = wholeIn(pace, MAX_PACE);
    if (people === null) return setError(SAY_PACE.participants);
    if (perMinute === null) return setError(SAY_PACE.pace);
    setError(null);
    setBusy(true);
    try {
      await onRehearse({ participants: people, pace: perMinute });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="rehearse-choice stack" aria-label={`Rehearse ${title}`} onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">Rehearse alone first: simulated participants join, write, vote and rate at the pace you set.</p>
      <div className="button-row">
        <label htmlFor={`${id}-count`}>Simulated participants (1 to {MAX_SIMULATED})</label>
        <input id={`${id}-count`} type="number" min={1} max={MAX_SIMULATED} value={participants} onChange={(e) => edit(setParticipants, e.target.value)} />
        <label htmlFor={`${id}-pace`}>Pace (actions a minute each, 1 to {MAX_PACE})</label>
        <input id={`${id}-pace`} type="number" min={1} max={MAX_PACE} value={pace} onChange={(e) => edit(setPace, e.target.value)} />
      </div>
      <FormActions error={error} submitLabel="Start the rehearsal" busy={busy} busyLabel="Starting…" small onCancel={onCancel} />
    </form>
  );
}
