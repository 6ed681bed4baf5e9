import { asyncSqlite } from './asyncSqlite.js';
import type { AsyncEventStore } from './asyncTypes.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore, type SqliteOptions } from './sqlite.js';

export interface StoreChoice {
  /** DATABASE_URL: PostgreSQL when set (and not empty), the embedded SQLite file under `dataDir` otherwise. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL's schema for the tables (`public` unless told). */
  schema?: string;
  sqlite?: Omit<SqliteOptions, 'log'>;
  log?: (line: string) => void;
}

export type OpenedStore = { kind: 'postgres' | 'sqlite'; store: AsyncEventStore };

/** Where a database URL points, without its password, for a message an operator reads. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'an address that is not a URL';
  }
}

/**
 * The store chosen by configuration, behind the asynchronous interface: the rest of the server does not know which
 * one runs. PostgreSQL's migrations run here, before the store is returned.
 */
export async function openStore(choice: StoreChoice): Promise<OpenedStore> {
  const url = choice.databaseUrl?.trim();
  if (!url) return { kind: 'sqlite', store: asyncSqlite(openSqliteStore(choice.dataDir, { ...choice.sqlite, log: choice.log })) };
  try {
    return { kind: 'postgres', store: await openPostgresStore({ connectionString: url, schema: choice.schema, log: choice.log }) };
  } catch (e) {
    const why = (e as { code?: unknown }).code ?? (e instanceof Error ? e.message : String(e));
    throw new Error(`The PostgreSQL database in DATABASE_URL (${describeDatabaseUrl(url)}) could not be opened (${String(why)}).`, { cause: e });
  }
}
