import { useId } from 'react';
import { SCALE_LABELS, type Scale } from '../../../shared/modules/values/values.state.js';
import { SCALE_NAMES, SCALE_QUESTIONS } from './words.js';

export interface RateRowProps {
  valueName: string;
  scale: Scale;
  /** This phone's answer on this scale (null: none). */
  answer: number | null;
  /** The answer on its way to the server, if any. */
  sending: number | null;
  /** Only while the survey is open. */
  open: boolean;
  onRate: (score: number | null) => void;
}

/** Five large buttons 1 to 5 with the scale's words; this phone's answer marked in words, and withdrawable. */
export function RateRow({ valueName, scale, answer, sending, open, onRate }: RateRowProps) {
  const id = useId();
  const shown = sending ?? answer;
  return (
    <div className="vs-rate" role="group" aria-labelledby={id}>
      <p id={id} className="vs-rate-question">
        {SCALE_QUESTIONS[scale]}
      </p>
      <div className="vs-rate-buttons">
        {SCALE_LABELS[scale].map((word, i) => {
          const score = i + 1;
          const chosen = shown === score;
          return (
            <button
              key={score}
              type="button"
              className={`vs-rate-button${chosen ? ' vs-rate-button--chosen' : ''}`}
              aria-pressed={chosen}
              aria-label={`${valueName}, ${SCALE_NAMES[scale]}: ${score}, ${word}`}
              disabled={!open}
              onClick={() => onRate(score)}
            >
              <span className="vs-rate-score">{score}</span>
              <span className="vs-rate-word">{word}</span>
            </button>
          );
        })}
      </div>
      <div className="vs-rate-answer" role="status">
        {shown === null ? (
          <span className="muted">{open ? 'Not answered yet.' : 'Not answered.'}</span>
        ) : (
          <span>
            Your answer: <strong>{shown}, {SCALE_LABELS[scale][shown - 1]}</strong>
            {sending !== null && ' (sending…)'}
          </span>
        )}
        {answer !== null && open && (
          <button type="button" className="small vs-withdraw" aria-label={`Withdraw your ${SCALE_NAMES[scale].toLowerCase()} answer for ${valueName}`} onClick={() => onRate(null)}>
            Withdraw
          </button>
        )}
      </div>
    </div>
  );
}
