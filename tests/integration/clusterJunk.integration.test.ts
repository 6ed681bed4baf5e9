import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { allNotes } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, waitFor } from '../support/harness.js';
import { REDIS_URL, redisSkipReason, uniquePrefix } from '../support/redis.js';

type App = Awaited<ReturnType<typeof startServer>>;
const apps: App[] = [];
const redises: Redis[] = [];
afterEach(async () => {
  closeClients();
  for (const a of apps.splice(0)) await a.close();
  for (const r of redises.splice(0)) r.disconnect();
});

describe.skipIf(redisSkipReason)("junk on the processes' channel", () => {
  it('is never applied nor taken as a deletion, throws nothing, and the real events still reach every screen', async () => {
    const [dataDir, redisPrefix] = [tempDir(), uniquePrefix()];
    for (let i = 0; i < 2; i++) apps.push(await startServer({ dataDir, redisUrl: REDIS_URL, redisPrefix }));
    const [a, b] = apps as [App, App];
    const s = await createSession(a);
    const fac = client(a);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const board = client(b);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const head = board.snap.state.seq;

    // Anyone who can write to Redis: a later version, a message cut short, a broken writer.
    const redis = new Redis(REDIS_URL!);
    redises.push(redis);
    const say = (m: unknown): Promise<number> => redis.publish(`${redisPrefix}:sessions`, typeof m === 'string' ? m : JSON.stringify(m));
    const base = { from: 'someone else', sessionId: s.sessionId };
    for (const junk of [
      'not json',
      'null',
      { ...base, kind: 'renamed' },
      { ...base, kind: 'events', events: 'many' },
      { ...base, kind: 'events', events: [null, 7] },
      { ...base, kind: 'events', events: [{ seq: head + 1, type: 'timer.started' }] },
      { ...base, kind: 'events', events: [{ seq: head + 1, type: 'timer.started', at: 1 }, { seq: head + 3, type: 'timer.paused', at: 2 }] },
      { ...base, kind: 'events', events: [{ seq: '1e9', type: 'timer.started', at: 1 }] },
      { ...base, kind: 'events', events: [], sender: { participantId: 5 } },
    ])
      await say(junk);
    await new Promise((r) => setTimeout(r, 300));
    expect(board.snap.closed).toBeNull();
    expect(board.snap.state.seq).toBe(head);

    // The real next event, from the other process, reaches the board in order.
    const itemId = boardItemId(fac);
    expect(await fac.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'real' } })).toMatchObject({ ok: true });
    await waitFor(() => allNotes(board.snap.state).some((n) => n.text === 'real'), 'the real note on the board');
    expect(board.snap.state.seq).toBe(fac.snap.state.seq);
    expect(board.snap.state.timer).toEqual(fac.snap.state.timer);
    expect(board.gaps).toBe(0);
  });
});
