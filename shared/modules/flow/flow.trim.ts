import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet, dictSet, dictWithout, emptyDict, type Dict } from '../../session/dict.js';
import type { FlowEvent } from './flow.events.js';
import type { FlowState } from './flow.state.js';

type Trimmed = Extract<FlowEvent, { type: 'flow.dotsTrimmed' }>;

/** A voter's dots one per entry, oldest first (older snapshots have no order: their dots in record order). */
export function dotOrder(flow: FlowState, voter: string): string[] {
  const kept = flow.order ? dictGet(flow.order, voter) : undefined;
  if (kept) return kept;
  return Object.entries(dictGet(flow.dots, voter) ?? {}).flatMap(([key, n]) => Array.from({ length: n }, () => key));
}

/** The dots a voter loses to new limits, latest first: first those over the limit on one item, then over the total. */
export function dotsOverLimits(order: readonly string[], dotsPerPerson: number, maxPerItem: number): string[] {
  const keep = [...order];
  const removed: string[] = [];
  const count = (key: string) => keep.filter((k) => k === key).length;
  for (let i = keep.length - 1; i >= 0; i--) {
    const key = keep[i]!;
    if (count(key) > maxPerItem) removed.push(...keep.splice(i, 1));
  }
  while (keep.length > dotsPerPerson) removed.push(keep.pop()!);
  return removed;
}

/** New vote settings: refused when they would take dots back unless `trim`, else the settings and each voter's trim. */
export function configureVote(flow: FlowState, itemId: string, dotsPerPerson: number, maxPerItem: number, trim: boolean): Decision {
  const trims: Trimmed[] = [];
  for (const voter of Object.keys(flow.dots)) {
    const removed = dotsOverLimits(dotOrder(flow, voter), dotsPerPerson, maxPerItem);
    if (removed.length) trims.push({ type: 'flow.dotsTrimmed', itemId, voter, removed, dotsPerPerson, maxPerItem });
  }
  if (trims.length && !trim)
    return fail(
      'conflict',
      `${trims.length === 1 ? '1 person has' : `${trims.length} people have`} placed more dots than that. Confirm to take back each one's latest dots.`,
    );
  return { ok: true, events: [{ type: 'flow.configured', itemId, dotsPerPerson, maxPerItem }, ...trims] };
}

/** What the voter's phone says about dots taken back. */
export function trimSentence(e: Pick<Trimmed, 'removed' | 'dotsPerPerson' | 'maxPerItem'>, dotsBefore: number): string {
  const n = e.removed.length;
  const tail = n === 1 ? 'your last dot was taken back' : `your last ${n} dots were taken back`;
  if (dotsBefore > e.dotsPerPerson) return `The facilitator lowered the dots to ${e.dotsPerPerson}: ${tail}.`;
  return `The facilitator lowered the dots on one item to at most ${e.maxPerItem}: ${tail}.`;
}

/** The state after a trim: the dots taken back, and the sentence kept for the voter's phone. */
export function applyTrim(f: FlowState, e: Trimmed): FlowState {
  const order = [...dotOrder(f, e.voter)];
  const before = order.length;
  let mine = dictGet(f.dots, e.voter) ?? emptyDict<number>();
  for (const key of e.removed) {
    const at = order.lastIndexOf(key);
    if (at >= 0) order.splice(at, 1);
    const n = (dictGet(mine, key) ?? 0) - 1;
    mine = n > 0 ? dictSet(mine, key, n) : dictWithout(mine, key);
  }
  return {
    ...f,
    dots: dictSet(f.dots, e.voter, mine),
    order: dictSet(f.order ?? emptyDict(), e.voter, order),
    trimNotices: dictSet(f.trimNotices ?? emptyDict(), e.voter, trimSentence(e, before)),
  };
}

/** The order after one dot placed or taken back (the latest of that target goes first). */
export function orderAfterDot(f: FlowState, voter: string, key: string, delta: 1 | -1): Dict<string[]> {
  const order = [...dotOrder(f, voter)];
  if (delta === 1) order.push(key);
  else if (order.lastIndexOf(key) >= 0) order.splice(order.lastIndexOf(key), 1);
  return dictSet(f.order ?? emptyDict(), voter, order);
}
