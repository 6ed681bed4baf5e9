import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { SessionState } from '../../shared/session/state.js';
import type { AppendBatch, EventStore, SessionRecord } from './types.js';
import { startCheckpointer } from './checkpointer.js';

const SCHEMA = `
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

interface Row {
  id: string;
  join_code: string;
  facilitator_key: string;
  title: string;
  created_at: number;
}
const toRecord = (r: Row): SessionRecord => ({
  id: r.id,
  joinCode: r.join_code,
  facilitatorKey: r.facilitator_key,
  title: r.title,
  createdAt: r.created_at,
});

export interface SqliteOptions {
  synchronous?: 'normal' | 'full';
  log?: (line: string) => void;
}

/** SQLite in WAL mode under the data folder. Writes are synchronous: an event is committed before its ack. */
export function openSqliteStore(dataDir: string, opts: SqliteOptions = {}): EventStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'toolkit.sqlite'));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed event survives a crash of the server process; FULL also survives a power cut
  // of the machine, at the price of an fsync per command on the event loop.
  db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker thread, never inside a command's commit (see checkpointer.ts); a WAL that was fully
  // copied is cut back to this size when it restarts.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('journal_size_limit = 16777216');
  db.exec(SCHEMA);
  const checkpointer = startCheckpointer(path.join(dataDir, 'toolkit.sqlite'), { log: opts.log });

  const q = {
    insertSession: db.prepare(
      'INSERT INTO sessions (id, join_code, facilitator_key, title, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    byId: db.prepare<[string], Row>('SELECT * FROM sessions WHERE id = ?'),
    byCode: db.prepare<[string], Row>('SELECT * FROM sessions WHERE join_code = ?'),
    insertEvent: db.prepare('INSERT INTO events (session_id, seq, body) VALUES (?, ?, ?)'),
    insertCommand: db.prepare('INSERT OR IGNORE INTO commands (session_id, command_id, result) VALUES (?, ?, ?)'),
    insertToken: db.prepare('INSERT INTO participant_tokens (session_id, token, participant_id) VALUES (?, ?, ?)'),
    since: db.prepare<[string, number], { body: string }>(
      'SELECT body FROM events WHERE session_id = ? AND seq > ? ORDER BY seq',
    ),
    snapshot: db.prepare<[string], { seq: number; state: string }>(
      'SELECT seq, state FROM snapshots WHERE session_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    insertSnapshot: db.prepare('INSERT OR REPLACE INTO snapshots (session_id, seq, state) VALUES (?, ?, ?)'),
    pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE session_id = ? AND seq < ?'),
    command: db.prepare<[string, string], { result: string }>(
      'SELECT result FROM commands WHERE session_id = ? AND command_id = ?',
    ),
    token: db.prepare<[string, string], { participant_id: string }>(
      'SELECT participant_id FROM participant_tokens WHERE session_id = ? AND token = ?',
    ),
  };

  const append = db.transaction((b: AppendBatch) => {
    for (const e of b.events) q.insertEvent.run(b.sessionId, e.seq, JSON.stringify(e));
    if (b.commandId) q.insertCommand.run(b.sessionId, b.commandId, JSON.stringify(b.result));
    if (b.participant) q.insertToken.run(b.sessionId, b.participant.token, b.participant.participantId);
  });
  const create = db.transaction((rec: SessionRecord, created: SessionEvent) => {
    q.insertSession.run(rec.id, rec.joinCode, rec.facilitatorKey, rec.title, rec.createdAt);
    q.insertEvent.run(rec.id, created.seq, JSON.stringify(created));
  });
  const snapshot = db.transaction((sessionId: string, seq: number, state: SessionState) => {
    q.insertSnapshot.run(sessionId, seq, JSON.stringify(state));
    q.pruneSnapshots.run(sessionId, seq);
  });

  return {
    createSession: (rec, created) => create(rec, created),
    sessionById: (id) => {
      const r = q.byId.get(id);
      return r && toRecord(r);
    },
    sessionByCode: (code) => {
      const r = q.byCode.get(code);
      return r && toRecord(r);
    },
    append: (b) => append(b),
    eventsSince: (sessionId, afterSeq) =>
      q.since.all(sessionId, afterSeq).map((r) => JSON.parse(r.body) as SessionEvent),
    latestSnapshot: (sessionId) => {
      const r = q.snapshot.get(sessionId);
      return r && { seq: r.seq, state: JSON.parse(r.state) as SessionState };
    },
    saveSnapshot: (sessionId, seq, state) => snapshot(sessionId, seq, state),
    commandResult: (sessionId, commandId) => {
      const r = q.command.get(sessionId, commandId);
      return r && (JSON.parse(r.result) as CommandResult);
    },
    participantByToken: (sessionId, token) => q.token.get(sessionId, token)?.participant_id,
    close: () => {
      void checkpointer.stop();
      db.close();
    },
  };
}
