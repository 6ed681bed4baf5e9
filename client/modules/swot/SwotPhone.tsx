import type { ModuleScreenProps } from '../types.js';
import { FlowPhone } from '../flow/FlowPhone.js';
import { DataCardTiles } from './DataCardTiles.js';
import { SWOT_DECOR } from './quadrants.js';
import { useSwotCards } from './useSwotCards.js';
import { useSession } from '../../store.js';
import { dictGet } from '../../../shared/session/dict.js';

/** The SWOT on a phone: the current step first, then the data cards (open during the brainstorm). */
export function SwotPhone({ item }: ModuleScreenProps) {
  const cards = useSwotCards(item.id);
  const brainstorm = useSession((s) => (dictGet(s.state.flows, item.id)?.phase ?? 'brainstorm') === 'brainstorm');
  return (
    <>
      <FlowPhone item={item} decor={SWOT_DECOR} />
      {cards.length > 0 && (
        <details className="phone-card" open={brainstorm}>
          <summary>The data ({cards.length} cards)</summary>
          <DataCardTiles cards={cards} layout="phone" />
        </details>
      )}
    </>
  );
}
