import pg from 'pg';

/**
 * Whether a usable PostgreSQL answers at `url`: null when it does, otherwise why not (its error code or message).
 * Shared by the tests' skip reason (tests/support/postgres.ts) and the PostgreSQL project in vite.config.ts.
 */
export async function postgresUnusable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    return String((e as { code?: unknown }).code ?? (e as Error).message);
  } finally {
    await client.end().catch(() => {});
  }
}
