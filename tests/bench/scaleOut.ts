/**
 * Several processes: three real server processes (REDIS_URL and DATABASE_URL required; a schema of its own, dropped
 * at the end), a phone on the first posting notes one after another, a board on each process. Prints
 *
 *   scaleout processes=3 notes=N ack_p50_ms=X ack_p99_ms=X same_p50_ms=X other_p50_ms=X other_p99_ms=X
 *
 * `ack`: the phone's answer; `same`: from sending to the board on the phone's process having it; `other`: to the
 * boards on the other two processes (through Redis, the other copies, their fan-out). One note every 110 ms or so,
 * under the phone's per-connection budget. Flags: --notes 200.
 * `REDIS_URL=... DATABASE_URL=... npx tsx tests/bench/scaleOut.ts`
 */
import { parseArgs } from 'node:util';
import { SessionClient, memoryStorage } from '../../client/net/sessionClient.js';
import { allNotes } from '../../shared/session/notes.js';
import { GENEROUS_LIMITS } from '../support/harness.js';
import { dropSchema, uniqueSchema } from '../support/postgres.js';
import { startProcesses, stopProcesses } from '../support/processes.js';
import { uniquePrefix } from '../support/redis.js';
import { fmt, percentile, sleep } from './stats.js';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '200' } } });
const NOTES = Number(values.notes);
const { REDIS_URL, DATABASE_URL } = process.env;
if (!REDIS_URL || !DATABASE_URL) {
  console.error('scaleout: set REDIS_URL and DATABASE_URL (for example redis://127.0.0.1:6379 and postgres://root@127.0.0.1:5432/test).');
  process.exit(1);
}

const schema = uniqueSchema('bench_scale');
const procs = await startProcesses({
  count: 3,
  env: { REDIS_URL, REDIS_PREFIX: uniquePrefix(), DATABASE_URL, DATABASE_SCHEMA: schema, NOTES_PER_MINUTE: String(GENEROUS_LIMITS.notesPerMinute) },
});
const clients: SessionClient[] = [];
const open = (url: string): SessionClient => {
  const c = new SessionClient({ url, storage: memoryStorage(), transports: ['websocket'], ackTimeoutMs: 10_000 });
  clients.push(c);
  return c;
};
try {
  const [p1, p2, p3] = procs as [(typeof procs)[0], (typeof procs)[0], (typeof procs)[0]];
  const res = await fetch(`${p1.url}/api/sessions`, { method: 'POST', body: JSON.stringify({ templateId: 'systems-change' }), headers: { 'content-type': 'application/json' } });
  const s = (await res.json()) as { sessionId: string; joinCode: string };
  const boards = [open(p1.url), open(p2.url), open(p3.url)];
  for (const b of boards) await b.join({ role: 'board', joinCode: s.joinCode });
  const phone = open(p1.url);
  await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Bench' });
  const item = phone.snap.state.agenda.find((i) => i.moduleType === 'board');
  if (!item) throw new Error('no board item');
  const column = item.columns?.[0] ?? '';

  const ack: number[] = [];
  const same: number[] = [];
  const other: number[] = [];
  const arrived = (c: SessionClient, n: number): Promise<number> =>
    new Promise((resolve) => {
      const start = performance.now();
      const check = (): void => {
        if (allNotes(c.snap.state).length >= n) resolve(performance.now() - start);
        else setTimeout(check, 1);
      };
      check();
    });
  for (let k = 1; k <= NOTES; k++) {
    const start = performance.now();
    const waits = boards.map((b) => arrived(b, k));
    const r = await phone.send({ type: 'note.add', payload: { itemId: item.id, column, text: `bench note ${k}` } });
    if (!r.ok) throw new Error(`note ${k}: ${r.error.message}`);
    ack.push(performance.now() - start);
    const [here, ...there] = await Promise.all(waits);
    same.push(here!);
    other.push(...there);
    // Under the per-connection budget (40 at once, then 10 a second): past it, a command waits a second and is resent.
    await sleep(110);
  }
  console.log(
    `scaleout processes=3 notes=${NOTES} ack_p50_ms=${fmt(percentile(ack, 50))} ack_p99_ms=${fmt(percentile(ack, 99))} ` +
      `same_p50_ms=${fmt(percentile(same, 50))} other_p50_ms=${fmt(percentile(other, 50))} other_p99_ms=${fmt(percentile(other, 99))}`,
  );
} finally {
  for (const c of clients) c.close();
  await stopProcesses(procs);
  await dropSchema(schema);
}
