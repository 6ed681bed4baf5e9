import { Redis } from 'ioredis';
import { describeRedisUrl } from '../../server/cluster.js';

/** The machine's Redis for the scale-out tests: REDIS_URL (`.ci/run` sets it). Without it they say why they skip. */
export const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;

async function probe(url: string | undefined): Promise<string | null> {
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

export const redisSkipReason = await probe(REDIS_URL);
if (redisSkipReason) console.warn(redisSkipReason);

/** Keys and channels of this test alone, in the shared Redis (REDIS_PREFIX). */
export const uniquePrefix = (): string => `ft-test-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/** A Redis of the test's own on a free loopback port (no disk), to stop and start again mid-test. */
export async function startOwnRedis(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if ((await probe(url)) === null) break;
    if (child.exitCode !== null || i > 100) throw new Error(`redis-server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
