import { PHASE_LABELS, PHASES, type Phase } from '../../../shared/modules/flow/flow.state.js';
import { PhaseSteps } from './PhaseSteps.js';

export interface PhaseBarProps {
  phase: Phase;
  onAdvance: (to: Phase) => void;
}

/** The facilitator's step control: the steps, and one button to the next (steps only go forward). */
export function PhaseBar({ phase, onAdvance }: PhaseBarProps) {
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
    </div>
  );
}
