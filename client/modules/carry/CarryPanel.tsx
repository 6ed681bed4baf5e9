import { useEffect, useState } from 'react';
import { carriedOut } from '../../../shared/modules/carry/carry.logic.js';
import { formatDate } from '../../../shared/report/format.js';
import { kinds } from '../../../shared/modules/registry.js';
import { clearError, sendCommand, useSession } from '../../store.js';
import { plural } from '../flow/model.js';
import { rememberSession } from './recentSessions.js';
import { EarlierSessionForms, type EarlierSession } from './EarlierSessionForms.js';
import './carry.css';

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
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (sessionId) rememberSession({ sessionId, facilitatorKey, title, createdAt });
  }, [sessionId, facilitatorKey, title, createdAt]);

  const importFrom = async (from: EarlierSession): Promise<string | null> => {
    setDone(null);
    const res = await sendCommand({ type: 'carry.import', payload: { from } });
    if (!res.ok) {
      clearError();
      return res.error.message;
    }
    setDone('Imported: the carried items show on every item that takes them.');
    return null;
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
      <EarlierSessionForms
        idPrefix="carry"
        codeLabel="Carry-forward code"
        pickButton="Import its carried items"
        codeButton="Import by code"
        missing="Pick an earlier session, or paste its carry-forward code."
        onImport={importFrom}
      />
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
