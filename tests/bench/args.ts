/** The load bench's flags (bench.ts and chaos.ts) and the options they give, with their defaults. */

const FLAGS = {
  'full-every': 1,
  'measure-every': 1,
  participants: 1,
  seconds: 1,
  'interval-ms': 10,
  'join-batch': 1,
  'grace-ms': 0,
  'tick-ms': 0,
  workers: 1,
  'worker-heap-mb': 64,
  'worker-semi-space-mb': 0,
  processes: 1,
  seed: 0,
  'kill-at-s': 0,
  'down-ms': 0,
};
export type Flag = keyof typeof FLAGS;

export function parseFlags(argv: string[]): Partial<Record<Flag, number>> {
  const o: Partial<Record<Flag, number>> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a : a.slice(0, eq)).replace(/^--/, '');
    if (!a.startsWith('--') || !(name in FLAGS)) throw new Error(`Unknown flag ${a}`);
    const v = Number(eq < 0 ? argv[++i] : a.slice(eq + 1));
    const min = FLAGS[name as Flag];
    if (!Number.isFinite(v) || v < min) throw new Error(`--${name} needs a number >= ${min}`);
    o[name as Flag] = v;
  }
  return o;
}

export interface ChaosOptions {
  /** Picks the process to kill (with the phones' randomness). */
  seed: number;
  /** When, in seconds into the load, one server process gets SIGKILL. */
  killAtS: number;
  /** How long it stays down before it starts again on the same port with the same name. */
  downMs: number;
}

export interface BenchOptions {
  participants: number;
  seconds: number;
  intervalMs: number;
  joinBatch: number;
  graceMs: number;
  tickMs: number | undefined;
  workers: number;
  fullEvery: number;
  /** Every `measureEvery`-th phone (and every full one) measures the fan-out; the others skim (lightPhone.ts). */
  measureEvery: number;
  heapMb: number;
  semiSpaceMb: number;
  /** Server processes: 1 runs the embedded default (SQLite), more run on PostgreSQL and Redis. */
  processes: number;
  /** Seeds the phones' random choices (what to do, when); unset: Math.random's own. */
  seed: number | undefined;
  chaos: ChaosOptions | null;
}

/** A note every 60 s each (half the convening load); README "Benchmark" says what this 2-core machine carries. */
export const MULTI_PROCESS_INTERVAL_MS = 60_000;

/**
 * Options from flags. `defaults` overrides the single-process defaults (chaos.ts passes its own); what depends on
 * the number of processes and phones is derived after.
 */
export function benchOptions(a: Partial<Record<Flag, number>>, defaults: Partial<Record<Flag, number>> = {}): BenchOptions {
  const f = { ...defaults, ...a };
  const processes = Math.floor(f.processes ?? 1);
  const participants = Math.floor(f.participants ?? 300);
  const multi = processes > 1;
  return {
    participants,
    seconds: f.seconds ?? 30,
    intervalMs: f['interval-ms'] ?? (multi ? MULTI_PROCESS_INTERVAL_MS : 2000),
    joinBatch: Math.floor(f['join-batch'] ?? 100),
    graceMs: f['grace-ms'] ?? 5000,
    tickMs: f['tick-ms'],
    // One simulated-phone process per 2,000 phones, at least 3: on 2 cores more processes than that only add
    // scheduling and per-process memory (each light phone is a socket.io client of about 30-60 KB).
    workers: Math.floor(f.workers ?? Math.max(3, Math.ceil(participants / 2000))),
    // Every 10th phone keeps the whole state with the app's own client; the others are light (lightPhone.ts). With
    // several processes and thousands of phones, about 60 full phones: each applies every event of the session.
    fullEvery: Math.floor(f['full-every'] ?? (multi ? Math.max(10, Math.floor(participants / 60)) : 10)),
    // About 300 phones (and the full ones) measure the fan-out; the rest skim their frames (lightPhone.ts), else at
    // thousands of phones the phones' own JSON parsing saturates this 2-core machine (a profile of a worker at 6,000
    // phones: 10% of its phones parsing took 3.5 times the CPU of the 90% skimming). At 300 phones every phone measures.
    measureEvery: Math.floor(f['measure-every'] ?? Math.max(1, Math.floor(participants / 300))),
    heapMb: f['worker-heap-mb'] ?? 6144,
    // A larger young generation: far less promotion of short-lived frames/state copies, about 40% less GC time
    // in the workers at 300 phones (0 = node's default).
    semiSpaceMb: f['worker-semi-space-mb'] ?? 64,
    processes,
    seed: f.seed,
    chaos: null,
  };
}
