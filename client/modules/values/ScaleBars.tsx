import { SCALE_LABELS, type Distribution, type Scale } from '../../../shared/modules/values/values.state.js';
import { oneDecimal } from '../../../shared/modules/values/values.results.js';
import { SCALE_NAMES } from './words.js';

export type Layout = 'console' | 'phone' | 'board';

/** One scale's answers as five bars, 1 to 5, each with its count written (the bar's height is never the only cue). */
export function ScaleBars({ scale, distribution, mean, layout }: { scale: Scale; distribution: Distribution; mean: number | null; layout: Layout }) {
  const max = Math.max(1, ...distribution);
  const total = distribution.reduce((a, b) => a + b, 0);
  return (
    <figure className={`vs-scale vs-scale--${scale} vs-scale--${layout}`} aria-label={`${SCALE_NAMES[scale]}: mean ${oneDecimal(mean)}, ${total} answers`}>
      <figcaption className="vs-scale-caption">
        {SCALE_NAMES[scale]} <strong className="vs-mean">{oneDecimal(mean)}</strong>
      </figcaption>
      <ol className="vs-bars" aria-hidden="true">
        {distribution.map((n, i) => (
          <li key={i} className="vs-bar-col" title={`${i + 1}, ${SCALE_LABELS[scale][i]}: ${n}`}>
            <span className="vs-bar-track">
              <span className="vs-bar" style={{ height: `${(n / max) * 100}%` }} />
              <span className={`vs-bar-count${n === 0 ? ' vs-bar-count--zero' : ''}`}>{n}</span>
            </span>
            <span className="vs-bar-score">{i + 1}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
