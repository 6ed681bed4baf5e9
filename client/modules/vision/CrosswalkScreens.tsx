import { dictGet } from '../../../shared/session/dict.js';
import type { AgendaItem } from '../../../shared/session/state.js';
import type { ModuleScreenProps } from '../types.js';
import { sendCommand, useSession } from '../../store.js';
import { ContextCard, PhoneContext } from './ContextCard.js';
import { ContextDisplay } from './ContextDisplay.js';
import { CrosswalkCard } from './CrosswalkCard.js';
import { CrosswalkForm } from './CrosswalkForm.js';
import { CrosswalkTally } from './CrosswalkTally.js';
import { useCarried, useVision, useVisionContext } from './useVision.js';

/** A participant's ratings of the CFSR outcomes (on a crosswalk item, or an older session's vision item). */
export function PhoneCrosswalk({ item }: { item: AgendaItem }) {
  const v = useVision(item.id);
  const me = useSession((s) => s.participantId);
  return (
    <section className="phone-card stack" aria-labelledby={`phone-crosswalk-${item.id}`}>
      <h2 id={`phone-crosswalk-${item.id}`}>Crosswalk</h2>
      <p>How does each CFSR outcome relate to our mission and vision?</p>
      <CrosswalkForm
        mine={(me && dictGet(v.crosswalk.ratings, me)) || {}}
        onRate={(outcomeId, rating) => void sendCommand({ type: 'vision.rate', payload: { itemId: item.id, outcomeId, rating } })}
      />
    </section>
  );
}

/** The crosswalk item on the console: the session's context, then the crosswalk. */
export function CrosswalkConsole({ item }: ModuleScreenProps) {
  return (
    <>
      <ContextCard item={item} />
      <CrosswalkCard item={item} />
    </>
  );
}

/** On a phone: the ratings while the crosswalk is open; the context to read before and after. */
export function CrosswalkPhone({ item }: ModuleScreenProps) {
  const open = useVision(item.id).crosswalk.open;
  return (
    <>
      {open ? <PhoneCrosswalk item={item} /> : <p className="phone-card">The crosswalk opens on your phone when the facilitator starts it.</p>}
      <PhoneContext open={!open} />
    </>
  );
}

/** On the board: the mission, vision and values to read, then the room's tally once the crosswalk is open. */
export function CrosswalkBoard({ item }: ModuleScreenProps) {
  const v = useVision(item.id);
  const context = useVisionContext();
  const carried = useCarried();
  if (v.crosswalk.open || Object.keys(v.crosswalk.tally).length) return <CrosswalkTally tally={v.crosswalk.tally} layout="board" />;
  return <ContextDisplay {...context} carried={carried} layout="board" />;
}
