import { dictGet, dictSet, emptyDict, type Dict } from './dict.js';
import type { SessionState } from './state.js';

/**
 * Time on an item: from entering it (the agenda moved to it) to leaving it, whether or not its timer ran. Kept next
 * to the timer's own record (`actualMs`); snapshots written before lack both fields and count from the next move.
 */
export type ItemTime = Pick<SessionState, 'onItemMs' | 'enteredAt' | 'currentItemId' | 'endedAt'>;

/** The record after leaving the current item at `at`. */
export function leaveItem(s: ItemTime, at: number): Dict<number> {
  const on = s.onItemMs ?? emptyDict<number>();
  const id = s.currentItemId;
  if (!id || s.enteredAt == null || s.endedAt !== undefined || at <= s.enteredAt) return on;
  return dictSet(on, id, (dictGet(on, id) ?? 0) + (at - s.enteredAt));
}

/** The fields after moving from the current item to `itemId` at `at`. */
export const enterItem = (s: ItemTime, itemId: string | null, at: number): Pick<SessionState, 'onItemMs' | 'enteredAt'> => ({
  onItemMs: leaveItem(s, at),
  enteredAt: itemId ? at : null,
});

/** Milliseconds spent on the item, including the stay still going at `at` (the current item, mid-session). */
export function onItemMsOf(s: ItemTime, itemId: string, at: number): number {
  const here = s.currentItemId === itemId ? leaveItem(s, at) : (s.onItemMs ?? emptyDict<number>());
  return dictGet(here, itemId) ?? 0;
}
