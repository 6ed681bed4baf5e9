import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { allNotes } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, waitFor, type Created } from '../support/harness.js';
import { rowsOf, storeHolds } from '../support/storedRows.js';

afterEach(() => closeClients());

const DAY = 24 * 60 * 60 * 1000;
const ENDED = 'This session has ended: it is read-only now.';
const DELETED = 'This session was deleted by its facilitator.';
const noRows = { sessions: 0, events: 0, commands: 0, participant_tokens: 0, snapshots: 0 };

type App = Awaited<ReturnType<typeof startServer>>;

async function room(app: App, s: Created) {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  const phoneStorage = memoryStorage();
  const phone = client(app, phoneStorage);
  expect((await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok).toBe(true);
  const board = client(app);
  expect((await board.join({ role: 'board', joinCode: s.joinCode })).ok).toBe(true);
  return { fac, phone, phoneStorage, board, itemId: boardItemId(fac) };
}

describe('sessions leave memory when idle', () => {
  it('unloads a session once no screen is connected, and loads it again on the next join by code', async () => {
    const app = await startServer({ idleUnloadMs: 150, snapshotEvery: 3 });
    try {
      const s = await createSession(app);
      const { fac, phone, phoneStorage, board, itemId } = await room(app, s);
      for (const text of ['one', 'two', 'three', 'four'])
        expect((await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text } })).ok).toBe(true);
      const participantId = phone.snap.participantId;
      // Connected screens keep it in memory well past the idle time.
      await new Promise((r) => setTimeout(r, 400));
      expect(app.liveSessions()).toBe(1);
      for (const c of [fac, phone, board]) c.close();
      await waitFor(() => app.liveSessions() === 0, 'the session to unload');

      const again = client(app, phoneStorage);
      const res = await again.join({ role: 'participant', joinCode: s.joinCode });
      expect(res.ok && res.participantId).toBe(participantId);
      expect(allNotes(again.snap.state).map((n) => n.text).sort()).toEqual(['four', 'one', 'three', 'two']);
      expect(app.liveSessions()).toBe(1);
      const newcomer = client(app);
      expect((await newcomer.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' })).ok).toBe(true);
      expect((await newcomer.send({ type: 'note.add', payload: { itemId, column: 'Threats', text: 'five' } })).ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('does not load a session for a wrong facilitator key, and unloads one only looked at by a board', async () => {
    const app = await startServer({ idleUnloadMs: 100 });
    try {
      const s = await createSession(app);
      const res = await client(app).join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: 'wrong-key' });
      expect(res.ok).toBe(false);
      expect(app.liveSessions()).toBe(0);
      const board = client(app);
      expect((await board.join({ role: 'board', joinCode: s.joinCode })).ok).toBe(true);
      expect(app.liveSessions()).toBe(1);
      board.close();
      await waitFor(() => app.liveSessions() === 0, 'the session to unload');
    } finally {
      await app.close();
    }
  });
});

describe('ending a session', () => {
  it('makes it read-only with a sentence, keeps the results visible, and still lets people join', async () => {
    const app = await startServer();
    try {
      const s = await createSession(app);
      const { fac, phone, board, itemId } = await room(app, s);
      expect((await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'kept' } })).ok).toBe(true);
      expect((await phone.send({ type: 'session.end', payload: {} })).ok).toBe(false); // the facilitator's alone
      expect((await fac.send({ type: 'session.end', payload: {} })).ok).toBe(true);
      for (const c of [fac, phone, board]) await waitFor(() => c.snap.state.endedAt !== undefined, 'everyone to see the end');

      const refused = [
        await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'too late' } }),
        await fac.send({ type: 'timer.start', payload: {} }),
        await fac.send({ type: 'agenda.next', payload: {} }),
        await fac.send({ type: 'session.end', payload: {} }),
      ];
      for (const r of refused) expect(r).toEqual({ ok: false, error: { code: 'conflict', message: ENDED } });

      const late = client(app);
      expect((await late.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' })).ok).toBe(true);
      expect(late.snap.state.endedAt).toBeDefined();
      expect(allNotes(late.snap.state).map((n) => n.text)).toEqual(['kept']);
    } finally {
      await app.close();
    }
  });
});

