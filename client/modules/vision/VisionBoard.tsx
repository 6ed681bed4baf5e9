import type { ModuleScreenProps } from '../types.js';
import { currentRound } from '../../../shared/modules/vision/vision.logic.js';
import { FlowBoard } from '../flow/FlowBoard.js';
import { useFlowItem } from '../flow/useFlowItem.js';
import { ContextDisplay } from './ContextDisplay.js';
import { StatementDisplay } from './StatementDisplay.js';
import { FistDistribution } from './FistDistribution.js';
import { CrosswalkTally } from './CrosswalkTally.js';
import { useCarried, useVision, visionStage } from './useVision.js';

/** The vision retreat on the projector: one thing at a time, large. */
export function VisionBoard({ item }: ModuleScreenProps) {
  const v = useVision(item.id);
  const carried = useCarried(item.id);
  const { flow, columns } = useFlowItem(item);
  const noteCount = columns.reduce((n, c) => n + c.entries.reduce((m, e) => m + e.notes.length, 0), 0);
  const stage = visionStage(v, flow.phase, noteCount);
  const round = currentRound(v);

  switch (stage) {
    case 'crosswalk':
      return <CrosswalkTally tally={v.crosswalk.tally} layout="board" />;
    case 'final':
      return (
        <div className="vision-board-statement">
          <StatementDisplay text={v.final?.statement ?? ''} label="Final statement" layout="board" />
          {v.final && <FistDistribution distribution={v.final.distribution} layout="board" />}
        </div>
      );
    case 'fist':
      return (
        <div className="vision-board-statement">
          <StatementDisplay text={round?.statement ?? ''} label="Fist-to-five: answer on your phone" layout="board" />
          {round && <FistDistribution distribution={round.distribution} layout="board" />}
        </div>
      );
    case 'draft':
      return (
        <div className="vision-board-statement">
          <StatementDisplay text={v.draft} label="Our preferred future (draft)" layout="board" />
        </div>
      );
    case 'phrases':
      return (
        <div className="vision-board-phrases">
          {flow.phase === 'brainstorm' && <ContextDisplay mission={v.mission} vision={v.vision} values={v.values} carried={carried} layout="board" />}
          <FlowBoard item={item} />
        </div>
      );
  }
}
