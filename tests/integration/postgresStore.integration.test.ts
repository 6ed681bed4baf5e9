import fs from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/open.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { migratePostgres, PG_SCHEMA_VERSION } from '../../server/store/postgresSchema.js';
import { dbPath } from '../support/db.js';
import { tempDir } from '../support/harness.js';
import { DATABASE_URL, dropSchema, postgresSkipReason, uniqueSchema, untilWaiting, withClient } from '../support/postgres.js';
import { joined, newSession } from '../support/storeBackends.js';

const created: string[] = [];
/** A schema name for this test; dropped after it (only schemas the tests made). */
const schemaForTest = (): string => {
  const s = uniqueSchema();
  created.push(s);
  return s;
};
afterEach(async () => {
  if (!postgresSkipReason) await Promise.all(created.splice(0).map(dropSchema));
});

const versions = (schema: string): Promise<number[]> =>
  withClient(async (c) => (await c.query<{ version: number }>(`SELECT version FROM ${schema}.schema_versions ORDER BY version`)).rows.map((r) => r.version));

describe.skipIf(postgresSkipReason)('PostgreSQL store', () => {
  it('migrates once when two processes start at once, and not again on the next start', async () => {
    const schema = schemaForTest();
    const clients = [new pg.Client({ connectionString: DATABASE_URL }), new pg.Client({ connectionString: DATABASE_URL })];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const applied = await Promise.all(clients.map((c) => migratePostgres(c, schema)));
      expect(applied.flat().sort()).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
      expect(await migratePostgres(clients[0]!, schema)).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    expect(await versions(schema)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('migrates in a schema its role owns, without the right to create schemas in the database', async () => {
    const schema = schemaForTest();
    const role = `${schema}_role`;
    await withClient(async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN`);
      await c.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${role}`);
    });
    try {
      const url = new URL(DATABASE_URL!);
      url.username = role;
      url.password = '';
      const store = await openPostgresStore({ connectionString: url.toString(), schema });
      const s = newSession();
      expect(await store.createSession(s.rec, s.created)).toBe(true);
      await store.close();
    } finally {
      await dropSchema(schema);
      await withClient((c) => c.query(`DROP ROLE ${role}`));
    }
  });

  it('refuses a database written by a newer version, in our words', async () => {
    const schema = schemaForTest();
    await (await openPostgresStore({ connectionString: DATABASE_URL!, schema })).close();
    await withClient((c) => c.query(`INSERT INTO ${schema}.schema_versions (version, applied_at) VALUES (99, 0)`));
    await expect(openStore({ databaseUrl: DATABASE_URL, dataDir: tempDir(), schema })).rejects.toThrow(
      /^The PostgreSQL database in DATABASE_URL \(.+\) could not be opened \(The database was written by a newer version \(schema 99\)\.\)\.$/,
    );
  });

  /** A seq held by another process's open transaction: the store's append waits on it, then learns who won. */
  async function appendBehindHeldSeq(outcome: 'COMMIT' | 'ROLLBACK') {
    const schema = schemaForTest();
    const store = await openPostgresStore({ connectionString: DATABASE_URL!, schema });
    const s = newSession();
    await store.createSession(s.rec, s.created);
    const other = new pg.Client({ connectionString: DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`INSERT INTO ${schema}.events (session_id, seq, body) VALUES ($1, 2, $2)`, [s.rec.id, JSON.stringify(joined(2, 'Other'))]);
      const pending = store.append({ sessionId: s.rec.id, sender: 'p2', commandId: 'cmd-00002', events: [joined(2, 'Mine')], result: { ok: true, seq: 2 } });
      // The append is in the database, waiting for the other transaction's row lock.
      await untilWaiting(`%${schema}.events%`);
      await other.query(outcome);
      return { outcome: await pending, events: await store.eventsSince(s.rec.id, 1), answer: await store.commandResult(s.rec.id, 'p2', 'cmd-00002') };
    } finally {
      await other.end();
      await store.close();
    }
  }

  it('an append waiting on a seq another process holds loses when that one commits', async () => {
    const r = await appendBehindHeldSeq('COMMIT');
    expect(r.outcome).toEqual({ ok: false, conflict: true, latestSeq: 2 });
    expect(r.events).toEqual([joined(2, 'Other')]);
    expect(r.answer).toBeUndefined();
  });

  it('an append waiting on a seq another process holds wins when that one rolls back', async () => {
    const r = await appendBehindHeldSeq('ROLLBACK');
    expect(r.outcome).toEqual({ ok: true });
    expect(r.events).toEqual([joined(2, 'Mine')]);
    expect(r.answer).toEqual({ ok: true, seq: 2 });
  });
});

describe('choosing the store by configuration', () => {
  it('opens the SQLite file under the data folder when DATABASE_URL is unset or empty', async () => {
    for (const databaseUrl of [undefined, '', '  ']) {
      const dataDir = tempDir();
      const { kind, store } = await openStore({ databaseUrl, dataDir, log: () => {} });
      const s = newSession();
      await store.createSession(s.rec, s.created);
      await store.close();
      expect(kind).toBe('sqlite');
      expect(fs.existsSync(dbPath(dataDir))).toBe(true);
    }
  });

  it('says in our words, without the password, when the database in DATABASE_URL does not answer', async () => {
    const url = 'postgres://someone:hunter2@127.0.0.1:1/nowhere';
    const opening = openStore({ databaseUrl: url, dataDir: tempDir() });
    await expect(opening).rejects.toThrow('The PostgreSQL database in DATABASE_URL (127.0.0.1:1/nowhere) could not be opened (ECONNREFUSED).');
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });

  it.skipIf(postgresSkipReason)('opens PostgreSQL when DATABASE_URL is set, and writes nothing under the data folder', async () => {
    const schema = schemaForTest();
    const dataDir = tempDir();
    const { kind, store } = await openStore({ databaseUrl: DATABASE_URL, dataDir, schema });
    const s = newSession();
    await store.createSession(s.rec, s.created);
    await store.close();
    expect(kind).toBe('postgres');
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(await withClient(async (c) => (await c.query(`SELECT id FROM ${schema}.sessions`)).rows)).toEqual([{ id: s.rec.id }]);
  });
});
