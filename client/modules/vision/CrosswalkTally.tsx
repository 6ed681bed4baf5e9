import { CFSR_OUTCOMES, CROSSWALK_LABELS, CROSSWALK_RATINGS, type CrosswalkRating } from '../../../shared/modules/vision/cfsr.js';
import { dictGet, type Dict } from '../../../shared/session/dict.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';

/** How the room rated each outcome: a table of counts, the most common rating in bold. */
export function CrosswalkTally({ tally, layout }: { tally: Dict<Record<CrosswalkRating, number>>; layout: 'console' | 'board' }) {
  const table = (
    <table className={`crosswalk-tally crosswalk-tally--${layout}`}>
      <caption>Crosswalk: the CFSR outcomes against our mission and vision</caption>
      <thead>
        <tr>
          <th scope="col">Outcome</th>
          {CROSSWALK_RATINGS.map((r) => (
            <th key={r} scope="col">
              {CROSSWALK_LABELS[r]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CFSR_OUTCOMES.map((o) => {
          const row = dictGet(tally, o.id);
          const top = Math.max(0, ...CROSSWALK_RATINGS.map((r) => row?.[r] ?? 0));
          return (
            <tr key={o.id}>
              <th scope="row">
                <strong>{o.id}</strong> <span className="crosswalk-outcome-text">{o.text}</span>
              </th>
              {CROSSWALK_RATINGS.map((r) => {
                const n = row?.[r] ?? 0;
                return (
                  <td key={r} className={n > 0 && n === top ? 'crosswalk-top' : undefined}>
                    {n > 0 && n === top ? <strong>{n} ★</strong> : n}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return layout === 'board' ? <div className={`crosswalk-pages ${PAGES_CLASS}`}>{table}</div> : table;
}
