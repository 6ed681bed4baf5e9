import type { ValueResult } from '../../../shared/modules/values/values.state.js';
import { oneDecimal } from '../../../shared/modules/values/values.results.js';

/** The console's results: ranked by gap, with answers, both means and the gap; the top-gap values marked. */
export function ResultsTable({ results, topIds }: { results: ValueResult[]; topIds: ReadonlySet<string> }) {
  if (results.length === 0) return <p className="muted">No values yet.</p>;
  return (
    <table className="vs-results-table">
      <caption>Results ranked by gap (importance minus practice)</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Value</th>
          <th scope="col">Answers</th>
          <th scope="col">Importance</th>
          <th scope="col">Practice</th>
          <th scope="col">Gap</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r, i) => (
          <tr key={r.valueId} className={topIds.has(r.valueId) ? 'vs-row--top' : undefined}>
            <td>{i + 1}</td>
            <th scope="row">
              {r.name}
              {topIds.has(r.valueId) && <span className="vs-top-badge">Top gap</span>}
            </th>
            <td>{Math.max(r.nImportance, r.nPractice)}</td>
            <td>{oneDecimal(r.meanImportance)}</td>
            <td>{oneDecimal(r.meanPractice)}</td>
            <td>
              <strong>{oneDecimal(r.gap)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
