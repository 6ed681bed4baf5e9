import { afterEach, describe, expect, it } from 'vitest';
import { SessionClient, memoryStorage } from '../../client/net/sessionClient.js';
import { HEARTBEAT_MS, PEER_GONE_MS, REQUESTS_TIMEOUT_MS } from '../../server/cluster.js';
import { waitFor, type Created } from '../support/harness.js';
import { startProcesses, stopProcesses, type ServerProcess } from '../support/processes.js';
import { REDIS_URL, redisSkipReason, uniquePrefix } from '../support/redis.js';
import { createVia } from '../support/scaleOut.js';

/** The bound the README gives: a killed process's phones show offline on every other console within this. */
const BOUND_MS = PEER_GONE_MS + HEARTBEAT_MS;

const procs: ServerProcess[] = [];
const opened: SessionClient[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await stopProcesses(procs.splice(0));
});

const screenOn = (p: ServerProcess): SessionClient => {
  const c = new SessionClient({ url: p.url, storage: memoryStorage(), transports: ['websocket'], ackTimeoutMs: 5000 });
  opened.push(c);
  return c;
};
async function processes(count: number): Promise<ServerProcess[]> {
  // Real processes on one SQLite folder and one Redis (a prefix of this run's own).
  procs.push(...(await startProcesses({ count, env: { REDIS_URL, REDIS_PREFIX: uniquePrefix() } })));
  // Each has heard every other say it is alive: a recount now can only come from one going (not one appearing).
  await new Promise((r) => setTimeout(r, HEARTBEAT_MS + 500));
  return procs;
}
const consoleOn = async (p: ServerProcess, s: Created): Promise<SessionClient> => {
  const c = screenOn(p);
  await c.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  return c;
};
const phoneOn = async (p: ServerProcess, s: Created, name: string): Promise<SessionClient> => {
  const c = screenOn(p);
  await c.join({ role: 'participant', joinCode: s.joinCode, name });
  return c;
};
const online = (c: SessionClient): string[] => [...(c.snap.presence?.participantIds ?? [])].sort();

/** SIGKILLs `victim` while `gone` (its screens) never come back, and how long until `consoles` show only `left`. */
async function killAndWait(victim: ServerProcess, gone: SessionClient[], consoles: SessionClient[], left: string[], restart = false): Promise<number> {
  const killedAt = Date.now();
  await victim.kill('SIGKILL');
  for (const c of gone) c.close(); // its phones never come back
  if (restart) await victim.restart();
  await waitFor(
    () => consoles.every((c) => online(c).join() === [...left].sort().join() && c.snap.presence?.boards === 0),
    `the killed process's screens offline on every console within ${BOUND_MS} ms`,
    BOUND_MS,
  );
  return Date.now() - killedAt;
}

describe.skipIf(redisSkipReason)('presence after a process dies', { timeout: 90_000 }, () => {
  it("shows a SIGKILLed process's phones and board offline on the consoles of every other process, within the bound", async () => {
    const [p1, p2, p3] = (await processes(3)) as [ServerProcess, ServerProcess, ServerProcess];
    const s = await createVia(p1.url, 'systems-change');
    const consoles = [await consoleOn(p1, s), await consoleOn(p3, s)];
    const stays = await phoneOn(p1, s, 'Ben');
    const phone = await phoneOn(p2, s, 'Ana');
    const board = screenOn(p2);
    await board.join({ role: 'board', joinCode: s.joinCode });
    await waitFor(() => consoles.every((c) => online(c).length === 2 && c.snap.presence?.boards === 1), 'both phones and the board', 10_000);

    const took = await killAndWait(p2, [phone, board], consoles, [stays.snap.participantId!]);
    console.log(`presence: killed process's phone offline on the consoles after ${took} ms (bound ${BOUND_MS} ms)`);
    expect(took).toBeLessThanOrEqual(BOUND_MS + 1000);
  });

  it("a hung process (its Redis connections open, answering nothing): the console shows the others' phones, without its own", async () => {
    const [p1, p2, p3] = (await processes(3)) as [ServerProcess, ServerProcess, ServerProcess];
    const s = await createVia(p1.url, 'systems-change');
    const fac = await consoleOn(p1, s);
    const hung = await phoneOn(p2, s, 'Ana');
    const stays = await phoneOn(p3, s, 'Ben');
    await waitFor(() => online(fac).length === 2, 'both phones', 10_000);

    const hungAt = Date.now();
    p2.hang(true);
    hung.close();
    // Gone once silent; the others asked without waiting for it past the adapter's request timeout.
    const bound = BOUND_MS + REQUESTS_TIMEOUT_MS;
    await waitFor(() => online(fac).join() === stays.snap.participantId, `only the phone on the third process within ${bound} ms`, bound);
    console.log(`presence: hung process's phone offline on the console after ${Date.now() - hungAt} ms (bound ${bound} ms)`);
    // And its joins and leaves are counted while it hangs.
    stays.close();
    await waitFor(() => online(fac).length === 0, 'the phone on the third process gone too', REQUESTS_TIMEOUT_MS + 2000);
  });

  it('a process restarted at once under the same PROCESS_NAME does not keep the one it replaced counted', async () => {
    const [p1, p2] = (await processes(2)) as [ServerProcess, ServerProcess];
    const s = await createVia(p1.url, 'systems-change');
    const fac = await consoleOn(p1, s);
    const phone = await phoneOn(p2, s, 'Ana');
    await waitFor(() => online(fac).length === 1, 'the phone on the other process', 10_000);

    // The same name, the same port, its heartbeat going again before the old one's silence counts.
    await killAndWait(p2, [phone], [fac], [], true);
    // And the restarted process's own phones count as ever.
    const again = await phoneOn(p2, s, 'Ben');
    await waitFor(() => online(fac).join() === again.snap.participantId, 'the new phone on the restarted process', 10_000);
  });
});
