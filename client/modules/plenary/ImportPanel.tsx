import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/report/format.js';
import { clearError, sendCommand, useSession } from '../../store.js';
import { recentSessions } from '../carry/recentSessions.js';
import { usePlenary } from './usePlenary.js';

type From = { code: string } | { sessionId: string; facilitatorKey: string };

/**
 * Starting a debrief or follow-up call from a kick-off session: its carry-forward code (made on its console), or
 * one of the sessions this browser ran, brings in its themes, groups, their work, the synthesis and next steps.
 */
export function ImportPanel() {
  const sessionId = useSession((s) => s.state.id);
  const importedFrom = usePlenary().importedFrom;
  const [recent] = useState(() => recentSessions().filter((r) => r.sessionId !== sessionId));
  const [picked, setPicked] = useState('');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (importedFrom)
    return (
      <p className="muted" role="status">
        Started from {importedFrom.title} ({formatDate(importedFrom.createdAt)}): its groups, report-outs, synthesis and next steps.
      </p>
    );
  const importFrom = async (from: From | null) => {
    if (!from) return setError('Pick the kick-off session, or paste its carry-forward code.');
    const res = await sendCommand({ type: 'plenary.import', payload: { from } });
    if (res.ok) return setError(null);
    clearError();
    setError(res.error.message);
  };
  const submitPick = (e: FormEvent) => {
    e.preventDefault();
    const r = recent.find((x) => x.sessionId === picked);
    void importFrom(r ? { sessionId: r.sessionId, facilitatorKey: r.facilitatorKey } : null);
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void importFrom(pasted.trim() ? { code: pasted.trim() } : null);
  };
  return (
    <section className="card stack" aria-labelledby="plenary-import-heading">
      <h2 id="plenary-import-heading">Import the kick-off’s work groups</h2>
      <p className="muted">Its themes, groups (without members), report-outs, strategies, synthesis and next steps.</p>
      {recent.length > 0 && (
        <form className="field" onSubmit={submitPick}>
          <label htmlFor="plenary-recent">Your sessions on this browser</label>
          <select id="plenary-recent" value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">Choose a session</option>
            {recent.map((r) => (
              <option key={r.sessionId} value={r.sessionId}>
                {r.title} · {formatDate(r.createdAt)}
              </option>
            ))}
          </select>
          <button type="submit">Import its work groups</button>
        </form>
      )}
      <form className="field" onSubmit={submitCode}>
        <label htmlFor="plenary-code">The kick-off’s carry-forward code</label>
        <input id="plenary-code" value={pasted} maxLength={80} autoComplete="off" onChange={(e) => setPasted(e.target.value)} />
        <button type="submit">Import the work groups by code</button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
