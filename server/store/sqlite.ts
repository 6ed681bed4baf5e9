import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { SessionState } from '../../shared/session/state.js';
import { migrate, SESSION_TABLES } from './sqliteSchema.js';
import type { AppendBatch, EventStore, SavedTemplateRow, SaveTemplateResult, SessionRecord } from './types.js';
import { startCheckpointer } from './checkpointer.js';

interface Row {
  id: string;
  join_code: string;
  facilitator_key_hash: string;
  title: string;
  created_at: number;
  last_active_at: number;
  ballot_secret: string;
}
interface TemplateRow {
  id: string;
  body: string;
  owner_key_hash: string;
  saved_at: number;
  session_id: string;
  used_at: number;
}
const toRecord = (r: Row): SessionRecord => ({
  id: r.id,
  joinCode: r.join_code,
  facilitatorKeyHash: r.facilitator_key_hash,
  title: r.title,
  createdAt: r.created_at,
  lastActiveAt: r.last_active_at,
  ballotSecret: r.ballot_secret,
});

export interface SqliteOptions {
  synchronous?: 'normal' | 'full';
  log?: (line: string) => void;
  now?: () => number;
}

export const DB_FILE = 'toolkit.sqlite';

/**
 * The files are for the server's user alone (they hold what people wrote about children and families). SQLite
 * gives -wal and -shm the main file's mode, so the main file is made 0600 before SQLite opens it.
 */
function privateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  // The -wal and -shm files of an earlier run may vanish at any moment (the last connection closing removes them).
  for (const f of [`${file}-wal`, `${file}-shm`])
    try {
      fs.chmodSync(f, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
}

/** SQLite in WAL mode under the data folder. Writes are synchronous: an event is committed before its ack. */
export function openSqliteStore(dataDir: string, opts: SqliteOptions = {}): EventStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DB_FILE);
  privateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed event survives a crash of the server process; FULL also survives a power cut
  // of the machine, at the price of an fsync per command on the event loop.
  db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker thread, never inside a command's commit (see checkpointer.ts); a WAL that was fully
  // copied is cut back to this size when it restarts.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('journal_size_limit = 16777216');
  // Deleted and rewritten content is overwritten with zeros, so a deleted session or an erased note is gone
  // from the file, not only from the tables.
  db.pragma('secure_delete = ON');
  migrate(db, (opts.now ?? Date.now)());
  const checkpointer = startCheckpointer(file, { log: opts.log });

  const q = {
    insertSession: db.prepare(
      'INSERT INTO sessions (id, join_code, facilitator_key_hash, title, created_at, last_active_at, ballot_secret) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    byId: db.prepare<[string], Row>('SELECT * FROM sessions WHERE id = ?'),
    byCode: db.prepare<[string], Row>('SELECT * FROM sessions WHERE join_code = ?'),
    insertEvent: db.prepare('INSERT INTO events (session_id, seq, body) VALUES (?, ?, ?)'),
    updateEvent: db.prepare('UPDATE events SET body = ? WHERE session_id = ? AND seq = ?'),
    insertCommand: db.prepare(
      'INSERT OR IGNORE INTO commands (session_id, command_id, sender, result) VALUES (?, ?, ?, ?)',
    ),
    insertToken: db.prepare('INSERT INTO participant_tokens (session_id, token_hash, participant_id) VALUES (?, ?, ?)'),
    // LIMIT -1 is SQLite's "no limit".
    since: db.prepare<[string, number, number], { body: string }>(
      'SELECT body FROM events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    snapshot: db.prepare<[string], { seq: number; state: string }>(
      'SELECT seq, state FROM snapshots WHERE session_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    insertSnapshot: db.prepare('INSERT OR REPLACE INTO snapshots (session_id, seq, state) VALUES (?, ?, ?)'),
    pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE session_id = ? AND seq < ?'),
    // '*': answers remembered before senders were recorded (see sqliteSchema.ts).
    command: db.prepare<[string, string, string], { result: string }>(
      "SELECT result FROM commands WHERE session_id = ? AND command_id = ? AND sender IN (?, '*') LIMIT 1",
    ),
    token: db.prepare<[string, string], { participant_id: string }>(
      'SELECT participant_id FROM participant_tokens WHERE session_id = ? AND token_hash = ?',
    ),
    touch: db.prepare('UPDATE sessions SET last_active_at = max(last_active_at, ?) WHERE id = ?'),
    idle: db.prepare<[number, number], { id: string }>(
      'SELECT id FROM sessions WHERE last_active_at < ? ORDER BY last_active_at LIMIT ?',
    ),
    savedTemplate: db.prepare<[string], TemplateRow>('SELECT * FROM saved_templates WHERE id = ?'),
    countTemplates: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM saved_templates'),
    countSessionTemplates: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM saved_templates WHERE session_id = ?'),
    insertTemplate: db.prepare(
      'INSERT INTO saved_templates (id, body, owner_key_hash, saved_at, session_id, used_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    touchTemplate: db.prepare('UPDATE saved_templates SET used_at = max(used_at, ?) WHERE id = ?'),
    deleteTemplate: db.prepare('DELETE FROM saved_templates WHERE id = ?'),
    deleteUnusedTemplates: db.prepare('DELETE FROM saved_templates WHERE used_at < ?'),
    deletes: SESSION_TABLES.map((t) =>
      db.prepare(`DELETE FROM ${t} WHERE ${t === 'sessions' ? 'id' : 'session_id'} = ?`),
    ),
  };

  const append = db.transaction((batches: readonly AppendBatch[]) => {
    for (const b of batches) {
      for (const e of b.events) q.insertEvent.run(b.sessionId, e.seq, JSON.stringify(e));
      if (b.commandId) q.insertCommand.run(b.sessionId, b.commandId, b.sender, JSON.stringify(b.result));
      if (b.participant) q.insertToken.run(b.sessionId, b.participant.tokenHash, b.participant.participantId);
    }
  });
  const create = db.transaction((rec: SessionRecord, created: SessionEvent) => {
    q.insertSession.run(rec.id, rec.joinCode, rec.facilitatorKeyHash, rec.title, rec.createdAt, rec.lastActiveAt, rec.ballotSecret);
    q.insertEvent.run(rec.id, created.seq, JSON.stringify(created));
  });
  const snapshot = db.transaction((sessionId: string, seq: number, state: SessionState) => {
    q.insertSnapshot.run(sessionId, seq, JSON.stringify(state));
    q.pruneSnapshots.run(sessionId, seq);
  });
  const remove = db.transaction((sessionId: string) => q.deletes.reduce((n, d) => n + d.run(sessionId).changes, 0));
  const rewrite = db.transaction((sessionId: string, events: SessionEvent[], snap: { seq: number; state: SessionState }) => {
    for (const e of events) q.updateEvent.run(JSON.stringify(e), sessionId, e.seq);
    q.pruneSnapshots.run(sessionId, Number.MAX_SAFE_INTEGER);
    q.insertSnapshot.run(sessionId, snap.seq, JSON.stringify(snap.state));
  });
  // The counts and the insert in one transaction: two saves at once cannot pass a cap together.
  const saveTemplate = db.transaction((row: SavedTemplateRow, caps: { total: number; perSession: number }): SaveTemplateResult => {
    if ((q.countSessionTemplates.get(row.sessionId)?.n ?? 0) >= caps.perSession) return 'session-full';
    if ((q.countTemplates.get()?.n ?? 0) >= caps.total) return 'full';
    q.insertTemplate.run(row.id, row.body, row.ownerKeyHash, row.savedAt, row.sessionId, row.usedAt);
    return 'added';
  });
  /**
   * The old page images stay in the WAL file until it is reset; a truncating checkpoint copies the clean pages
   * into the main file and empties the WAL. Rare (a deletion or an erasure), so its cost is fine.
   */
  const scrub = (): void => void db.pragma('wal_checkpoint(TRUNCATE)');

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
    eventsSince: (sessionId, afterSeq, limit) =>
      q.since.all(sessionId, afterSeq, limit === undefined ? -1 : Math.max(0, Math.floor(limit))).map((r) => JSON.parse(r.body) as SessionEvent),
    latestSnapshot: (sessionId) => {
      const r = q.snapshot.get(sessionId);
      return r && { seq: r.seq, state: JSON.parse(r.state) as SessionState };
    },
    saveSnapshot: (sessionId, seq, state) => snapshot(sessionId, seq, state),
    commandResult: (sessionId, sender, commandId) => {
      const r = q.command.get(sessionId, commandId, sender);
      return r && (JSON.parse(r.result) as CommandResult);
    },
    participantByTokenHash: (sessionId, tokenHash) => q.token.get(sessionId, tokenHash)?.participant_id,
    touch: (sessionId, at) => void q.touch.run(at, sessionId),
    idleSince: (cutoff, limit) => q.idle.all(cutoff, limit).map((r) => r.id),
    deleteSession: (sessionId) => {
      const n = remove(sessionId);
      scrub();
      return n > 0;
    },
    rewriteHistory: (sessionId, events, snap) => {
      rewrite(sessionId, events, snap);
      scrub();
    },
    savedTemplate: (id) => {
      const r = q.savedTemplate.get(id);
      return r && { id: r.id, body: r.body, ownerKeyHash: r.owner_key_hash, savedAt: r.saved_at, sessionId: r.session_id, usedAt: r.used_at };
    },
    saveTemplate: (row, caps) => saveTemplate(row, caps),
    touchSavedTemplate: (id, at) => void q.touchTemplate.run(at, id),
    deleteSavedTemplate: (id) => {
      const gone = q.deleteTemplate.run(id).changes > 0;
      if (gone) scrub();
      return gone;
    },
    deleteUnusedTemplates: (cutoff) => {
      const n = q.deleteUnusedTemplates.run(cutoff).changes;
      if (n) scrub();
      return n;
    },
    close: () => {
      void checkpointer.stop();
      db.close();
    },
  };
}
