import type Database from 'better-sqlite3';
import { newBallotSecret } from '../ballots.js';
import { hashSecret } from '../secrets.js';

/** Bumped with every change below; `PRAGMA user_version` says which one a file has. */
export const SCHEMA_VERSION = 5;

/** Version 2's sessions table (version 3 adds the ballot secret). */
const SESSIONS_V2 = `CREATE TABLE sessions (
  id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, facilitator_key_hash TEXT NOT NULL,
  title TEXT NOT NULL, created_at INTEGER NOT NULL, last_active_at INTEGER NOT NULL)`;
const SESSIONS = `CREATE TABLE sessions (
  id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, facilitator_key_hash TEXT NOT NULL,
  title TEXT NOT NULL, created_at INTEGER NOT NULL, last_active_at INTEGER NOT NULL, ballot_secret TEXT NOT NULL)`;
const COMMANDS = `CREATE TABLE commands (
  session_id TEXT NOT NULL, command_id TEXT NOT NULL, sender TEXT NOT NULL, result TEXT NOT NULL,
  PRIMARY KEY (session_id, command_id, sender)) WITHOUT ROWID`;
const TOKENS = `CREATE TABLE participant_tokens (
  session_id TEXT NOT NULL, token_hash TEXT NOT NULL, participant_id TEXT NOT NULL,
  PRIMARY KEY (session_id, token_hash)) WITHOUT ROWID`;

/**
 * Agendas saved as templates: the template's JSON, the hash of its own key (version 5; version 4 stored the saving
 * facilitator's key hash there), the session it was saved from (for the per-session cap) and when its owner last
 * used it (for the retention).
 */
const SAVED_TEMPLATES = `CREATE TABLE saved_templates (
  id TEXT PRIMARY KEY, body TEXT NOT NULL, owner_key_hash TEXT NOT NULL, saved_at INTEGER NOT NULL,
  session_id TEXT NOT NULL DEFAULT '', used_at INTEGER NOT NULL)`;

const CURRENT = `
${SESSIONS};
${SAVED_TEMPLATES};
CREATE INDEX sessions_last_active ON sessions (last_active_at);
CREATE TABLE events (
  session_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
${COMMANDS};
${TOKENS};
CREATE TABLE snapshots (
  session_id TEXT NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
`;

/** Every table that holds rows of a session, for deletion (and for the tests that check it). */
export const SESSION_TABLES = ['sessions', 'events', 'commands', 'participant_tokens', 'snapshots'] as const;

/**
 * Version 1 (before this file) stored facilitator keys and participant tokens in plain text and remembered
 * command ids per session only. Keys and tokens become their hashes, so old links and phones still work;
 * old command answers are remembered for any sender ('*'), since who sent them was not recorded.
 */
function fromV1(db: Database.Database, now: number): void {
  db.function('sha256_hex', { deterministic: true }, (s: unknown) => hashSecret(String(s)));
  db.exec(`
    ALTER TABLE sessions RENAME TO sessions_v1;
    ${SESSIONS_V2};
    INSERT INTO sessions SELECT id, join_code, sha256_hex(facilitator_key), title, created_at, ${Math.floor(now)} FROM sessions_v1;
    DROP TABLE sessions_v1;
    CREATE INDEX sessions_last_active ON sessions (last_active_at);
    ALTER TABLE participant_tokens RENAME TO tokens_v1;
    ${TOKENS};
    INSERT INTO participant_tokens SELECT session_id, sha256_hex(token), participant_id FROM tokens_v1;
    DROP TABLE tokens_v1;
    ALTER TABLE commands RENAME TO commands_v1;
    ${COMMANDS};
    INSERT INTO commands SELECT session_id, command_id, '*', result FROM commands_v1;
    DROP TABLE commands_v1;
  `);
}

/** Version 2 had no ballot secrets: every session gets a random one of its own (server/ballots.ts). */
function fromV2(db: Database.Database): void {
  db.exec("ALTER TABLE sessions ADD COLUMN ballot_secret TEXT NOT NULL DEFAULT ''");
  const set = db.prepare('UPDATE sessions SET ballot_secret = ? WHERE id = ?');
  for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM sessions').all()) set.run(newBallotSecret(), id);
}

/**
 * Version 4's saved templates were listed for everyone and opened with the saving session's facilitator key. Their
 * rows stay: that facilitator key now serves as their template key (its hash is what the row holds), and they count
 * as used at the migration, so the retention gives their owners the full period to find them again.
 */
function fromV4(db: Database.Database, now: number): void {
  db.exec(`
    ALTER TABLE saved_templates ADD COLUMN session_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE saved_templates ADD COLUMN used_at INTEGER NOT NULL DEFAULT 0;
    UPDATE saved_templates SET used_at = ${Math.floor(now)};
  `);
}

/** Creates the tables of a new file, or brings an older file up to date. Returns whether it migrated. */
export function migrate(db: Database.Database, now: number): boolean {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return false;
  const hasSessions = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'").get();
  if (version > SCHEMA_VERSION) throw new Error(`The database was written by a newer version (schema ${version}).`);
  db.transaction(() => {
    if (!hasSessions) db.exec(CURRENT);
    else {
      if (version < 2) fromV1(db, now);
      if (version < 3) fromV2(db);
      if (version < 4) db.exec(SAVED_TEMPLATES);
      else fromV4(db, now);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  // The plain keys and tokens were in the pages just freed; secure_delete zeroed them, VACUUM rewrites the file.
  if (hasSessions) {
    db.exec('VACUUM');
    // In WAL mode the clean pages are in the WAL until a checkpoint copies them over the old ones.
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return !!hasSessions;
}
