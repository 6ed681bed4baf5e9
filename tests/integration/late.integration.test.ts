import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { lateEntries } from '../../shared/modules/late/late.logic.js';
import { LATE_CAP_PER_ITEM } from '../../shared/modules/late/late.state.js';
import { notesOfItem } from '../../shared/session/notes.js';
import { client, closeClients, createSession, itemOfType, startServer, tempDir, waitFor } from '../support/harness.js';

afterEach(() => closeClients());

/** Late entries as "text:status", sorted: entries received in the same millisecond have no order of their own. */
const lateTexts = (state: Parameters<typeof lateEntries>[0]) =>
  lateEntries(state)
    .map((e) => `${e.input.type === 'note.add' ? e.input.payload.text : e.input.type}:${e.status}`)
    .sort();

describe('late input on a real server', () => {
  it('keeps a note sent after the lock for its author and the facilitator only, live, in snapshots, on reconnect and across a restart', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir, snapshotEvery: 5 });
    const s = await createSession(app);
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const anaStorage = memoryStorage();
    const ana = client(app, anaStorage);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const ben = client(app);
    await ben.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const itemId = itemOfType(fac, 'swot');
    expect((await fac.send({ type: 'board.lock', payload: { itemId, locked: true } })).ok).toBe(true);

    const first = { type: 'note.add', payload: { itemId, column: 'Threats', text: 'typed in the hallway' } } as const;
    const result = await ana.send(first, 'late-note-cmd-1');
    expect(result).toEqual({ ok: true, seq: expect.any(Number) as number, late: true });
    // The same command resent (its answer was lost) is late again and stored once.
    expect(await ana.send(first, 'late-note-cmd-1')).toEqual(result);
    expect((await ana.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'second late one' } })).ok).toBe(true);

    const last = await ana.send({ type: 'note.add', payload: { itemId, column: 'Threats', text: 'third' } });
    if (!last.ok) throw new Error(last.error.message);
    await waitFor(() => [fac, ana, ben, board].every((c) => c.snap.state.seq >= last.seq), 'every screen in step');
    expect(lateTexts(fac.snap.state)).toEqual(['second late one:pending', 'third:pending', 'typed in the hallway:pending']);
    expect(lateTexts(ana.snap.state)).toEqual(lateTexts(fac.snap.state));
    for (const other of [ben, board]) {
      expect(lateEntries(other.snap.state)).toEqual([]);
      expect(JSON.stringify(other.snap.state)).not.toContain('hallway');
    }
    expect(ana.snap.queued).toEqual([]);
    expect(ana.snap.error).toBeNull();

    // Snapshots: a fresh screen for each viewer.
    const anaAgain = client(app, anaStorage);
    await anaAgain.join({ role: 'participant', joinCode: s.joinCode });
    expect(lateTexts(anaAgain.snap.state)).toHaveLength(3);
    const boardAgain = client(app);
    await boardAgain.join({ role: 'board', joinCode: s.joinCode });
    expect(JSON.stringify(boardAgain.snap.state)).not.toContain('hallway');

    // Reconnect: Ana misses the decision while offline and catches up on it.
    ana.goOffline();
    await waitFor(() => ana.snap.connection === 'offline', 'ana offline');
    const entry = lateEntries(fac.snap.state).find((e) => e.commandId === 'late-note-cmd-1')!;
    const accepted = await fac.send({ type: 'late.accept', payload: { entryId: entry.id } });
    if (!accepted.ok) throw new Error(accepted.error.message);
    const again = await fac.send({ type: 'late.accept', payload: { entryId: entry.id } });
    expect(again).toEqual({ ok: false, error: { code: 'conflict', message: 'That late input was already added.' } });
    ana.reconnect();
    await waitFor(() => [fac, ana, ben, board].every((c) => c.snap.state.seq >= accepted.seq), 'caught up');
    expect(lateTexts(ana.snap.state)).toEqual(['second late one:pending', 'third:pending', 'typed in the hallway:accepted']);
    expect(lateEntries(ben.snap.state)).toEqual([]);
    // One note on the board (a stand-in during the brainstorm), the author's in full on her phone.
    expect(notesOfItem(board.snap.state, itemId)).toHaveLength(1);
    expect(notesOfItem(board.snap.state, itemId)[0]).toMatchObject({ hidden: true, text: '' });
    expect(notesOfItem(ana.snap.state, itemId).map((n) => n.text)).toEqual(['typed in the hallway']);
    expect(notesOfItem(fac.snap.state, itemId)).toMatchObject([{ id: entry.id, authorName: 'Ana', column: 'Threats' }]);

    await app.close();
    app = await startServer({ dataDir, port: app.port, snapshotEvery: 5 });
    try {
      const facAfter = client(app);
      await facAfter.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect(lateTexts(facAfter.snap.state)).toEqual(['second late one:pending', 'third:pending', 'typed in the hallway:accepted']);
      expect(notesOfItem(facAfter.snap.state, itemId)).toHaveLength(1);
      const dismissed = lateEntries(facAfter.snap.state).find((e) => e.status === 'pending')!;
      expect(dismissed.input).toMatchObject({ payload: { text: 'second late one' } });
      expect((await facAfter.send({ type: 'late.dismiss', payload: { entryId: dismissed.id } })).ok).toBe(true);
      await waitFor(() => lateTexts(ana.snap.state).includes('second late one:dismissed'), 'ana sees the dismissal', 10_000);
      expect(notesOfItem(facAfter.snap.state, itemId)).toHaveLength(1);
    } finally {
      await app.close();
    }
  }, 30_000);

  it('past the cap, the server refuses with a sentence and the phone keeps the text, also after a reload', async () => {
    const app = await startServer();
    try {
      const s = await createSession(app);
      const fac = client(app);
      await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      const storage = memoryStorage();
      const ana = client(app, storage);
      await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      const itemId = itemOfType(fac, 'board');
      expect((await fac.send({ type: 'board.lock', payload: { itemId, locked: true } })).ok).toBe(true);
      const note = (text: string) => ({ type: 'note.add', payload: { itemId, column: 'Strengths', text } }) as const;
      for (let i = 0; i < LATE_CAP_PER_ITEM; i++) expect(await ana.send(note(`late ${i}`))).toMatchObject({ ok: true, late: true });
      const refused = await ana.send(note('the one too many'), 'too-many-cmd');
      expect(refused.ok).toBe(false);
      const reason = refused.ok ? '' : refused.error.message;
      expect(reason).toMatch(/^The board was locked\. You already sent 20 inputs to this item after it closed/);
      expect(ana.snap.unsent).toEqual([{ command: { id: 'too-many-cmd', ...note('the one too many') }, reason }]);

      const reloaded = client(app, storage);
      await reloaded.join({ role: 'participant', joinCode: s.joinCode });
      expect(reloaded.snap.unsent.map((u) => u.command.id)).toEqual(['too-many-cmd']);
      // Once the board is open again, sending it again posts it as an ordinary note.
      expect((await fac.send({ type: 'board.lock', payload: { itemId, locked: false } })).ok).toBe(true);
      expect(await reloaded.resendUnsent('too-many-cmd')).toMatchObject({ ok: true });
      expect(reloaded.snap.unsent).toEqual([]);
      expect(storage.getItem(`ft:unsent:${s.joinCode}:participant`)).toBeNull();
    } finally {
      await app.close();
    }
  });
});
