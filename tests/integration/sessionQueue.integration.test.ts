import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asyncSqlite } from '../../server/store/asyncSqlite.js';
import { SessionHub } from '../../server/sessions/hub.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { allNotes } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, type TestApp } from '../support/harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startServer();
});
afterEach(() => closeClients());
afterAll(() => app.close());

describe('one process, one session', () => {
  it('commands sent at once are decided one at a time: every one accepted, none of them lost a race', async () => {
    const s = await createSession(app);
    const fac = client(app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const itemId = boardItemId(fac);
    const phones = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const p = client(app);
        expect((await p.join({ role: 'participant', joinCode: s.joinCode, name: `P${i}` })).ok).toBe(true);
        return p;
      }),
    );
    const results = await Promise.all(
      phones.flatMap((p, i) => Array.from({ length: 5 }, (_, k) => p.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: `${i}-${k}` } }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const seqs = results.map((r) => (r.ok ? r.seq : 0)).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(40);
    expect(app.conflicts()).toBe(0);
    const fresh = client(app);
    expect((await fresh.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    expect(allNotes(fresh.snap.state)).toHaveLength(40);
  });

  it('a session asked for many times at once is loaded once', async () => {
    const store = asyncSqlite(openSqliteStore(tempDir(), { log: () => {} }));
    const keep = { snapshotEvery: 500, now: Date.now, idleUnloadMs: 60_000, retentionMs: 1e12 };
    const made = await new SessionHub({ store, ...keep }).create('Loaded once', []);
    const hub = new SessionHub({ store, ...keep });
    let loads = 0;
    hub.onLoad(() => loads++);
    const copies = await Promise.all(Array.from({ length: 10 }, () => hub.get(made.id)));
    expect(new Set(copies).size).toBe(1);
    expect(copies[0]?.record.title).toBe('Loaded once');
    expect(loads).toBe(1);
    await hub.close();
    await store.close();
  });
});
