import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allNotes } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, waitFor } from '../support/harness.js';
import { freePort } from '../support/processes.js';
import { REDIS_SERVER, startOwnRedis } from '../support/ownRedis.js';
import { uniquePrefix } from '../support/redisUtil.js';

const skip = fs.existsSync(REDIS_SERVER) ? null : `Redis loss test skipped: no redis-server at ${REDIS_SERVER} (sudo apt-get install redis-server).`;
if (skip) console.warn(skip);

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  closeClients();
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Two servers on one SQLite folder and a Redis of the test's own, which `stop` and `start` end and start again. */
async function twoOnOwnRedis() {
  const port = await freePort();
  let own = await startOwnRedis(port);
  stops.push(() => own.stop());
  const redis = {
    stop: () => own.stop(),
    start: async () => void (own = await startOwnRedis(port)),
  };
  const [dataDir, redisPrefix, lines, linesB] = [tempDir(), uniquePrefix(), [] as string[], [] as string[]];
  const a = await startServer({ dataDir, redisUrl: own.url, redisPrefix, log: (l) => lines.push(l) });
  stops.push(() => a.close());
  const b = await startServer({ dataDir, redisUrl: own.url, redisPrefix, log: (l) => linesB.push(l) });
  stops.push(() => b.close());
  return { redis, a, b, lines, linesB };
}

describe.skipIf(skip)('Redis lost while running', { timeout: 60_000 }, () => {
  it('is logged; each process keeps serving its own screens, and the processes share again once it is back', async () => {
    const { redis, a, b, lines, linesB } = await twoOnOwnRedis();

    const s = await createSession(a);
    const fac = client(a);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phoneA = client(a);
    await phoneA.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const boardB = client(b);
    await boardB.join({ role: 'board', joinCode: s.joinCode });
    const itemId = boardItemId(fac);
    const column = 'Strengths';
    const texts = (c: typeof fac): string[] => allNotes(c.snap.state).map((n) => n.text);

    expect(await phoneA.send({ type: 'note.add', payload: { itemId, column, text: 'before' } })).toMatchObject({ ok: true });
    await waitFor(() => texts(boardB).includes('before'), 'the note on the other process', 10_000);

    await redis.stop();
    await waitFor(() => lines.some((l) => l.includes('Redis connection lost')), 'the loss logged', 10_000);
    // Process A still takes the phone's notes (its rate limits count in memory meanwhile) and shows them on its screens.
    expect(await phoneA.send({ type: 'note.add', payload: { itemId, column, text: 'during' } })).toMatchObject({ ok: true });
    await waitFor(() => texts(fac).includes('during'), 'the note on the console of the same process', 10_000);

    await redis.start();
    const back = (l: string): boolean => l.includes('Redis connection back');
    await waitFor(() => lines.some(back) && linesB.some(back), 'the reconnection logged on both', 20_000);
    // Sharing again: the board on B, which missed 'during', gets the next note, sees the gap and catches up.
    expect(await phoneA.send({ type: 'note.add', payload: { itemId, column, text: 'after' } })).toMatchObject({ ok: true });
    await waitFor(() => texts(boardB).includes('after') && texts(boardB).includes('during'), 'B caught up', 20_000);
    expect(boardB.snap.state.seq).toBe(fac.snap.state.seq);
  });

  it('once back, a process reads what it missed at once: a note and a deletion, with no next event to show the gap', async () => {
    const { redis, a, b, linesB } = await twoOnOwnRedis();
    const [s, gone] = [await createSession(a), await createSession(a)];
    const phoneA = client(a);
    await phoneA.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const boardB = client(b);
    await boardB.join({ role: 'board', joinCode: s.joinCode });
    const boardGone = client(b);
    await boardGone.join({ role: 'board', joinCode: gone.joinCode });
    const itemId = boardItemId(boardB);

    await redis.stop();
    expect(await phoneA.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'while Redis was away' } })).toMatchObject({ ok: true });
    const del = await fetch(`${a.url}/api/sessions/${gone.sessionId}`, { method: 'DELETE', headers: { authorization: `Bearer ${gone.facilitatorKey}` } });
    expect(del.status).toBe(204);
    await waitFor(() => linesB.some((l) => l.includes('Redis connection lost')), 'the loss logged on B', 10_000);
    await redis.start();
    await waitFor(() => linesB.some((l) => l.includes('Redis connection back')), 'the reconnection logged', 20_000);
    // Nothing more is written: B reads the note and finds the deletion by itself.
    await waitFor(() => allNotes(boardB.snap.state).some((n) => n.text === 'while Redis was away'), 'the missed note on B', 10_000);
    await waitFor(() => boardGone.snap.closed !== null, "the deleted session's board on B told", 10_000);
    expect(boardGone.snap.closed).toBe('This session was deleted by its facilitator.');
  });
});
