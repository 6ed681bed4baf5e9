/**
 * Load benchmark: the server in child process(es) (cluster.ts), one facilitator (here, in the coordinator), and N
 * simulated phones spread over W worker child processes (phones.ts), all through the typed SessionClient over
 * loopback. The run itself is in run.ts, its closing lines in summary.ts.
 *
 *   npm run bench -- --participants 300 --seconds 30 --interval-ms 2000 --workers 3
 *
 * Each phone posts a note every `interval-ms` on average (jittered +-25%); about 1 action in 10 moves one of its own
 * notes to another column instead. Times are absolute (`now()` in stats.ts), so a note sent by a phone in one worker
 * and received by phones in all workers gives one fan-out figure. The last line printed is the summary:
 *
 *   bench participants=N commands=C acked=A lost=L dup=D ack_p50_ms=X ack_p99_ms=X fanout_p50_ms=X fanout_p99_ms=X
 *         rss_mb=X server_loop_max_ms=X join_s=X join_failures=N heap_per_phone_kb=X
 *
 * lost = commands never answered, dup = events a client received twice, fanout = send to the LAST participant's
 * receipt, rss_mb = the server's max RSS, join_s = the join ramp's length, heap_per_phone_kb = the server's heap
 * after a full GC after the joins less after the first join batch (the warm-up: code compiled and tables built once),
 * over the phones that joined after it (the join line also gives it from before the first join). Extra flags: --join-batch B (phones
 * joining concurrently per ramp step, default 100: a step waits for its slowest phone, so small steps measured the
 * ramp, not the server), --grace-ms G (wait for late answers and deliveries, default 5000), --tick-ms T (server TICK_MS),
 * --worker-heap-mb M (--max-old-space-size of each worker, default 6144), --worker-semi-space-mb S
 * (--max-semi-space-size, default 64), --workers W (default 3, one more per 2,000 phones past 6,000).
 *
 * --full-every N (every Nth phone is the app's full SessionClient, keeping the state for the end-state check; the
 * others are light phones, lightPhone.ts, default 10; 1 makes every phone full).
 *
 * --processes P (P > 1): P server processes on PostgreSQL (DATABASE_URL, a schema of the run's own, dropped at the
 * end) and Redis (REDIS_URL, a key prefix of the run's own); phone n talks to process n % P, the facilitator to p1.
 * The default interval is then a note every 60 s each (args.ts) and about 60 phones are full. Before the last line,
 * `processes p1_rss_mb=X p1_cpu_pct=Y p2_...` (each process's highest RSS and its CPU during the load, 100% = one
 * core); in the last line rss_mb is the processes' sum, heap_per_phone_kb is over all of them, server_loop_max_ms
 * the longest of any, and `processes=P interval_ms=I` are added. --seed S seeds the phones' random choices.
 *
 * `--soak` runs the memory soak instead (soak.ts): thousands of sessions over time, heap after GC at start and end.
 */
import { benchOptions, parseFlags } from './args.js';
import { MissingServices } from './cluster.js';
import { runBench } from './run.js';
import { runSoak } from './soak.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--soak')) return runSoak(argv.filter((x) => x !== '--soak'));
  const o = benchOptions(parseFlags(argv));
  if (o.processes > 1 && (!process.env.REDIS_URL || !process.env.DATABASE_URL)) {
    console.error(`bench: ${new MissingServices(o.processes).message}`);
    process.exit(1);
  }
  process.exit(await runBench(o));
}

void main();
