import type { ModuleScreenProps } from '../types.js';
import { sendCommand, useSession } from '../../store.js';
import { FlowPhone } from '../flow/FlowPhone.js';
import { PhoneContext } from './ContextCard.js';
import { PhoneCrosswalk } from './CrosswalkScreens.js';
import { StatementDisplay } from './StatementDisplay.js';
import { FistButtons } from './FistButtons.js';
import { FistDistribution, RoundDistribution } from './FistDistribution.js';
import { useVisionScreen } from './useVision.js';
import { dictGet } from '../../../shared/session/dict.js';

/** The vision retreat on a phone: whatever the room is doing now first, the context always a tap away. */
export function VisionPhone({ item }: ModuleScreenProps) {
  const { v, flow, stage, round } = useVisionScreen(item);
  const me = useSession((s) => s.participantId);
  const itemId = item.id;

  return (
    <>
      {stage === 'crosswalk' && <PhoneCrosswalk item={item} />}
      {stage === 'final' && v.final && (
        <section className="phone-card stack" aria-label="Final statement">
          <StatementDisplay text={v.final.statement} label="Final statement" layout="phone" />
          <FistDistribution distribution={v.final.distribution} layout="phone" />
        </section>
      )}
      {stage === 'fist' && round && (
        <section className="phone-card stack" aria-label="Fist-to-five">
          <StatementDisplay
            text={round.statement}
            label={round.closed ? 'Fist-to-five: this round is closed' : 'How much do you support this statement?'}
            layout="phone"
          />
          {round.closed ? (
            <RoundDistribution round={round} layout="phone" />
          ) : (
            <>
              <FistButtons
                value={me ? dictGet(round.answers, me) : undefined}
                onAnswer={(value) => void sendCommand({ type: 'vision.fist', payload: { itemId, value } })}
              />
              {round.hidden && <RoundDistribution round={round} layout="phone" />}
            </>
          )}
        </section>
      )}
      {stage === 'draft' && (
        <section className="phone-card stack" aria-label="Draft statement">
          <StatementDisplay text={v.draft} label="Draft statement (the facilitator is writing)" layout="phone" />
        </section>
      )}
      <PhoneContext open={stage === 'phrases' && flow.phase === 'brainstorm'} />
      {(stage === 'phrases' || stage === 'draft') && <FlowPhone item={item} />}
    </>
  );
}
