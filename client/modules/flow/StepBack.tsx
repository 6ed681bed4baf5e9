import { useId, useState } from 'react';
import { PHASE_LABELS, PHASES, type Phase } from '../../../shared/modules/flow/flow.state.js';

export interface StepBackProps {
  phase: Phase;
  /** Dots placed so far (asked about when going back from the vote). */
  dotsPlaced: number;
  onBack: (to: Phase, dots?: 'keep' | 'clear') => void;
}

/** What going back to a step does, said plainly before it happens. */
export function stepBackQuestion(from: Phase, dotsPlaced: number): string {
  switch (from) {
    case 'reveal':
      return 'Go back to the silent brainstorm? The notes become private again: phones and the board show only how many there are, and people can post again. The room has already seen them.';
    case 'cluster':
      return 'Go back to the reveal? The groups stay as they are; people can no longer move notes.';
    case 'vote':
      return `Go back to clustering? ${dotsPlaced === 1 ? '1 dot has' : `${dotsPlaced} dots have`} been placed: keep them for when the vote opens again, or clear every dot.`;
    case 'results':
      return 'Go back to the dot vote? The results leave the board and the phones, and people can change their dots again.';
    default:
      return '';
  }
}

/** The facilitator's "Step back" with its confirmation. */
export function StepBack({ phase, dotsPlaced, onBack }: StepBackProps) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const prev = PHASES[PHASES.indexOf(phase) - 1];
  if (!prev) return null;
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Step back to {PHASE_LABELS[prev]}
      </button>
    );
  const go = (dots?: 'keep' | 'clear') => {
    setAsking(false);
    onBack(prev, dots);
  };
  return (
    <div role="group" aria-labelledby={questionId} className="confirm stack">
      <p id={questionId}>{stepBackQuestion(phase, dotsPlaced)}</p>
      <div className="row">
        {phase === 'vote' ? (
          <>
            <button type="button" onClick={() => go('keep')}>
              Go back, keep the dots
            </button>
            <button type="button" className="danger" onClick={() => go('clear')}>
              Go back, clear the dots
            </button>
          </>
        ) : (
          <button type="button" onClick={() => go()}>
            Go back to {PHASE_LABELS[prev]}
          </button>
        )}
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
