import { PHASE_LABELS, PHASES, type Phase } from '../../../shared/modules/flow/flow.state.js';
import { PhaseSteps } from './PhaseSteps.js';
import { StepBack } from './StepBack.js';

export interface PhaseBarProps {
  phase: Phase;
  onAdvance: (to: Phase, dots?: 'keep' | 'clear') => void;
  /** Dots placed so far, for the question asked before stepping back from the vote. */
  dotsPlaced?: number;
}

/** The facilitator's step control: the steps, and one button to the next and one back to the previous (after asking). */
export function PhaseBar({ phase, onAdvance, dotsPlaced = 0 }: PhaseBarProps) {
  const next = PHASES[PHASES.indexOf(phase) + 1];
  return (
    <div className="phase-bar">
      <PhaseSteps phase={phase} />
      {next ? (
        <button type="button" className="primary" onClick={() => onAdvance(next)}>
          Next step: {PHASE_LABELS[next]}
        </button>
      ) : (
        <span className="muted">Last step</span>
      )}
      <StepBack phase={phase} dotsPlaced={dotsPlaced} onBack={onAdvance} />
    </div>
  );
}
