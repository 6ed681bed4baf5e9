import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { allNotes, allParticipants } from '../../shared/session/notes.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { boardItemId, client, closeClients, createSession, itemOfType, startServer, tempDir, TEST_STORE, waitFor } from '../support/harness.js';
import { dbPath, fileBytes } from '../support/db.js';
import { storedLogOf, storeHolds } from '../support/storedRows.js';
import { reduce } from '../../shared/modules/registry.js';

afterEach(() => closeClients());

const contains = (bytes: Buffer, text: string): boolean => bytes.includes(Buffer.from(text, 'utf8'));

// The files' bytes and modes, and a file of an older schema, are SQLite's; PostgreSQL's run has the others.
describe.runIf(TEST_STORE === 'sqlite')('secrets and files', () => {
  it('stores no facilitator key and no participant token, only their hashes, in files only the server user can read', async () => {
    const app = await startServer();
    try {
      const s = await createSession(app);
      const fac = client(app);
      expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
      const storage = memoryStorage();
      const phone = client(app, storage);
      const joined = await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      const token = joined.ok ? joined.participantToken : undefined;
      expect(token).toMatch(/^[A-Za-z0-9_-]{21,}$/);
      const bytes = fileBytes(app.dataDir);
      expect(contains(bytes, s.sessionId)).toBe(true); // the check reads what is there
      expect(contains(bytes, s.facilitatorKey)).toBe(false);
      expect(contains(bytes, token!)).toBe(false);
      for (const suffix of ['', '-wal', '-shm']) {
        const file = `${dbPath(app.dataDir)}${suffix}`;
        expect(fs.existsSync(file)).toBe(true);
        expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
      }
      // The token still works: a refresh on the phone resumes the same participant.
      const again = client(app, storage);
      const res = await again.join({ role: 'participant', joinCode: s.joinCode });
      expect(res.ok && res.participantId).toBe(phone.snap.participantId);
    } finally {
      await app.close();
    }
  });
});

