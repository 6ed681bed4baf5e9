import type { ModuleScreenProps } from '../types.js';
import { sendCommand } from '../../store.js';
import { FlowConsole } from '../flow/FlowConsole.js';
import { DataCardsPanel } from './DataCardsPanel.js';
import { SWOT_DECOR } from './quadrants.js';
import { useSwotCards } from './useSwotCards.js';

/** The SWOT on the console: the four quadrants through the brainstorm flow (the live panel, first), then the data cards. */
export function SwotConsole({ item }: ModuleScreenProps) {
  const cards = useSwotCards(item.id);
  return (
    <>
      <FlowConsole item={item} decor={SWOT_DECOR} heading="SWOT" />
      <DataCardsPanel
        cards={cards}
        onAdd={(card) => void sendCommand({ type: 'swot.addCard', payload: { itemId: item.id, card } })}
        onEdit={(cardId, card) => void sendCommand({ type: 'swot.editCard', payload: { itemId: item.id, cardId, card } })}
        onRemove={(cardId) => void sendCommand({ type: 'swot.removeCard', payload: { itemId: item.id, cardId } })}
      />
    </>
  );
}
