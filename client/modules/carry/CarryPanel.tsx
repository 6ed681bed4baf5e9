import { useEffect, useState, type FormEvent } from 'react';
import { carriedOut } from '../../../shared/modules/carry/carry.logic.js';
import { formatDate } from '../../../shared/report/format.js';
import { kinds } from '../../../shared/modules/registry.js';
import { clearError, sendCommand, useSession } from '../../store.js';
import { plural } from '../flow/model.js';
import { recentSessions, rememberSession } from './recentSessions.js';
import './carry.css';

type From = { code: string } | { sessionId: string; facilitatorKey: string };

/**
 * The console's carry forward: this session's code for a later session, and importing the carried items of an
 * earlier one, picked from the sessions this browser ran or by the code its console shows.
 */
export function CarryPanel({ facilitatorKey }: { facilitatorKey: string }) {
  const sessionId = useSession((s) => s.state.id);
  const title = useSession((s) => s.state.title);
  const createdAt = useSession((s) => s.state.createdAt);
  const code = useSession((s) => s.state.carry.code);
  const imports = useSession((s) => s.state.carry.imports);
  const ownCount = useSession((s) => carriedOut(s.state, kinds).length);
  const [recent] = useState(() => recentSessions().filter((r) => r.sessionId !== sessionId));
  const [picked, setPicked] = useState('');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (sessionId) rememberSession({ sessionId, facilitatorKey, title, createdAt });
  }, [sessionId, facilitatorKey, title, createdAt]);

  const importFrom = async (from: From | null) => {
    setDone(null);
    if (!from) return setError('Pick an earlier session, or paste its carry-forward code.');
    const res = await sendCommand({ type: 'carry.import', payload: { from } });
    if (!res.ok) {
      clearError();
      return setError(res.error.message);
    }
    setError(null);
    setPasted('');
    setDone('Imported: the carried items show on every item that takes them.');
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
  const makeCode = () => {
    if (code && !window.confirm('Make a new code? The current code stops working.')) return;
    void sendCommand({ type: 'carry.makeCode', payload: {} });
  };

  return (
    <section className="card carry-panel" aria-labelledby="carry-heading">
      <h2 id="carry-heading">Carry forward</h2>
      <p className="muted">{ownCount ? `${plural(ownCount, 'item')} of this session carry forward.` : 'No item of this session is marked to carry forward yet.'}</p>
      {code ? (
        <div className="carry-code">
          <span>Code for a later session:</span>
          <code data-testid="carry-code">{code}</code>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(code)}>
            Copy
          </button>
          <button type="button" className="link" onClick={makeCode}>
            New code
          </button>
        </div>
      ) : (
        <button type="button" onClick={makeCode}>
          Make a carry-forward code
        </button>
      )}
      <h3>Import from an earlier session</h3>
      {recent.length > 0 && (
        <form className="field" onSubmit={submitPick}>
          <label htmlFor="carry-recent">Your sessions on this browser</label>
          <select id="carry-recent" value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">Choose a session</option>
            {recent.map((r) => (
              <option key={r.sessionId} value={r.sessionId}>
                {r.title} · {formatDate(r.createdAt)}
              </option>
            ))}
          </select>
          <button type="submit">Import its carried items</button>
        </form>
      )}
      <form className="field" onSubmit={submitCode}>
        <label htmlFor="carry-code-input">Carry-forward code</label>
        <input id="carry-code-input" value={pasted} maxLength={80} autoComplete="off" onChange={(e) => setPasted(e.target.value)} />
        <button type="submit">Import by code</button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {imports.length > 0 && (
        <ul className="carry-imports" aria-label="Imported">
          {imports.map((i) => (
            <li key={i.id}>
              <span>
                {i.title} · {formatDate(i.createdAt)}: {plural(i.items.length, 'item')}
              </span>
              <button
                type="button"
                className="link"
                aria-label={`Remove the items imported from ${i.title}`}
                onClick={() => void sendCommand({ type: 'carry.removeImport', payload: { importId: i.id } })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
