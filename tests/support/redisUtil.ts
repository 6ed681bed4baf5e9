import { Redis } from 'ioredis';
import { describeRedisUrl } from '../../server/cluster.js';

/** Null when a Redis answers at `url`, else why not. */
export async function probe(url: string | undefined): Promise<string | null> {
  if (!url) return 'Redis tests skipped: REDIS_URL is not set (for example redis://127.0.0.1:6379).';
  const r = new Redis(url, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 2000, maxRetriesPerRequest: 0 });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    const why = (e as { code?: unknown }).code ?? (e as Error).message;
    return `Redis tests skipped: nothing answers at REDIS_URL (${describeRedisUrl(url)}): ${String(why)}.`;
  } finally {
    r.disconnect();
  }
}

/** Keys and channels of this test alone, in the shared Redis (REDIS_PREFIX). */
export const uniquePrefix = (): string => `ft-test-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
