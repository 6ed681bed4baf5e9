import pg from 'pg';

/**
 * Global setup of the `postgres` project (vite.config.ts): the suites' servers make schemas named after this run
 * (tests/support/harness.ts); once every file ran, they are dropped.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // A run that was stopped half-way (or whose teardown missed some) left its schemas: those of runs that started more
  // than six hours ago go now, so the test database does not grow run after run. A run id is its start in base 36.
  await dropSchemas((name) => {
    const started = parseInt(/^t_suite_([0-9a-z]+)_/.exec(name)?.[1] ?? '', 36);
    return Number.isFinite(started) && started < Date.now() - STALE_MS;
  });
  return async () => {
    const run = process.env.FT_PG_RUN;
    if (run) await dropSchemas((name) => name.startsWith(`t_suite_${run}_`));
  };
}

const STALE_MS = 6 * 60 * 60 * 1000;

async function dropSchemas(which: (name: string) => boolean): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, 't_suite_')");
    for (const { nspname } of rows.filter((r) => which(r.nspname))) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
