import type { ModuleScreenProps } from '../types.js';
import { FlowPhone } from '../flow/FlowPhone.js';
import { DataCardTiles } from './DataCardTiles.js';
import { SWOT_DECOR } from './quadrants.js';
import { useSwotCards } from './useSwotCards.js';

/** The SWOT on a phone: the data cards (folded away once the brainstorm is under way), then the step. */
export function SwotPhone({ item }: ModuleScreenProps) {
  const cards = useSwotCards(item.id);
  return (
    <>
      {cards.length > 0 && (
        <details className="phone-card" open>
          <summary>The data ({cards.length} cards)</summary>
          <DataCardTiles cards={cards} layout="phone" />
        </details>
      )}
      <FlowPhone item={item} decor={SWOT_DECOR} />
    </>
  );
}
