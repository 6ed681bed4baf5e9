/** The marks by participant, changed as the events say: no participant is kept with no mark left. */
import { dictGet, dictSet, dictWithout, toDict, type Dict } from '../../session/dict.js';
import type { Mark } from './ecomap.state.js';

type Marks = Dict<Dict<Mark>>;

/** One participant's mark on one partner set (or withdrawn: null). */
export function withMark(marks: Marks, participantId: string, partnerId: string, mark: Mark | null): Marks {
  const mine = dictGet(marks, participantId) ?? toDict<Mark>(null);
  const next = mark === null ? dictWithout(mine, partnerId) : dictSet(mine, partnerId, mark);
  return Object.keys(next).length ? dictSet(marks, participantId, next) : dictWithout(marks, participantId);
}

/** Every mark on a partner taken away. */
export function marksWithout(marks: Marks, partnerId: string): Marks {
  let out = marks;
  for (const [who, mine] of Object.entries(marks)) if (dictGet(mine, partnerId) !== undefined) out = withMark(out, who, partnerId, null);
  return out;
}

/**
 * `fromId` folded into `intoId`: whoever marked only `fromId` now marks `intoId` so; whoever marked both keeps the
 * `intoId` mark.
 */
export function mergedMarks(marks: Marks, fromId: string, intoId: string): Marks {
  let out = marks;
  for (const [who, mine] of Object.entries(marks)) {
    const from = dictGet(mine, fromId);
    if (from === undefined) continue;
    if (dictGet(mine, intoId) === undefined) out = withMark(out, who, intoId, from);
    out = withMark(out, who, fromId, null);
  }
  return out;
}
