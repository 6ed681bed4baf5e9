import { MARKS, MARK_LABELS } from '../../../shared/modules/ecomap/ecomap.state.js';
import { MarkIcon } from '../../report/MarkSymbol.js';

/** The four marks with the seed's meanings (seed 001), on every screen that shows marks. */
export function MarkLegend({ layout }: { layout: 'console' | 'phone' | 'board' }) {
  return (
    <ul className={`ecomap-legend ecomap-legend--screen ecomap-legend--${layout}`} aria-label="What the marks mean">
      {MARKS.map((m) => (
        <li key={m}>
          <MarkIcon mark={m} size={layout === 'board' ? 34 : 22} />
          <span>
            <strong>{MARK_LABELS[m].name}</strong>: {MARK_LABELS[m].meaning}
          </span>
        </li>
      ))}
    </ul>
  );
}
