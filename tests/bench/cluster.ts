/**
 * The bench's server processes: one on the embedded default (SQLite in a temp dir, no service), or several on
 * PostgreSQL (DATABASE_URL, a schema of this run's own, dropped at the end) and Redis (REDIS_URL, a key prefix of
 * this run's own). Keeps each process's highest RSS and its CPU time across a restart (chaos.ts kills one).
 */
import type { WriteFigures } from '../../server/sessions/hub.js';
import { uniquePrefix } from '../support/redisUtil.js';
import { cpuMs, killTree, startServer, type ServerProc } from './server.js';
import { fmt, max, type LagFigures } from './stats.js';

export interface ServerGroup {
  /** The processes now running (a restarted one replaces its entry). */
  servers: ServerProc[];
  /** p1, p2... (PROCESS_NAME) */
  names: string[];
  /** The PostgreSQL schema of the run (several processes only). */
  schema: string | null;
  /** Reads every process's RSS, keeping each one's maximum. */
  sampleRss(): void;
  /** Sum of the processes' highest RSS, in MB. */
  maxRssMb(): number;
  /** CPU ms of process i since it first started (a killed process's time is kept). */
  cpuMs(i: number): number;
  /** Heap after a full GC summed over the processes (null: one did not answer). */
  heapUsed(): Promise<number | null>;
  /** Event-loop lag of every process (null entries: no answer). */
  lag(restart?: boolean): Promise<Array<{ sinceLast: LagFigures; sinceStart: LagFigures } | null>>;
  /**
   * `processes p1_rss_mb=X p1_cpu_pct=Y p1_conflicts=Z ...` over `wallMs` since the CPU readings in `since`
   * (conflicts: appends that lost the race for a seq to another process, since it started).
   */
  line(since: number[], wallMs: number): Promise<string>;
  /** SIGKILL process i (and anything it started). */
  kill(i: number): void;
  /** Starts process i again on its port with its name and settings. */
  restart(i: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `p1_groups=G p1_group_avg=A p1_group_max=M p1_commit_p50_ms=X p1_commit_p99_ms=Y`: the process's group commits and
 * the time from a command queued to its answer inside the server (over its latest 2,048), apart from the phones'
 * side of the ack time (a saturated load generator adds to that).
 */
const writes = (n: string, w: WriteFigures | undefined): string =>
  w
    ? `${n}_groups=${w.groups} ${n}_group_avg=${fmt(w.groups ? w.commands / w.groups : 0)} ${n}_group_max=${w.largest} ` +
      `${n}_commit_p50_ms=${w.answerP50Ms === null ? '-' : fmt(w.answerP50Ms)} ${n}_commit_p99_ms=${w.answerP99Ms === null ? '-' : fmt(w.answerP99Ms)}`
    : `${n}_groups=?`;

/** Why several processes cannot start: PostgreSQL and Redis are not named. */
export class MissingServices extends Error {
  constructor(processes: number) {
    super(
      `--processes ${processes} runs the server processes on PostgreSQL and Redis: set DATABASE_URL and REDIS_URL ` +
        '(for example DATABASE_URL=postgres://root@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379).',
    );
  }
}

export async function startServers(processes: number, dataDir: string, tickMs: number | undefined, nodeFlags: string[]): Promise<ServerGroup> {
  const { REDIS_URL, DATABASE_URL } = process.env;
  let schema: string | null = null;
  let shared: Record<string, string> = {};
  // Loaded only with several processes: the tests' PostgreSQL module probes DATABASE_URL as it loads.
  const pgSupport = processes > 1 ? await import('../support/postgres.js') : null;
  if (pgSupport) {
    if (!REDIS_URL || !DATABASE_URL) throw new MissingServices(processes);
    const { uniqueSchema } = pgSupport;
    schema = uniqueSchema('bench_procs');
    shared = { REDIS_URL, REDIS_PREFIX: uniquePrefix(), DATABASE_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn' };
  }
  const names = Array.from({ length: processes }, (_, i) => `p${i + 1}`);
  const start = (i: number, port?: number): Promise<ServerProc> =>
    startServer(dataDir, tickMs, { nodeFlags, port, env: processes > 1 ? { ...shared, PROCESS_NAME: names[i]! } : {} });
  // The first alone: it runs the migrations of the fresh schema; the others then find them done.
  const servers = [await start(0)];
  servers.push(...(await Promise.all(names.slice(1).map((_, k) => start(k + 1)))));
  const maxKb = servers.map((s) => s.maxRssKb());
  const cpuBase = servers.map(() => 0); // CPU of earlier runs of the same process (before a kill)
  const group: ServerGroup = {
    servers,
    names,
    schema,
    sampleRss: () =>
      servers.forEach((s, i) => {
        s.sampleRss();
        maxKb[i] = Math.max(maxKb[i]!, s.maxRssKb());
      }),
    maxRssMb: () => maxKb.reduce((a, b) => a + b, 0) / 1024,
    cpuMs: (i) => cpuBase[i]! + cpuMs(servers[i]!.pid),
    heapUsed: async () => {
      const all = await Promise.all(servers.map((s) => s.stats()));
      return all.every((s) => s) ? all.reduce((n, s) => n + s!.heapUsed, 0) : null;
    },
    lag: (restart) => Promise.all(servers.map((s) => s.lag(restart))),
    line: async (since, wallMs) => {
      const stats = await Promise.all(servers.map((s) => s.stats()));
      return (
        'processes ' +
        names
          .map((n, i) => `${n}_rss_mb=${fmt(maxKb[i]! / 1024)} ${n}_cpu_pct=${fmt(((group.cpuMs(i) - since[i]!) / wallMs) * 100, 0)} ${n}_conflicts=${stats[i]?.conflicts ?? '?'} ${writes(n, stats[i]?.writes)}`)
          .join(' ')
      );
    },
    kill: (i) => {
      const s = servers[i]!;
      cpuBase[i]! += cpuMs(s.pid);
      killTree(s.child.pid!);
    },
    restart: async (i) => {
      const port = Number(new URL(servers[i]!.url).port);
      servers[i] = await start(i, port);
    },
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
      if (schema) await pgSupport?.dropSchema(schema);
    },
  };
  return group;
}

/** The longest event-loop delay of any process. */
export const maxLag = (lags: Array<{ sinceStart: LagFigures } | null>): number | null => max(lags.flatMap((l) => (l ? [l.sinceStart.max] : [])));
