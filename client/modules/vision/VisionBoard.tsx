import type { ModuleScreenProps } from '../types.js';
import { FlowBoard } from '../flow/FlowBoard.js';
import { ContextDisplay } from './ContextDisplay.js';
import { StatementDisplay } from './StatementDisplay.js';
import { FistDistribution, RoundDistribution } from './FistDistribution.js';
import { CrosswalkTally } from './CrosswalkTally.js';
import { useVisionScreen } from './useVision.js';

/** The vision retreat on the projector: one thing at a time, large. */
export function VisionBoard({ item }: ModuleScreenProps) {
  const { v, context, carried, flow, stage, round } = useVisionScreen(item);

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
          <StatementDisplay
            text={round?.statement ?? ''}
            label={round?.closed ? 'Fist-to-five: this round is closed' : 'Fist-to-five: answer on your phone'}
            layout="board"
          />
          {round && <RoundDistribution round={round} layout="board" />}
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
          {flow.phase === 'brainstorm' && <ContextDisplay {...context} carried={carried} layout="board" />}
          <FlowBoard item={item} />
        </div>
      );
  }
}
