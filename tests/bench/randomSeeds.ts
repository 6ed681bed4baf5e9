/**
 * The seeded random clients (tests/support/randomClients.ts) over many seeds, longer than `npm test`'s fixed one:
 * real server processes, on the embedded store by default, or with --processes 3 (REDIS_URL and DATABASE_URL
 * required; a schema of its own, dropped at the end) on PostgreSQL and Redis. Prints one line per seed
 *
 *   random seed=S commands=N accepted=N refused=N events=N gaps=N settle_ms=N ms=N problems=N
 *
 * (settle: from the last action until every screen was quiet at one seq) and each problem (they name the seed: `--from S --seeds 1` replays it). Exits 1 if any seed had a problem.
 * Flags: --seeds 10 --from 1 --steps 300 --phones 8 --processes 1 --pace 25 (the longest pause between actions, ms)
 * --kill-at N (at step N the last process is killed with SIGKILL and started again; its screens reconnect to it).
 * `npx tsx tests/bench/randomSeeds.ts --processes 3` (with REDIS_URL and DATABASE_URL set)
 */
import { parseArgs } from 'node:util';
import { tempDir } from '../support/harness.js';
import { startProcesses, stopProcesses } from '../support/processes.js';
import { runRandomClients } from '../support/randomClients.js';
import { storedSessionOnPostgres, storedSessionOnSqlite } from '../support/randomClientsCheck.js';
import { uniquePrefix } from '../support/redisUtil.js';
import { createVia } from '../support/scaleOut.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' },
    from: { type: 'string', default: '1' },
    steps: { type: 'string', default: '300' },
    phones: { type: 'string', default: '8' },
    processes: { type: 'string', default: '1' },
    pace: { type: 'string', default: '25' },
    'kill-at': { type: 'string', default: '' },
  },
});
const count = Number(values.processes);
const { REDIS_URL, DATABASE_URL } = process.env;
const shared = count > 1;
if (shared && (!REDIS_URL || !DATABASE_URL)) {
  console.error('random: several processes need REDIS_URL and DATABASE_URL (for example redis://127.0.0.1:6379 and postgres://root@127.0.0.1:5432/test).');
  process.exit(1);
}
// (The PostgreSQL helpers only when asked for: importing them probes DATABASE_URL and says when it is missing.)
const pg = shared ? await import('../support/postgres.js') : null;
const schema = pg?.uniqueSchema('bench_random') ?? '';
const dataDir = tempDir('ft-random-');
const limits = { NOTES_PER_MINUTE: '100000', CLOCK_PROBES_PER_MINUTE: '100000' };
// One process runs the embedded default even when the tests' REDIS_URL or DATABASE_URL is exported.
const env = shared
  ? { ...limits, REDIS_URL, REDIS_PREFIX: uniquePrefix(), DATABASE_URL, DATABASE_SCHEMA: schema }
  : { ...limits, REDIS_URL: '', DATABASE_URL: '' };
const procs = await startProcesses({ count, env, dataDir });
const killAt = values['kill-at'] ? Number(values['kill-at']) : -1;
let restarting: Promise<void> = Promise.resolve();
let failed = 0;
try {
  for (let seed = Number(values.from); seed < Number(values.from) + Number(values.seeds); seed++) {
    const s = await createVia(procs[0]!.url, 'systems-change');
    const started = Date.now();
    const r = await runRandomClients({
      urls: procs.map((p) => p.url),
      session: s,
      seed,
      steps: Number(values.steps),
      phones: Number(values.phones),
      paceMs: Number(values.pace),
      onStep: (step) => {
        if (step !== killAt) return;
        const victim = procs.at(-1)!;
        const at = Date.now();
        restarting = victim
          .kill('SIGKILL')
          .then(() => victim.restart())
          .then(() => console.log(`  killed ${victim.name} (SIGKILL) at step ${step}, up again after ${Date.now() - at} ms`));
      },
      readStore: () => (shared ? storedSessionOnPostgres(DATABASE_URL ?? '', schema, s.sessionId) : storedSessionOnSqlite(dataDir, s.sessionId)),
    });
    await restarting;
    const refused = Object.values(r.refused).reduce((a, b) => a + b, 0);
    console.log(
      `random seed=${seed} commands=${r.commands} accepted=${r.accepted} refused=${refused} events=${r.storedEvents} gaps=${r.gaps} settle_ms=${r.settleMs} ms=${Date.now() - started} problems=${r.problems.length}`,
    );
    for (const p of r.problems.slice(0, 20)) console.log(`  ${p}`);
    if (r.problems.length) failed++;
  }
} finally {
  await stopProcesses(procs);
  await pg?.dropSchema(schema);
}
console.log(`random seeds=${values.seeds} processes=${count} failed=${failed}`);
process.exit(failed ? 1 : 0);
