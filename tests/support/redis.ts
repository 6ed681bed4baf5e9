import { probe } from './redisUtil.js';

export { uniquePrefix } from './redisUtil.js';

/** The machine's Redis for the scale-out tests: REDIS_URL (`.ci/run` sets it). Without it they say why they skip. */
export const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;

export const redisSkipReason = await probe(REDIS_URL);
if (redisSkipReason) console.warn(redisSkipReason);