/** The schema as the toolkit shipped it before keys were hashed (schema version 1). */
const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, facilitator_key TEXT NOT NULL,
  title TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  session_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS commands (
  session_id TEXT NOT NULL, command_id TEXT NOT NULL, result TEXT NOT NULL,
  PRIMARY KEY (session_id, command_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS participant_tokens (
  session_id TEXT NOT NULL, token TEXT NOT NULL, participant_id TEXT NOT NULL,
  PRIMARY KEY (session_id, token)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  session_id TEXT NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
`;

describe.runIf(TEST_STORE === 'sqlite')('a database written before keys were hashed', () => {
  it('opens, hashes its keys and tokens, and old links, phones and resent commands still work', async () => {
    const dataDir = tempDir();
    const key = 'OldPlainFacilitatorKey_0123456789';
    const token = 'OldPlainParticipantToken_98765432';
    const at = Date.now() - 60_000;
    const events: SessionEvent[] = [
      {
        type: 'session.created',
        id: 'oldsession01',
        title: 'Old retreat',
        joinCode: 'ABCDEF',
        agenda: [{ id: 'item1', title: 'Board', plannedMinutes: 30, moduleType: 'board', facilitatorNotes: '', prompt: '', columns: ['Notes'] }],
        seq: 1,
        at,
      },
      { type: 'participant.joined', participantId: 'ana000000001', name: 'Ana', seq: 2, at },
      {
        type: 'note.added',
        note: { id: 'oldcommand01', itemId: 'item1', column: 'Notes', text: 'from before', authorId: 'ana000000001', authorName: 'Ana', groupId: null, anonymous: false },
        seq: 3,
        at,
      },
    ];
    fs.mkdirSync(dataDir, { recursive: true });
    const old = new Database(dbPath(dataDir));
    old.pragma('journal_mode = WAL');
    old.exec(SCHEMA_V1);
    old.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?)').run('oldsession01', 'ABCDEF', key, 'Old retreat', at);
    for (const e of events) old.prepare('INSERT INTO events VALUES (?, ?, ?)').run('oldsession01', e.seq, JSON.stringify(e));
    old.prepare('INSERT INTO commands VALUES (?, ?, ?)').run('oldsession01', 'oldcommand01', JSON.stringify({ ok: true, seq: 3 }));
    old.prepare('INSERT INTO participant_tokens VALUES (?, ?, ?)').run('oldsession01', token, 'ana000000001');
    old.close();

    const app = await startServer({ dataDir });
    try {
      const bytes = fileBytes(dataDir);
      expect(contains(bytes, 'from before')).toBe(true);
      expect(contains(bytes, key)).toBe(false);
      expect(contains(bytes, token)).toBe(false);
      expect((fs.statSync(dbPath(dataDir)).mode & 0o777).toString(8)).toBe('600');

      const fac = client(app);
      expect((await fac.join({ role: 'facilitator', sessionId: 'oldsession01', facilitatorKey: key })).ok).toBe(true);
      const storage = memoryStorage();
      storage.setItem('ft:token:ABCDEF', token);
      const phone = client(app, storage);
      const res = await phone.join({ role: 'participant', joinCode: 'ABCDEF' });
      expect(res.ok && res.participantId).toBe('ana000000001');
      expect(allParticipants(fac.snap.state)).toHaveLength(1);
      // A command sent before the upgrade and resent after it gets its first answer, and adds nothing.
      const resent = await phone.send({ type: 'note.add', payload: { itemId: 'item1', column: 'Notes', text: 'from before' } }, 'oldcommand01');
      expect(resent).toEqual({ ok: true, seq: 3 });
      expect(allNotes(fac.snap.state)).toHaveLength(1);
      expect((await phone.send({ type: 'note.add', payload: { itemId: 'item1', column: 'Notes', text: 'after' } })).ok).toBe(true);
    } finally {
      await app.close();
    }
    // And it opens again as it is now.
    const reopened = await startServer({ dataDir });
    const fac = client(reopened);
    expect((await fac.join({ role: 'facilitator', sessionId: 'oldsession01', facilitatorKey: key })).ok).toBe(true);
    expect(allNotes(fac.snap.state)).toHaveLength(2);
    await reopened.close();
  });
});

describe('remove for good', () => {
  it("erases a note's text from every stored event and snapshot; every screen drops it; the log still replays", async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir, snapshotEvery: 4 });
    const secret = 'Name of a child: Jordan Example';
    const edited = 'Edited text with a phone number 555-0199';
    const swotSecret = 'Private brainstorm note about a family';
    const s = await createSession(app);
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phone = client(app);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const itemId = boardItemId(fac);
    const swot = itemOfType(fac, 'swot');
    const add = async (item: string, column: string, text: string): Promise<string> => {
      const id = `note-${Math.random().toString(36).slice(2, 12)}`;
      expect((await phone.send({ type: 'note.add', payload: { itemId: item, column, text } }, id)).ok).toBe(true);
      return id;
    };
    const bad = await add(itemId, 'Strengths', secret);
    await add(itemId, 'Strengths', 'A good note that stays');
    expect((await phone.send({ type: 'note.edit', payload: { noteId: bad, text: edited } })).ok).toBe(true);
    const badSwot = await add(swot, 'Threats', swotSecret);
    await add(swot, 'Threats', 'Another threat that stays');
    // Hidden from the room and shown again: each of those events carries the whole note.
    for (const hidden of [true, false]) expect((await fac.send({ type: 'flow.hide', payload: { noteId: badSwot, hidden } })).ok).toBe(true);
    expect((await fac.send({ type: 'flow.advance', payload: { itemId: swot, to: 'reveal' } })).ok).toBe(true);
    for (const t of [secret, edited, swotSecret]) expect(await storeHolds(app, t)).toBe(true);

    let seq = 0;
    for (const noteId of [bad, badSwot]) {
      const erased = await fac.send({ type: 'note.erase', payload: { noteId } });
      seq = erased.ok ? erased.seq : -1;
    }
    expect(seq).toBeGreaterThan(0);
    expect((await phone.send({ type: 'note.erase', payload: { noteId: bad } })).ok).toBe(false);
    for (const c of [fac, phone, board]) {
      await waitFor(() => c.snap.state.seq === seq, 'every screen in step');
      expect([c.snap.role, ...allNotes(c.snap.state).map((n) => n.text).sort()]).toEqual([c.snap.role, 'A good note that stays', 'Another threat that stays']);
    }
    await app.close();
    for (const t of [secret, edited, swotSecret]) expect(await storeHolds(app, t)).toBe(false);
    expect(await storeHolds(app, 'A good note that stays')).toBe(true);

    // Replaying the whole log (a board that joins fresh) and loading from the snapshot agree.
    app = await startServer({ dataDir });
    try {
      const fresh = client(app);
      await fresh.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect(allNotes(fresh.snap.state).map((n) => n.text).sort()).toEqual(['A good note that stays', 'Another threat that stays']);
      // The whole rewritten log, replayed from seq 1, comes to the same notes.
      const replay = client(app);
      const res = await replay.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect(res.ok && res.catchUp.kind).toBe('snapshot');
      const full = reduce(await storedLogOf(app, s.sessionId));
      expect(full.seq).toBe(seq);
      expect(allNotes(full).map((n) => n.text).sort()).toEqual(['A good note that stays', 'Another threat that stays']);
    } finally {
      await app.close();
    }
  });
});

describe('command ids are remembered per sender', () => {
  it("a participant reusing another's command id does not pre-empt it, and a resend still gets the first answer", async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir });
    const s = await createSession(app);
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const aStorage = memoryStorage();
    const a = client(app, aStorage);
    await a.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const b = client(app);
    await b.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
    const itemId = boardItemId(fac);
    const id = 'seen-on-the-projector-01';

    const fromB = await b.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'B got there first' } }, id);
    expect(fromB.ok).toBe(true);
    const fromA = await a.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: "A's own note" } }, id);
    expect(fromA.ok && fromB.ok && fromA.seq).not.toBe(fromB.ok && fromB.seq);
    await waitFor(() => allNotes(fac.snap.state).length === 2, 'both notes');
    const notes = allNotes(fac.snap.state);
    expect(notes.map((n) => n.text).sort()).toEqual(["A's own note", 'B got there first']);
    expect(new Set(notes.map((n) => n.id)).size).toBe(2);

    const resent = await a.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: "A's own note" } }, id);
    expect(resent).toEqual(fromA);
    await app.close();
    // After a restart the answers come from the store, still per sender.
    app = await startServer({ dataDir });
    try {
      const a2 = client(app, aStorage);
      await a2.join({ role: 'participant', joinCode: s.joinCode });
      expect(await a2.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: "A's own note" } }, id)).toEqual(fromA);
      expect(allNotes(a2.snap.state)).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});
