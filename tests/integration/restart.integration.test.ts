import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { allNotes } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, waitFor } from '../support/harness.js';

afterEach(() => closeClients());

describe('persistence across a restart', () => {
  it('keeps everything acknowledged, and connected screens reconnect and catch up by themselves', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir, snapshotEvery: 7 });
    const s = await createSession(app);
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phoneStorage = memoryStorage();
    const phone = client(app, phoneStorage);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const itemId = boardItemId(fac);
    for (let i = 0; i < 20; i++) {
      const r = await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: `note ${i}` } });
      expect(r.ok).toBe(true);
    }
    expect((await fac.send({ type: 'timer.start', payload: {} })).ok).toBe(true);
    const ackedSeq = fac.snap.state.seq;
    await waitFor(() => board.snap.state.seq === phone.snap.state.seq && phone.snap.state.seq >= 23, 'in step');
    const participantId = phone.snap.participantId;

    const first = app;
    await app.close();
    await waitFor(() => phone.snap.connection === 'offline' && board.snap.connection === 'offline', 'clients see the drop');
    // While the server is down, the phone keeps typing.
    const queued = phone.send({ type: 'note.add', payload: { itemId, column: 'Threats', text: 'typed while the server was down' } });

    app = await startServer({ dataDir, port: app.port, snapshotEvery: 7 });
    try {
      // The same store again: SQLite's file in the data folder, or the same PostgreSQL schema.
      expect(app.store === 'postgres' ? app.schema : fs.existsSync(path.join(dataDir, 'toolkit.sqlite'))).toBe(app.store === 'postgres' ? first.schema : true);
      expect((await queued).ok).toBe(true);
      await waitFor(() => board.snap.connection === 'online' && phone.snap.connection === 'online', 'reconnected', 10_000);
      await waitFor(() => allNotes(board.snap.state).length === 21, 'board caught up', 10_000);
      await waitFor(() => allNotes(fac.snap.state).length === 21, 'facilitator caught up', 10_000);
      expect(fac.snap.state.seq).toBeGreaterThan(ackedSeq);
      expect(fac.snap.state.timer.status).toBe('running');
      expect(phone.snap.participantId).toBe(participantId);
      for (const c of [fac, board, phone]) expect(c.duplicates).toBe(0);

      // A brand-new screen after the restart sees the same state, loaded from snapshot + log.
      const late = client(app);
      await late.join({ role: 'board', joinCode: s.joinCode });
      expect(late.snap.state.notes).toEqual(board.snap.state.notes);
      expect(late.snap.state.timer).toEqual(board.snap.state.timer);
    } finally {
      await app.close();
    }
  });

  it('answers a command resent after a restart with its original answer (with power-cut durability on)', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir, sqliteSynchronous: 'full' });
    const s = await createSession(app);
    const phone = client(app);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const itemId = boardItemId(phone);
    const body = { type: 'note.add', payload: { itemId, column: 'Strengths', text: 'only once' } } as const;
    const first = await phone.send(body, 'resend-after-restart');
    await app.close();
    app = await startServer({ dataDir, port: app.port, sqliteSynchronous: 'full' });
    try {
      const again = await phone.send(body, 'resend-after-restart');
      expect(again).toEqual(first);
      await waitFor(() => phone.snap.connection === 'online', 'online');
      expect(allNotes(phone.snap.state).filter((n) => n.text === 'only once')).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
