/**
 * `npm run chaos`: the multi-process load bench (run.ts) with one server process killed with SIGKILL during the load
 * and started again on the same port with the same name; its phones reconnect to it, re-join from their last seq and
 * send again, with the same ids, what was not answered. At the end it reads the store (storeCheck.ts) and prints
 *
 *   chaos processes=P participants=N seed=S killed=pK at_s=X down_s=Y acked=A stored=A lost=0 unanswered=U
 *         note_events=E duplicates=0 store_duplicates=0 client_duplicates=0
 *
 * acked: commands the phones were told were accepted; stored: those with their answer and event in PostgreSQL;
 * duplicates: a note added twice or a note event no stored answer points at, plus events a phone received twice.
 * Exit status 1 when acked != stored or duplicates > 0. Needs DATABASE_URL and REDIS_URL.
 *
 *   npm run chaos -- --seed 7 --seconds 60 --processes 3 --participants 300 --kill-at-s 20 --down-ms 2000
 *
 * Any flag of bench.ts works too. Defaults: 3 processes, 300 phones (every 10th a full client), 60 s, a note every
 * 5 s each, seed 1 (which process is killed, and the phones' choices), the kill a third into the load, 2 s down.
 *
 * Then the seeded random clients (randomSeeds.ts: drops, offline spells, duplicate sends, phones moving between
 * processes; every screen must converge on the stored state) over `--random-seeds N` seeds from the seed on, on as
 * many processes (default 10, about 5 s each; 0 skips them). Exit status 1 if either part found a problem.
 */
import { spawnSync } from 'node:child_process';
import { benchOptions, parseFlags } from './args.js';
import { MissingServices } from './cluster.js';
import { runBench } from './run.js';
import { ROOT } from './server.js';

const argv = process.argv.slice(2);
const at = argv.findIndex((a) => a === '--random-seeds' || a.startsWith('--random-seeds='));
const randomSeedsArg = at < 0 ? undefined : argv[at]!.includes('=') ? argv.splice(at, 1)[0]!.split('=')[1] : argv.splice(at, 2)[1];
const randomSeeds = Number(randomSeedsArg ?? 10);
if (!Number.isInteger(randomSeeds) || randomSeeds < 0) throw new Error('--random-seeds needs a whole number >= 0');
const flags = parseFlags(argv);
const o = benchOptions(flags, { processes: 3, participants: 300, seconds: 60, 'interval-ms': 5000, 'full-every': 10, seed: 1, 'grace-ms': 20_000 });
const seed = o.seed ?? 1;
o.chaos = { seed, killAtS: flags['kill-at-s'] ?? o.seconds / 3, downMs: flags['down-ms'] ?? 2000 };
if (o.processes < 2) {
  console.error('chaos: --processes must be 2 or more (one process is killed, the others go on).');
  process.exit(1);
}
if (!process.env.REDIS_URL || !process.env.DATABASE_URL) {
  console.error(`chaos: ${new MissingServices(o.processes).message}`);
  process.exit(1);
}
const benchStatus = await runBench(o);
let randomStatus = 0;
if (randomSeeds > 0) {
  const args = ['--import', 'tsx', 'tests/bench/randomSeeds.ts', '--processes', String(o.processes), '--seeds', String(randomSeeds), '--from', String(seed)];
  randomStatus = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
}
process.exit(benchStatus || randomStatus);
