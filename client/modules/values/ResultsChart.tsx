import type { ValueResult } from '../../../shared/modules/values/values.state.js';
import { count } from '../../../shared/report/format.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import { ScaleBars, type Layout } from './ScaleBars.js';
import { gapText } from './words.js';

/**
 * The results ranked by gap (importance minus practice): per value, both scales side by side with their means, and
 * the gap. The top-gap values (`topIds`) are marked in words as well as by their border.
 */
export function ResultsChart({ results, topIds, layout }: { results: ValueResult[]; topIds: ReadonlySet<string>; layout: Layout }) {
  if (results.length === 0) return <p className={layout === 'board' ? 'board-empty' : 'muted'}>No values to show.</p>;
  return (
    <ol className={`vs-results vs-results--${layout}${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`} aria-label="Results ranked by gap">
      {results.map((r, i) => {
        const top = topIds.has(r.valueId);
        return (
          <li key={r.valueId} className={`vs-result${top ? ' vs-result--top' : ''}`}>
            <div className="vs-result-head">
              <span className="vs-rank" aria-hidden="true">
                {i + 1}
              </span>
              <p className="vs-result-name">{r.name}</p>
              <p className="vs-result-gap">
                <strong>{gapText(r.gap)}</strong>
                {top && <span className="vs-top-badge">Top gap</span>}
              </p>
            </div>
            {r.nImportance + r.nPractice === 0 ? (
              <p className="vs-result-none">No answers.</p>
            ) : (
              <div className="vs-result-scales">
                <ScaleBars scale="importance" distribution={r.importance} mean={r.meanImportance} layout={layout} />
                <ScaleBars scale="practice" distribution={r.practice} mean={r.meanPractice} layout={layout} />
              </div>
            )}
            {layout !== 'board' && r.nImportance + r.nPractice > 0 && <p className="vs-result-n muted">{count(Math.max(r.nImportance, r.nPractice), 'answer')}</p>}
          </li>
        );
      })}
    </ol>
  );
}
