import pg from 'pg';
import { SESSION_TABLES } from '../../server/store/sqliteSchema.js';
import type { SessionEvent } from '../../shared/session/events.js';
import Database from 'better-sqlite3';
import { dbPath, fileBytes, rowsOfSession, storedLog } from './db.js';
import type { TestApp } from './harness.js';
import { sessionRow } from './replay.js';

/**
 * What a server's store holds, read by the test's own connection, whichever store the server runs (the suites run on
 * SQLite and, with TEST_STORE=postgres, on PostgreSQL: tests/support/harness.ts).
 */
async function onSchema<T>(app: TestApp, work: (c: pg.Client, schema: string) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client, app.schema ?? 'public');
  } finally {
    await client.end();
  }
}

/** Rows of one session in every table. */
export function rowsOf(app: TestApp, sessionId: string): Promise<Record<string, number>> {
  if (!app.schema) return Promise.resolve(rowsOfSession(app.dataDir, sessionId));
  return onSchema(app, async (c, schema) => {
    const out: Record<string, number> = {};
    for (const t of SESSION_TABLES) {
      const col = t === 'sessions' ? 'id' : 'session_id';
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${t} WHERE ${col} = $1`, [sessionId]);
      out[t] = Number(rows[0]?.n ?? 0);
    }
    return out;
  });
}

/** Every row of a table, its columns as stored (PostgreSQL's BIGINTs as text). */
export function tableRows(app: TestApp, table: string): Promise<Record<string, unknown>[]> {
  if (!app.schema) {
    const db = new Database(dbPath(app.dataDir), { readonly: true, fileMustExist: true });
    try {
      return Promise.resolve(db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]);
    } finally {
      db.close();
    }
  }
  return onSchema(app, async (c, schema) => (await c.query<Record<string, unknown>>(`SELECT * FROM ${schema}.${table}`)).rows);
}

/** The session's row in the sessions table. */
export function sessionRowOf(app: TestApp, sessionId: string): Promise<unknown> {
  if (!app.schema) return Promise.resolve(sessionRow(app.dataDir, sessionId));
  return onSchema(app, async (c, schema) => (await c.query(`SELECT * FROM ${schema}.sessions WHERE id = $1`, [sessionId])).rows[0]);
}

/** The session's whole stored log, in seq order. */
export function storedLogOf(app: TestApp, sessionId: string): Promise<SessionEvent[]> {
  if (!app.schema) return Promise.resolve(storedLog(app.dataDir, sessionId));
  return onSchema(app, async (c, schema) => {
    const { rows } = await c.query<{ body: string }>(`SELECT body FROM ${schema}.events WHERE session_id = $1 ORDER BY seq`, [sessionId]);
    return rows.map((r) => JSON.parse(r.body) as SessionEvent);
  });
}

/**
 * Whether the store still holds `needle`: SQLite's files byte for byte (its secure delete clears freed pages);
 * PostgreSQL's rows (freed pages there are the operator's VACUUM, see server/store/postgres.ts).
 */
export function storeHolds(app: TestApp, needle: string): Promise<boolean> {
  if (!app.schema) return Promise.resolve(fileBytes(app.dataDir).includes(needle));
  return onSchema(app, async (c, schema) => {
    const { rows: tables } = await c.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
      [schema],
    );
    for (const { table_name: t } of tables) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${t} AS r WHERE strpos(r::text, $1) > 0`, [needle]);
      if (Number(rows[0]?.n ?? 0) > 0) return true;
    }
    return false;
  });
}
