import { describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, waitFor } from '../support/harness.js';

/** Runs on SQLite and again on PostgreSQL (vite.config.ts), where a group's snapshot write is a real wait. */
const note = (itemId: string, text: string): CommandInput => ({ type: 'note.add', payload: { itemId, column: 'Strengths', text } });

describe('screens entering while groups of notes are written', () => {
  it('phones that join or come back (from their last seq) while groups are written, with a snapshot after every write, get each event once', async () => {
    // A snapshot after every write: on PostgreSQL its write is a wait between a group's new state and the next step.
    const app = await startServer({ snapshotEvery: 1 });
    try {
      const s = await createSession(app);
      const [ana, ben] = [client(app), client(app)] as [SessionClient, SessionClient];
      for (const [c, name] of [[ana, 'Ana'], [ben, 'Ben']] as const) expect((await c.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
      const itemId = boardItemId(ana);
      const returning = Array.from({ length: 10 }, () => client(app));
      for (const [i, c] of returning.entries()) expect((await c.join({ role: 'participant', joinCode: s.joinCode, name: `Back ${i}` })).ok).toBe(true);
      const newcomers = Array.from({ length: 10 }, () => client(app));
      await waitFor(() => newcomers.every((c) => c.socket.connected), 'the phones connected');
      // Notes in groups from two phones while the others drop and come back (a catch-up read from the store, from
      // their last seq) and the newcomers join, one after another, all through the writing.
      const texts = Array.from({ length: 80 }, (_, i) => `note ${i}`);
      const writing = Promise.all(texts.map((t, i) => (i % 2 ? ana : ben).send(note(itemId, t))));
      for (const [i, c] of returning.entries()) {
        c.goOffline();
        c.reconnect();
        await waitFor(() => c.snap.connection === 'online', 'back online');
        expect((await newcomers[i]!.join({ role: 'participant', joinCode: s.joinCode, name: `New ${i}` })).ok).toBe(true);
      }
      expect((await writing).every((a) => a.ok)).toBe(true);
      for (const c of [ana, ben, ...returning, ...newcomers]) {
        await waitFor(() => allNotes(c.snap.state).length === texts.length, 'every note', 10_000);
        expect(c.duplicates).toBe(0);
        expect(c.gaps).toBe(0);
      }
    } finally {
      closeClients();
      await app.close();
    }
  });
});
