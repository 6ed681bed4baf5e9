import type { ModuleScreenProps } from '../types.js';
import { useSession } from '../../store.js';
import { FlowBoard } from '../flow/FlowBoard.js';
import { DataCardTiles } from './DataCardTiles.js';
import { SWOT_DECOR } from './quadrants.js';
import { useSwotCards } from './useSwotCards.js';
import { dictGet } from '../../../shared/session/dict.js';

/**
 * The SWOT on the projector. While nothing is posted yet the data cards fill the screen; afterwards they shrink to
 * a strip above the quadrants.
 */
export function SwotBoard({ item }: ModuleScreenProps) {
  const cards = useSwotCards(item.id);
  const phase = useSession((s) => dictGet(s.state.flows, item.id)?.phase ?? 'brainstorm');
  return (
    <div className="swot-board">
      {cards.length > 0 && phase === 'brainstorm' && <DataCardTiles cards={cards} layout="board" />}
      <FlowBoard item={item} decor={SWOT_DECOR} />
    </div>
  );
}
