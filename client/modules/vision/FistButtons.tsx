import { FIST_MEANINGS } from './fist.js';

/** Six big answers, 0 to 5; the chosen one marked in words. The answer can change while the round is open. */
export function FistButtons({ value, onAnswer }: { value: number | undefined; onAnswer: (n: number) => void }) {
  return (
    <div className="stack">
      <div className="fist-buttons" role="group" aria-label="Fist-to-five">
        {FIST_MEANINGS.map((meaning, n) => (
          <button
            key={n}
            type="button"
            className={`fist-button${value === n ? ' fist-button--chosen' : ''}`}
            aria-pressed={value === n}
            aria-label={`Fist-to-five: ${n}`}
            onClick={() => onAnswer(n)}
          >
            <span className="fist-number">{n}</span>
            <span className="fist-meaning">{meaning}</span>
            {value === n && <span className="fist-chosen">Your answer</span>}
          </button>
        ))}
      </div>
      <p role="status">{value === undefined ? 'Tap a number to answer.' : `You answered ${value}. You can change it until the facilitator closes the round.`}</p>
    </div>
  );
}
