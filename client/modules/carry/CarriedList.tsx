import { useMemo } from 'react';
import { carriedIn, carriedWhere } from '../../../shared/modules/carry/carry.logic.js';
import { kinds } from '../../../shared/modules/registry.js';
import { useSession } from '../../store.js';
import { plural } from '../flow/model.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import './carry.css';

export interface CarriedListProps {
  layout: 'console' | 'phone' | 'board';
}

/**
 * The items carried forward, ranked with their dots: what an agenda item whose input they are shows above its own
 * board. It follows every mark the facilitator makes in the results and every list imported from an earlier session.
 */
export function CarriedList({ layout }: CarriedListProps) {
  const state = useSession((s) => s.state);
  const items = useMemo(() => carriedIn(state, kinds), [state]);
  return (
    <section className={`carried carried--${layout}${layout === 'board' ? '' : ' card'}`} aria-labelledby={`carried-${layout}`}>
      <h3 id={`carried-${layout}`}>Carried forward</h3>
      {items.length === 0 ? (
        <p className="muted">
          Nothing is carried forward yet: the facilitator marks items in the results of the SWOT
          {layout === 'console' ? ', or imports them from an earlier session (Carry forward, beside the agenda).' : '.'}
        </p>
      ) : (
        <ol className={`results-list carried-list${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`}>
          {items.map((i, n) => (
            <li key={`${n}-${i.label}`} className="result">
              <span className="result-rank" aria-hidden="true">
                {n + 1}
              </span>
              <div className="result-body">
                <p className="result-label">{i.label}</p>
                <p className="result-meta">
                  <strong className="result-dots">{plural(i.dots, 'dot')}</strong>
                  <span className="carried-where">{carriedWhere(i)}</span>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
