import pg from 'pg';

/**
 * Global setup of the `postgres` project (vite.config.ts): the suites' servers make schemas named after this run
 * (tests/support/harness.ts); once every file ran, they are dropped.
 */
export default function setup(): () => Promise<void> {
  return async () => {
    const run = process.env.FT_PG_RUN;
    if (!run || !process.env.DATABASE_URL) return;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [`t_suite_${run}_`]);
      for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    } finally {
      await client.end();
    }
  };
}
