import { useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/report/format.js';
import { useSession } from '../../store.js';
import { recentSessions } from './recentSessions.js';

/** An earlier session, as the console names it: the code its console shows, or its id and key from this browser. */
export type EarlierSession = { code: string } | { sessionId: string; facilitatorKey: string };

interface Props {
  /** Prefix of the fields' ids (two panels may share a console). */
  idPrefix: string;
  codeLabel: string;
  pickButton: string;
  codeButton: string;
  /** Said when neither a session is picked nor a code pasted. */
  missing: string;
  /** Imports; resolves with the refusal's sentence, or null once imported. */
  onImport(from: EarlierSession): Promise<string | null>;
}

/**
 * Picking an earlier session: one of those this browser ran, or the carry-forward code its console shows. Carry
 * forward and the work groups' import both start from it.
 */
export function EarlierSessionForms({ idPrefix, codeLabel, pickButton, codeButton, missing, onImport }: Props) {
  const sessionId = useSession((s) => s.state.id);
  const [recent] = useState(() => recentSessions().filter((r) => r.sessionId !== sessionId));
  const [picked, setPicked] = useState('');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Only the latest import speaks: an earlier one answered late (its items already shown) must not clear the refusal
  // of the one after it, nor the code typed since.
  const latest = useRef(0);
  const run = async (from: EarlierSession | null) => {
    const mine = ++latest.current;
    if (!from) return setError(missing);
    const refused = await onImport(from);
    if (mine !== latest.current) return;
    setError(refused);
    if (!refused) setPasted('');
  };
  const submitPick = (e: FormEvent) => {
    e.preventDefault();
    const r = recent.find((x) => x.sessionId === picked);
    void run(r ? { sessionId: r.sessionId, facilitatorKey: r.facilitatorKey } : null);
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void run(pasted.trim() ? { code: pasted.trim() } : null);
  };
  return (
    <>
      {recent.length > 0 && (
        <form className="field" onSubmit={submitPick}>
          <label htmlFor={`${idPrefix}-recent`}>Your sessions on this browser</label>
          <select id={`${idPrefix}-recent`} value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">Choose a session</option>
            {recent.map((r) => (
              <option key={r.sessionId} value={r.sessionId}>
                {r.title} · {formatDate(r.createdAt)}
              </option>
            ))}
          </select>
          <button type="submit">{pickButton}</button>
        </form>
      )}
      <form className="field" onSubmit={submitCode}>
        <label htmlFor={`${idPrefix}-code`}>{codeLabel}</label>
        <input id={`${idPrefix}-code`} value={pasted} maxLength={80} autoComplete="off" onChange={(e) => setPasted(e.target.value)} />
        <button type="submit">{codeButton}</button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
