import type { AgendaItem } from '../../../shared/session/state.js';
import { takesVisionContext } from '../../../shared/modules/vision/vision.context.js';
import { ContextCard, PhoneContext } from './ContextCard.js';
import { ContextDisplay } from './ContextDisplay.js';
import { useCarried, useVisionContext } from './useVision.js';

/**
 * The session's vision context (mission, vision, values, carried items) on an item of any kind that takes it as its
 * input ("Current mission, vision and values", a discussion): the console's card with its form, the board's display,
 * the phone's, open.
 */
export function ItemContext({ item, layout }: { item: AgendaItem; layout: 'console' | 'phone' | 'board' }) {
  if (!takesVisionContext(item)) return null;
  if (layout === 'console') return <ContextCard item={item} />;
  if (layout === 'phone') return <PhoneContext open />;
  return <BoardContext />;
}

function BoardContext() {
  const context = useVisionContext();
  const carried = useCarried();
  return <ContextDisplay {...context} carried={carried} layout="board" />;
}