describe('deleting a session', () => {
  it('over the socket: every row goes, every screen is told why and let go, the code no longer joins', async () => {
    const app = await startServer();
    try {
      const other = await createSession(app);
      const s = await createSession(app);
      const { fac, phone, board, itemId } = await room(app, s);
      expect((await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'A note about the Example family' } })).ok).toBe(true);
      expect((await rowsOf(app, s.sessionId)).events).toBeGreaterThan(0);
      expect(await storeHolds(app, 'the Example family')).toBe(true);
      expect((await phone.send({ type: 'session.delete', payload: {} })).ok).toBe(false);

      expect((await fac.send({ type: 'session.delete', payload: {} })).ok).toBe(true);
      for (const c of [fac, phone, board]) await waitFor(() => c.snap.closed === DELETED, 'the notice');
      await waitFor(() => [fac, phone, board].every((c) => !c.socket.connected), 'screens let go');
      expect(await rowsOf(app, s.sessionId)).toEqual(noRows);
      expect((await rowsOf(app, other.sessionId)).sessions).toBe(1);
      expect(await storeHolds(app, 'the Example family')).toBe(false);
      expect(app.liveSessions()).toBe(0);
      const res = await client(app).join({ role: 'board', joinCode: s.joinCode });
      expect(res.ok ? null : res.error.code).toBe('not_found');
    } finally {
      await app.close();
    }
  });

  it('over HTTP with the facilitator key; 403 without it, 404 for an unknown id', async () => {
    const app = await startServer();
    try {
      const s = await createSession(app);
      const { phone } = await room(app, s);
      const url = `${app.url}/api/sessions/${s.sessionId}`;
      const wrong: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-key' }, { authorization: s.facilitatorKey }];
      for (const headers of wrong) {
        const res = await fetch(url, { method: 'DELETE', headers });
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: string }).error).toBe(
          "Only the session's facilitator can delete it: send its facilitator key.",
        );
      }
      expect((await rowsOf(app, s.sessionId)).sessions).toBe(1);
      const unknown = await fetch(`${app.url}/api/sessions/nosuchsession`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${s.facilitatorKey}` },
      });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: string }).error).toBe('There is no session with that id.');

      const res = await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${s.facilitatorKey}` } });
      expect(res.status).toBe(204);
      expect(await rowsOf(app, s.sessionId)).toEqual(noRows);
      await waitFor(() => phone.snap.closed === DELETED && !phone.socket.connected, 'the phone to be told');
      expect((await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${s.facilitatorKey}` } })).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('retention', () => {
  it('deletes at start a session without activity for RETENTION_DAYS; activity moves the date on', async () => {
    const dataDir = tempDir();
    const t0 = Date.UTC(2026, 0, 5, 9);
    let clock = t0;
    const now = () => clock;
    let app = await startServer({ dataDir, now, retentionDays: 365 });
    const old = await createSession(app);
    const active = await createSession(app);
    await app.close();

    clock = t0 + 200 * DAY;
    app = await startServer({ dataDir, now, retentionDays: 365 });
    const fac = client(app);
    const joined = await fac.join({ role: 'facilitator', sessionId: active.sessionId, facilitatorKey: active.facilitatorKey });
    expect(joined.ok && joined.keptUntil).toBe(t0 + 565 * DAY);
    fac.close();
    await app.close();

    clock = t0 + 366 * DAY;
    app = await startServer({ dataDir, now, retentionDays: 365 });
    try {
      expect(await rowsOf(app, old.sessionId)).toEqual(noRows);
      expect((await rowsOf(app, active.sessionId)).sessions).toBe(1);
      const res = await client(app).join({ role: 'board', joinCode: old.joinCode });
      expect(res.ok).toBe(false);
      expect((await client(app).join({ role: 'board', joinCode: active.joinCode })).ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});
