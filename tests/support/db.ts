import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE } from '../../server/store/sqlite.js';
import { SESSION_TABLES } from '../../server/store/sqliteSchema.js';
import type { SessionEvent } from '../../shared/session/events.js';

export const dbPath = (dataDir: string): string => path.join(dataDir, DB_FILE);

/** Rows of one session in every table, read from the file by a connection of the test's own. */
export function rowsOfSession(dataDir: string, sessionId: string): Record<string, number> {
  const db = new Database(dbPath(dataDir), { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      SESSION_TABLES.map((t) => {
        const col = t === 'sessions' ? 'id' : 'session_id';
        const row = db.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${col} = ?`).get(sessionId) as { n: number };
        return [t, row.n];
      }),
    );
  } finally {
    db.close();
  }
}

/** The raw bytes of the database and its WAL, as anyone who copies the files would see them. */
export function fileBytes(dataDir: string): Buffer {
  const files = [dbPath(dataDir), `${dbPath(dataDir)}-wal`].filter((f) => fs.existsSync(f));
  return Buffer.concat(files.map((f) => fs.readFileSync(f)));
}

/** The session's whole stored log, in seq order, read from the file. */
export function storedLog(dataDir: string, sessionId: string): SessionEvent[] {
  const db = new Database(dbPath(dataDir), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT body FROM events WHERE session_id = ? ORDER BY seq').all(sessionId) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as SessionEvent);
  } finally {
    db.close();
  }
}

/** In every table of the file, the rows whose values hold `needle` anywhere, read by a connection of the test's own. */
export function rowsMentioning(dataDir: string, needle: string): Record<string, number> {
  const db = new Database(dbPath(dataDir), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const rows = db.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[];
        return [name, rows.filter((r) => Object.values(r).some((v) => String(v).includes(needle))).length];
      }),
    );
  } finally {
    db.close();
  }
}

/** How many sessions the file holds. */
export function sessionCount(dataDir: string): number {
  const db = new Database(dbPath(dataDir), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
