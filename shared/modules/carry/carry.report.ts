import type { Block } from '../../report/model.js';
import type { ReportKinds } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { carriedIn, carriedWhere } from './carry.logic.js';
import { takesCarried } from './carry.state.js';

export const NOTHING_CARRIED = 'Nothing was carried forward.';

/** The carried items, ranked with their dots, for an item whose input they are (nothing for any other item). */
export function carriedInputBlocks(state: SessionState, item: AgendaItem, kinds: ReportKinds): Block[] {
  if (!takesCarried(item)) return [];
  const items = carriedIn(state, kinds);
  return [
    { kind: 'heading', level: 2, text: 'Carried forward' },
    items.length
      ? { kind: 'ranked', unit: 'dots', entries: items.map((i) => ({ text: `${i.label} (${carriedWhere(i)})`, count: i.dots })) }
      : { kind: 'paragraph', text: NOTHING_CARRIED },
  ];
}
