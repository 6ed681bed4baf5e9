import type { ClientBase } from 'pg';

/**
 * The PostgreSQL tables mirror SQLite's (sqliteSchema.ts). Event bodies, answers, snapshots and templates are the
 * JSON text the server wrote, not JSONB: JSONB reorders keys and refuses "\u0000" in strings, and the same bytes
 * come back from either store. Instants are milliseconds in BIGINT (read back through Number()). A session's rows
 * reference it: once another process deleted a session, a late write for it fails instead of leaving rows nobody
 * would ever delete.
 *
 * Each entry is one version, applied once, in order; a new version is a new entry at the end, never an edit.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY, join_code TEXT NOT NULL CONSTRAINT sessions_join_code UNIQUE, facilitator_key_hash TEXT NOT NULL,
     title TEXT NOT NULL, created_at BIGINT NOT NULL, last_active_at BIGINT NOT NULL, ballot_secret TEXT NOT NULL);
   CREATE INDEX sessions_last_active ON sessions (last_active_at);
   CREATE TABLE events (
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, seq INTEGER NOT NULL, body TEXT NOT NULL,
     CONSTRAINT events_session_seq PRIMARY KEY (session_id, seq));
   CREATE TABLE commands (
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, command_id TEXT NOT NULL, sender TEXT NOT NULL, result TEXT NOT NULL,
     PRIMARY KEY (session_id, command_id, sender));
   CREATE TABLE participant_tokens (
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, token_hash TEXT NOT NULL, participant_id TEXT NOT NULL,
     PRIMARY KEY (session_id, token_hash));
   CREATE TABLE snapshots (
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, seq INTEGER NOT NULL, state TEXT NOT NULL, PRIMARY KEY (session_id, seq));
   CREATE TABLE saved_templates (
     id TEXT PRIMARY KEY, body TEXT NOT NULL, owner_key_hash TEXT NOT NULL, saved_at BIGINT NOT NULL,
     session_id TEXT NOT NULL, used_at BIGINT NOT NULL);
   CREATE INDEX saved_templates_session ON saved_templates (session_id);
   CREATE INDEX saved_templates_used ON saved_templates (used_at);`,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** The constraint whose violation means another writer took the seq first (see AppendOutcome). */
export const EVENTS_SEQ_CONSTRAINT = 'events_session_seq';

/** A schema name we put in SQL text: lower-case letters, digits and underscores only. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates the schema and its tables, or brings them up to date, in one transaction under an advisory lock held
 * for that schema: two processes starting at once run the migrations once, the second waits and finds them done.
 * Returns the versions applied now.
 */
export async function migratePostgres(client: ClientBase, schema: string): Promise<number[]> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a usable schema name.`);
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('facilitation-toolkit migrations ' || $1))", [schema]);
    // Only when missing: CREATE SCHEMA asks for the right to create in the database even when the schema exists.
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (!exists.rowCount) await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_versions');
    const current = rows[0]?.v ?? 0;
    if (current > PG_SCHEMA_VERSION) throw new Error(`The database was written by a newer version (schema ${current}).`);
    const applied: number[] = [];
    for (let v = current + 1; v <= PG_SCHEMA_VERSION; v++) {
      await client.query(MIGRATIONS[v - 1]!);
      await client.query('INSERT INTO schema_versions (version, applied_at) VALUES ($1, $2)', [v, Date.now()]);
      applied.push(v);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}
