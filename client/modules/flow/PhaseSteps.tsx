import { PHASE_LABELS, PHASES, type Phase } from '../../../shared/modules/flow/flow.state.js';

/** Where the flow is: every step, the current one marked in words ("Now") as well as by style. */
export function PhaseSteps({ phase, compact }: { phase: Phase; compact?: boolean }) {
  const index = PHASES.indexOf(phase);
  if (compact)
    return (
      <p className="phase-compact">
        Step {index + 1} of {PHASES.length}: <strong>{PHASE_LABELS[phase]}</strong>
      </p>
    );
  return (
    <ol className="phase-steps" aria-label="Steps">
      {PHASES.map((p, i) => (
        <li
          key={p}
          className={`phase-step${p === phase ? ' phase-step--current' : i < index ? ' phase-step--done' : ''}`}
          aria-current={p === phase ? 'step' : undefined}
        >
          <span className="phase-step-num">{i < index ? '✓' : i + 1}</span> {PHASE_LABELS[p]}
          {p === phase && <span className="visually-hidden"> (current step)</span>}
        </li>
      ))}
    </ol>
  );
}
