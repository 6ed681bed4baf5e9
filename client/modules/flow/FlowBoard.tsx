import type { AgendaItem } from '../../../shared/session/state.js';
import { useFlowItem } from './useFlowItem.js';
import { PhaseSteps } from './PhaseSteps.js';
import { BrainstormCounts } from './BrainstormCounts.js';
import { EntriesBoard } from './EntriesBoard.js';
import { ResultsBoard } from './ResultsBoard.js';
import { PHASE_HINTS, type ColumnDecor } from './model.js';

/** The projector's side of the brainstorm flow: counts while private, the notes after, all results at the end (the board pages them). */
export function FlowBoard({ item, decor }: { item: AgendaItem; decor?: ColumnDecor }) {
  const { flow, columns } = useFlowItem(item);
  const phase = flow.phase;
  return (
    <div className="flow-board">
      <div className="flow-board-step">
        <PhaseSteps phase={phase} compact />
        <p className="flow-board-hint">{PHASE_HINTS[phase]}</p>
      </div>
      {phase === 'brainstorm' && <BrainstormCounts columns={columns} decor={decor} />}
      {(phase === 'reveal' || phase === 'cluster' || phase === 'vote') && (
        <EntriesBoard columns={columns} groups={flow.groups} decor={decor} layout="board" />
      )}
      {phase === 'results' && <ResultsBoard columns={columns} layout="board" decor={decor} />}
    </div>
  );
}
