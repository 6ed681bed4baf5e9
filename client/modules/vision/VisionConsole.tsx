import type { ModuleScreenProps } from '../types.js';
import { sendCommand } from '../../store.js';
import { FlowConsole } from '../flow/FlowConsole.js';
import { ContextCard } from './ContextCard.js';
import { CrosswalkCard } from './CrosswalkCard.js';
import { StatementEditor } from './StatementEditor.js';
import { StatementDisplay } from './StatementDisplay.js';
import { FistDistribution } from './FistDistribution.js';
import { crosswalkUsed } from '../../../shared/modules/vision/vision.context.js';
import { useVisionScreen, type VisionStage } from './useVision.js';

const STAGE_TEXT: Record<VisionStage, string> = {
  crosswalk: 'the crosswalk',
  final: 'the final statement',
  fist: 'the fist-to-five on the statement',
  draft: 'the statement as you type it',
  phrases: 'the phrases brainstorm',
};

/** The vision retreat on the console: context, phrases (the brainstorm flow), the statement and its consensus, the crosswalk. */
export function VisionConsole({ item }: ModuleScreenProps) {
  const { v, stage, round } = useVisionScreen(item);
  const itemId = item.id;

  return (
    <>
      <p className="notice" role="status">
        Phones and the board show {STAGE_TEXT[stage]} now.
      </p>
      {/* The live panel first, so it is in view on a laptop; the session's context (entered once) below it. */}
      <FlowConsole item={item} heading="Phrases" />
      <ContextCard item={item} />
      <section className="card stack" aria-labelledby="vision-statement-heading">
        <h2 id="vision-statement-heading">Statement and consensus</h2>
        {v.final ? (
          <>
            <StatementDisplay text={v.final.statement} label="Final statement" layout="console" />
            <FistDistribution distribution={v.final.distribution} layout="console" />
          </>
        ) : (
          <>
            <StatementEditor
              draft={v.draft}
              isFinal={!!v.final}
              hasRound={!!round}
              roundOpen={!!round && !round.closed}
              onDraft={(text) => void sendCommand({ type: 'vision.draft', payload: { itemId, text } })}
              onAsk={(hideDistribution) => void sendCommand({ type: 'vision.askFist', payload: { itemId, hideDistribution } })}
              onClose={() => void sendCommand({ type: 'vision.closeFist', payload: { itemId } })}
              onFinalize={() => {
                if (window.confirm('Record the statement of the last fist-to-five as final?'))
                  void sendCommand({ type: 'vision.finalize', payload: { itemId } });
              }}
            />
            {round && (
              <div className="stack">
                <h3>
                  Fist-to-five, round {v.rounds.length} {round.closed ? '(closed)' : '(open)'}
                </h3>
                <StatementDisplay text={round.statement} label="Asked on" layout="console" />
                {round.hidden && !round.closed && <p className="muted">The board and the phones see these answers once you close the round.</p>}
                <FistDistribution distribution={round.distribution} layout="console" />
              </div>
            )}
          </>
        )}
      </section>
      {crosswalkUsed(v) && <CrosswalkCard item={item} />}
    </>
  );
}
