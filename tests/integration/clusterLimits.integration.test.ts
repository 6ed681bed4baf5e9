import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/harness.js';
import { freePort, startProcesses, stopProcesses, type ServerProcess } from '../support/processes.js';
import { REDIS_URL, redisSkipReason, uniquePrefix } from '../support/redis.js';

const procs: ServerProcess[] = [];
afterEach(async () => stopProcesses(procs.splice(0)));

const create = (p: ServerProcess) =>
  fetch(`${p.url}/api/sessions`, { method: 'POST', body: JSON.stringify({ title: 'Board meeting' }), headers: { 'content-type': 'application/json' } });

describe.skipIf(redisSkipReason)('limits shared by several processes through Redis', () => {
  it('counts one client address jointly on two processes', async () => {
    procs.push(...(await startProcesses({ count: 2, env: { REDIS_URL, REDIS_PREFIX: uniquePrefix(), SESSION_CREATE_LIMIT: '3' } })));
    const [a, b] = procs as [ServerProcess, ServerProcess];
    expect((await create(a)).status).toBe(201);
    expect((await create(b)).status).toBe(201);
    expect((await create(a)).status).toBe(201);
    // The fourth, on the process that has seen only one: the limit of 3 is the two processes' together.
    const refused = await create(b);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Too many sessions were created from your network \(at most 3 every 10 minutes\)/);
    expect((await create(a)).status).toBe(429);
  });
});

describe('Redis not there at start', () => {
  it('says so in our own sentence and exits non-zero', async () => {
    const port = await freePort(); // nothing listens there
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${port}`, PORT: '0', HOST: '127.0.0.1', SERVE_CLIENT: 'false', DATA_DIR: tempDir() },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Redis in REDIS_URL (127.0.0.1:${port}) could not be reached (ECONNREFUSED). Start Redis there, or leave REDIS_URL unset to run one process on its own.`,
    );
  });
});
