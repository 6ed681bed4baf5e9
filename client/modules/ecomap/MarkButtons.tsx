import { MARKS, MARK_LABELS, MARK_SHAPES, type Mark } from '../../../shared/modules/ecomap/ecomap.state.js';
import { MarkIcon } from '../../report/MarkSymbol.js';

export interface MarkButtonsProps {
  partner: string;
  /** The phone's own mark on this partner (undefined: none yet). */
  mark: Mark | undefined;
  onMark: (mark: Mark | null) => void;
}

/**
 * The four marks for one partner as large buttons, each told apart by its name and shape as well as its colour; the
 * current one pressed and said in words, and a withdraw that takes it back.
 */
export function MarkButtons({ partner, mark, onMark }: MarkButtonsProps) {
  return (
    <div className="stack ecomap-mark-choice">
      <div className="ecomap-mark-buttons" role="group" aria-label={`Your mark for ${partner}`}>
        {MARKS.map((m) => (
          <button
            key={m}
            type="button"
            className={`ecomap-mark-button${mark === m ? ' ecomap-mark-button--chosen' : ''}`}
            aria-pressed={mark === m}
            aria-label={`${MARK_LABELS[m].name} (${MARK_SHAPES[m]}) for ${partner}`}
            onClick={() => onMark(m)}
          >
            <MarkIcon mark={m} size={28} />
            <span className="ecomap-mark-name">{MARK_LABELS[m].name}</span>
          </button>
        ))}
      </div>
      <div className="ecomap-mark-now">
        <p role="status">{mark ? `Your mark: ${MARK_LABELS[mark].name}, ${MARK_LABELS[mark].meaning.toLowerCase()}.` : 'Not marked yet.'}</p>
        {mark && (
          <button type="button" className="small" aria-label={`Withdraw your mark for ${partner}`} onClick={() => onMark(null)}>
            Withdraw
          </button>
        )}
      </div>
    </div>
  );
}
