/**
 * Store micro-benchmark: appends of a one-event batch (a note with its command's answer, as the hub writes one
 * accepted command) through the asynchronous store interface, on SQLite (synchronous NORMAL and FULL) and on
 * PostgreSQL when DATABASE_URL is set. `serial`: one session, each append awaited before the next (one session's
 * writer); `parallel`: --concurrency sessions appending at once. Prints per store and mode
 *
 *   store_append store=S mode=M batch=1 appends=N per_s=X p50_ms=X p99_ms=X max_ms=X
 *
 * Flags: --appends 2000 --concurrency 8. `npx tsx tests/bench/storeAppend.ts`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asyncSqlite } from '../../server/store/asyncSqlite.js';
import type { AsyncEventStore } from '../../server/store/asyncTypes.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { fmt, max, percentile } from './stats.js';

const { values } = parseArgs({ options: { appends: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '8' } } });
const APPENDS = Number(values.appends);
const CONCURRENCY = Number(values.concurrency);

const note = (sessionId: string, seq: number): SessionEvent => ({
  type: 'note.added',
  note: {
    id: `n${seq}`,
    itemId: 'item-1',
    column: 'Strengths',
    text: `Families reach a caseworker the same day (${sessionId}, ${seq})`,
    authorId: 'p1',
    authorName: 'Ana',
    groupId: null,
    anonymous: false,
  },
  seq,
  at: Date.now(),
});

/** Creates a session and appends `n` one-event batches to it, one after the other; returns each append's ms. */
async function writer(store: AsyncEventStore, n: number): Promise<number[]> {
  const id = `bench-${Math.random().toString(36).slice(2)}`;
  const at = Date.now();
  const rec = { id, joinCode: id, facilitatorKeyHash: 'h', title: 'Bench', createdAt: at, lastActiveAt: at, ballotSecret: 's' };
  await store.createSession(rec, { type: 'session.created', id, title: 'Bench', joinCode: id, agenda: [], seq: 1, at });
  const times: number[] = [];
  for (let seq = 2; seq < n + 2; seq++) {
    const t = performance.now();
    const r = await store.append({ sessionId: id, sender: 'p1', commandId: `cmd-${seq}`, events: [note(id, seq)], result: { ok: true, seq } });
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`append ${seq} lost a race nobody ran`);
  }
  return times;
}

async function measure(name: string, store: AsyncEventStore): Promise<void> {
  for (const [mode, writers] of [['serial', 1], ['parallel', CONCURRENCY]] as const) {
    const t0 = performance.now();
    const times = (await Promise.all(Array.from({ length: writers }, () => writer(store, Math.ceil(APPENDS / writers))))).flat();
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `store_append store=${name} mode=${mode} batch=1 appends=${times.length} per_s=${fmt(times.length / seconds, 0)} p50_ms=${fmt(percentile(times, 50), 2)} p99_ms=${fmt(percentile(times, 99), 2)} max_ms=${fmt(max(times), 2)}`,
    );
  }
}

async function main(): Promise<void> {
  for (const synchronous of ['normal', 'full'] as const) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ft-bench-store-'));
    const store = asyncSqlite(openSqliteStore(dir, { synchronous, log: () => {} }));
    await measure(`sqlite-${synchronous}`, store);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (!url) return console.log('store_append store=postgres skipped: DATABASE_URL is not set');
  // A schema of its own, dropped afterwards.
  const schema = `bench_store_${process.pid}`;
  const store = await openPostgresStore({ connectionString: url, schema, maxConnections: CONCURRENCY });
  try {
    await measure('postgres', store);
  } finally {
    await store.close();
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
}

await main();
