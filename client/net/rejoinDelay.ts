/** The longest a screen waits between two tries of a re-join refused without a wait from the server. */
export const REJOIN_MAX_MS = 30_000;
/** At most this much is added at random to a wait, so a room's screens refused together do not come back together. */
const JITTER_MAX_MS = 5_000;

/**
 * How long to wait before trying a refused re-join again: the wait the server gave, else a backoff doubling from one
 * second up to REJOIN_MAX_MS; either way plus a random part of up to half of it (at most JITTER_MAX_MS).
 */
export function rejoinDelay(retryAfterSeconds: number | undefined, tries: number, random: () => number = Math.random): number {
  const base = retryAfterSeconds !== undefined ? Math.max(0, retryAfterSeconds) * 1000 : Math.min(REJOIN_MAX_MS, 1000 * 2 ** tries);
  return Math.round(base + Math.min(base / 2, JITTER_MAX_MS) * random());
}
