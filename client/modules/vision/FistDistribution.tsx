import type { FistRound } from '../../../shared/modules/vision/vision.state.js';
import { FIST_MEANINGS } from './fist.js';

/** The answers 5 to 0 as bars with their counts written out (the bar length is never the only cue). */
export function FistDistribution({ distribution, layout }: { distribution: readonly number[]; layout: 'console' | 'phone' | 'board' }) {
  const total = distribution.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...distribution);
  const support = (distribution[3] ?? 0) + (distribution[4] ?? 0) + (distribution[5] ?? 0);
  return (
    <figure className={`fist-chart fist-chart--${layout}`}>
      <figcaption>
        {total} answer{total === 1 ? '' : 's'}
        {total > 0 && ` · ${support} at 3 or more (${Math.round((support / total) * 100)}%)`}
      </figcaption>
      <ul className="fist-bars">
        {[5, 4, 3, 2, 1, 0].map((n) => {
          const count = distribution[n] ?? 0;
          return (
            <li key={n} className="fist-bar-row" aria-label={`${n}, ${FIST_MEANINGS[n]}: ${count}`}>
              <span className="fist-bar-label" aria-hidden="true">
                <strong>{n}</strong> {layout !== 'phone' && FIST_MEANINGS[n]}
              </span>
              <span className="fist-bar-track" aria-hidden="true">
                <span className={`fist-bar fist-bar--${n}`} style={{ width: `${(count / max) * 100}%` }} />
              </span>
              <span className="fist-bar-count" aria-hidden="true">
                {count}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

/** A round's answers for the room: withheld while the facilitator hides them and the round is open. */
export function RoundDistribution({ round, layout }: { round: FistRound; layout: 'phone' | 'board' }) {
  if (round.hidden && !round.closed) return <p className={`fist-withheld fist-withheld--${layout}`}>The answers show here when the round closes.</p>;
  return <FistDistribution distribution={round.distribution} layout={layout} />;
}
