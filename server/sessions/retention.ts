import type { AsyncEventStore } from '../store/asyncTypes.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the sessions without activity for the retention period, 500 at a time, except those `held` open in memory
 * (activity the hourly bookkeeping has not written yet); returns how many.
 */
export async function sweepRetention(
  opts: { store: AsyncEventStore; now: () => number; retentionMs: number; log?: (line: string) => void },
  held: (sessionId: string, cutoff: number) => boolean,
  remove: (sessionId: string) => Promise<boolean>,
): Promise<number> {
  const cutoff = opts.now() - opts.retentionMs;
  let n = 0;
  for (let batch = await opts.store.idleSince(cutoff, 500); batch.length; batch = await opts.store.idleSince(cutoff, 500)) {
    let deleted = 0;
    for (const id of batch) if (!held(id, cutoff) && (await remove(id))) deleted++;
    n += deleted;
    if (deleted === 0) break;
  }
  if (n) opts.log?.(`retention: deleted ${n} session(s) without activity for ${Math.round(opts.retentionMs / DAY_MS)} days`);
  return n;
}
