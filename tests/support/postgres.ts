import pg from 'pg';
import { describeDatabaseUrl } from '../../server/store/open.js';
import { postgresUnusable } from './pgProbe.js';

/**
 * The machine's PostgreSQL for the tests that need one: DATABASE_URL (`.ci/run` sets it). Without it, or when
 * nothing answers there, those tests are skipped and `postgresSkipReason` says why.
 */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

async function probe(url: string | undefined): Promise<string | null> {
  if (!url) return 'PostgreSQL tests skipped: DATABASE_URL is not set (for example postgres://root@127.0.0.1:5432/test).';
  const why = await postgresUnusable(url);
  return why && `PostgreSQL tests skipped: nothing usable answers at DATABASE_URL (${describeDatabaseUrl(url)}): ${why}.`;
}

export const postgresSkipReason = await probe(DATABASE_URL);
if (postgresSkipReason) console.warn(postgresSkipReason);

/** A schema name no other test run uses; the test creates it (through the store) and drops it, and nothing else. */
export const uniqueSchema = (prefix = 'test_store'): string =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

/** Runs `work` with a connection of the test's own (not the store's pool). */
export async function withClient<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops a schema the test created. */
export const dropSchema = (schema: string): Promise<void> =>
  withClient(async (c) => void (await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)));

/** In every table of the schema, the rows whose text holds `needle` anywhere. */
export const pgRowsMentioning = (schema: string, needle: string): Promise<Record<string, number>> =>
  withClient(async (c) => {
    const { rows: tables } = await c.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name",
      [schema],
    );
    const out: Record<string, number> = {};
    for (const { table_name: t } of tables) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${t} AS r WHERE strpos(r::text, $1) > 0`, [needle]);
      out[t] = Number(rows[0]?.n ?? 0);
    }
    return out;
  });

/** Polls until `query` (one parameter, a count `n`) counts a waiting statement. */
async function untilCounted(query: string, param: string, never: string): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (await withClient(async (c) => Number((await c.query<{ n: string }>(query, [param])).rows[0]?.n ?? 0) > 0)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(never);
}

/** Polls until a statement matching `pattern` (a LIKE pattern) waits on a lock. */
export const untilWaiting = (pattern: string): Promise<void> =>
  untilCounted("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1", pattern, 'the append never waited on the held seq');

/** Polls until a statement waits on the transaction `xid` (a row it holds). */
export const untilWaitingOn = (xid: string): Promise<void> =>
  untilCounted(
    "SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND locktype = 'transactionid' AND transactionid::text = $1",
    xid,
    `nothing waited on transaction ${xid}`,
  );
