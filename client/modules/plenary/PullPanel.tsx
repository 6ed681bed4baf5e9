import { useState } from 'react';
import { columnsOf } from '../../../shared/modules/registry.js';
import { pullablesOf, pullFieldLabel, pulledNotes, type Pullable } from '../../../shared/modules/plenary/plenary.pull.js';
import { SYNTHESIS_COLUMNS } from '../../../shared/modules/plenary/plenary.state.js';
import type { AgendaItem } from '../../../shared/session/state.js';
import { clearError, sendCommand, useSession } from '../../store.js';

/** The column an entry goes to by default: recommendations to "Recommendations for the PIP", TA needs to TA needs. */
function defaultColumn(p: Pullable, columns: string[]): string {
  const wanted = p.field === 'recommendations' ? SYNTHESIS_COLUMNS[3] : p.field === 'assistance' ? SYNTHESIS_COLUMNS[2] : p.field === 'strategy' ? SYNTHESIS_COLUMNS[1] : SYNTHESIS_COLUMNS[0];
  return columns.includes(wanted) ? wanted : (columns[0] ?? '');
}

function PullRow({ item, entry, columns, pulled }: { item: AgendaItem; entry: Pullable; columns: string[]; pulled: boolean }) {
  const [column, setColumn] = useState(() => defaultColumn(entry, columns));
  const [error, setError] = useState<string | null>(null);
  const pull = async () => {
    const { workGroupId, field, sourceId } = entry;
    const res = await sendCommand({ type: 'plenary.pull', payload: { itemId: item.id, column, workGroupId, field, sourceId } });
    if (res.ok) return setError(null);
    clearError();
    setError(res.error.message);
  };
  return (
    <li className="plenary-pull-row">
      <span className="plenary-pull-text">
        <span className="muted">{pullFieldLabel(entry.field)}:</span> {entry.text}
      </span>
      {pulled ? (
        <span className="plenary-tag plenary-tag--done">In the synthesis</span>
      ) : (
        <span className="plenary-pull-controls">
          <select aria-label={`Column for “${entry.text}”`} value={column} onChange={(e) => setColumn(e.target.value)}>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <button type="button" onClick={() => void pull()} aria-label={`Pull into synthesis: ${entry.text}`}>
            Pull into synthesis
          </button>
        </span>
      )}
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </li>
  );
}

/** Every group's report-out entries and strategies, each with "Pull into synthesis" and the column it goes to. */
export function PullPanel({ item }: { item: AgendaItem }) {
  const state = useSession((s) => s.state);
  const groups = state.workgroups?.groups ?? [];
  const columns = columnsOf(item);
  return (
    <section className="card stack" aria-labelledby="pull-heading">
      <h2 id="pull-heading">From the work groups’ report-outs</h2>
      {!groups.length && <p className="muted">No work groups yet.</p>}
      {groups.map((g) => {
        const entries = pullablesOf(state, g);
        return (
          <div key={g.id} className="plenary-pull-group">
            <h3>{g.name}</h3>
            {entries.length ? (
              <ul>
                {entries.map((e) => (
                  <PullRow key={e.sourceId} item={item} entry={e} columns={columns} pulled={pulledNotes(state, item.id, e.sourceId).length > 0} />
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing written yet.</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
