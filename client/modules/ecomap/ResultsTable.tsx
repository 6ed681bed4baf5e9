import { MARKS, MARK_LABELS, type PartnerResult } from '../../../shared/modules/ecomap/ecomap.state.js';
import { MarkIcon } from '../../report/MarkSymbol.js';

/** A partner's consensus in words, with its symbol: the mark, "Room split", or "No marks". */
export function Consensus({ r, size = 18 }: { r: PartnerResult; size?: number }) {
  if (r.consensus)
    return (
      <span className="ecomap-consensus">
        <MarkIcon mark={r.consensus} size={size} /> {MARK_LABELS[r.consensus].name}
        {r.split && <span className="ecomap-split"> (split)</span>}
      </span>
    );
  return <span className="ecomap-consensus">{r.total ? <span className="ecomap-split">Room split</span> : <span className="muted">No marks</span>}</span>;
}

/** "Green 3, Yellow 1, Red 0, No dot 0": a partner's counts in words, for screen readers and the phone. */
export const countsText = (r: PartnerResult): string => MARKS.map((m) => `${MARK_LABELS[m].name} ${r.counts[m]}`).join(', ');

/** The counts per partner (the console's live counts, and the results once shown) with consensus and split. */
export function ResultsTable({ results, caption }: { results: readonly PartnerResult[]; caption: string }) {
  return (
    <table className="ecomap-results">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Partner</th>
          {MARKS.map((m) => (
            <th scope="col" key={m} className="num">
              <MarkIcon mark={m} size={16} /> {MARK_LABELS[m].name}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col">Consensus</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={r.partnerId} className={r.split ? 'ecomap-row--split' : undefined}>
            <th scope="row">{r.name}</th>
            {MARKS.map((m) => (
              <td key={m} className="num">
                {r.counts[m]}
              </td>
            ))}
            <td className="num">{r.total}</td>
            <td>
              <Consensus r={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The results on a phone: one line per partner, its consensus first, its counts in words (reads on 360 px). */
export function ResultsList({ results }: { results: readonly PartnerResult[] }) {
  return (
    <ul className="ecomap-results-list" aria-label="Results per partner">
      {results.map((r) => (
        <li key={r.partnerId}>
          <strong>{r.name}</strong>
          <Consensus r={r} size={22} />
          <span className="ecomap-counts">
            {MARKS.map((m) => (
              <span key={m}>
                <MarkIcon mark={m} size={16} /> {r.counts[m]}
              </span>
            ))}
          </span>
          <span className="visually-hidden">{countsText(r)}</span>
        </li>
      ))}
    </ul>
  );
}
