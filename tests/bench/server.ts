/** The server child process of the bench, and per-process resource use read from Linux /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WriteFigures } from '../../server/sessions/hub.js';
import type { ProbeReply, ProbeRequest } from './serverProbe.js';
import { sleep, type LagFigures } from './stats.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLK_TCK = 100; // USER_HZ on Linux

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** `pid` and all its descendants, parents first. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

export function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** utime + stime of one process (all its threads), in ms. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** Whole-machine CPU time from /proc/stat, in ms summed over cores: busy (all processes, ours and others) and steal. */
export function machineCpuMs(): { busy: number; steal: number } {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal ...
    const toMs = (j: number): number => (j * 1000) / CLK_TCK;
    return { busy: toMs(f[0]! + f[1]! + f[2]! + f[5]! + f[6]!), steal: toMs(f[7] ?? 0) };
  } catch {
    return { busy: 0, steal: 0 };
  }
}

/** CPU use of one process between calls to `pct()`, in % of one core. */
export class CpuMeter {
  private lastCpu: number;
  private lastAt: number;
  /** `read`: the CPU ms to follow (a process group's, across restarts); the process's own by default. */
  constructor(
    readonly pid: number,
    private read: () => number = () => cpuMs(pid),
  ) {
    this.lastCpu = read();
    this.lastAt = Date.now();
  }

  /** NaN when called again within a second (the kernel counts CPU time in 10 ms ticks). */
  pct(): number {
    const cpu = this.read();
    const at = Date.now();
    if (at - this.lastAt < 1000) return NaN;
    const pct = ((cpu - this.lastCpu) / Math.max(1, at - this.lastAt)) * 100;
    this.lastCpu = cpu;
    this.lastAt = at;
    return pct;
  }
}

/** Kills `pid` and its descendants with SIGKILL (children first). */
export function killTree(pid: number): void {
  for (const p of descendants(pid).reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface ServerProc {
  url: string;
  child: ChildProcess;
  /** The node process that actually runs the server (the child itself, or a descendant if a wrapper is in between). */
  pid: number;
  stderrTail: string[];
  /** Highest RSS seen by `sampleRss` so far, in kB. */
  maxRssKb(): number;
  /** Reads the current RSS (kB) and keeps the maximum. */
  sampleRss(): number;
  /** The server's own event-loop lag since the previous call and since the last `restart` (null: no answer in 2 s). */
  lag(restart?: boolean): Promise<{ sinceLast: LagFigures; sinceStart: LagFigures } | null>;
  /** Heap used after a full GC (the server runs with --expose-gc) and the sessions in memory (null: no answer). */
  stats(): Promise<ServerStats | null>;
  stop(): Promise<void>;
}

/** What the server answers on its IPC channel to `{ id, type: 'stats' }` (see server/main.ts). */
export interface ServerStats {
  heapUsed: number;
  liveSessions: number;
  /** Appends that lost the race for a seq to another process (decided again). */
  conflicts: number;
  /** What the process's group commits did (SessionHub.writeFigures). */
  writes?: WriteFigures;
}

export interface ServerExtras {
  env?: Record<string, string>;
  nodeFlags?: string[];
  /** The port to listen on (a restart keeps its port); a free one unless told. */
  port?: number;
}

export async function startServer(dataDir: string, tickMs: number | undefined, extras: ServerExtras = {}): Promise<ServerProc> {
  const port = extras.port ?? (await freePort());
  // node --import tsx runs the server in this very process (no npx/tsx wrapper), so its pid is the one to measure.
  // The probe measures the server's event-loop lag from inside and answers on the IPC channel.
  const args = [...(extras.nodeFlags ?? []), '--import', 'tsx', '--import', './tests/bench/serverProbe.ts', 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      // The single-process figures are the embedded default's: a REDIS_URL or DATABASE_URL exported for the tests
      // (as .ci/run does) is not taken over; a bench that wants them passes them in `extras.env`.
      REDIS_URL: '',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SERVE_CLIENT: 'false',
      // The benches measure capacity, not abuse: simulated phones post faster than the per-person limits allow,
      // and the soak creates thousands of sessions from one address.
      NOTES_PER_MINUTE: '1000000',
      MAX_PARTICIPANTS: '1000000',
      SESSION_CREATE_LIMIT: '1000000',
      // Every simulated phone joins from 127.0.0.1, a whole ramp batch at once: the per-address count of join-code
      // tries in flight (each is given back once its code proves right) would refuse all but the first 20.
      WRONG_CODE_FREE_TRIES: '1000000',
      ...(tickMs === undefined ? {} : { TICK_MS: String(tickMs) }),
      ...extras.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let probeId = 0;
  const probeWaiters = new Map<number, (r: ProbeReply) => void>();
  const statsWaiters = new Map<number, (r: ServerStats) => void>();
  child.on('message', (m: ProbeReply | (ServerStats & { id: number; type: 'stats' })) => {
    if ('type' in m && m.type === 'stats') statsWaiters.get(m.id)?.(m);
    else probeWaiters.get(m.id)?.(m as ProbeReply);
    statsWaiters.delete(m.id);
    probeWaiters.delete(m.id);
  });
  const stats = (): Promise<ServerStats | null> =>
    new Promise((resolve) => {
      if (exited || !child.connected) return resolve(null);
      const id = ++probeId;
      const t = setTimeout(() => {
        statsWaiters.delete(id);
        resolve(null);
      }, 10_000);
      statsWaiters.set(id, (r) => {
        clearTimeout(t);
        resolve(r);
      });
      child.send({ id, type: 'stats' });
    });
  const lag = (restart = false): Promise<ProbeReply | null> =>
    new Promise((resolve) => {
      if (exited || !child.connected) return resolve(null);
      const id = ++probeId;
      const t = setTimeout(() => {
        probeWaiters.delete(id);
        resolve(null);
      }, 2000);
      probeWaiters.set(id, (r) => {
        clearTimeout(t);
        resolve(r);
      });
      child.send({ id, type: 'lag', restart } satisfies ProbeRequest);
    });
  const stderrTail: string[] = [];
  child.stdout?.on('data', () => {}); // drain; the server logs little
  child.stderr?.on('data', (d: Buffer) => {
    stderrTail.push(...d.toString('utf8').split('\n').filter(Boolean));
    if (stderrTail.length > 30) stderrTail.splice(0, stderrTail.length - 30);
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`server exited during start:\n${stderrTail.join('\n')}`);
    if (Date.now() > deadline) {
      killTree(child.pid!);
      throw new Error(`server did not answer /health within 30 s:\n${stderrTail.join('\n')}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  // The process that holds most memory in the tree is the server (guards against a wrapper process).
  const pid = descendants(child.pid!).reduce((best, p) => (rssKb(p) > rssKb(best) ? p : best), child.pid!);
  let maxKb = rssKb(pid);
  const sampleRss = (): number => {
    const kb = rssKb(pid);
    if (kb > maxKb) maxKb = kb;
    return kb;
  };
  return {
    url,
    child,
    pid,
    stderrTail,
    maxRssKb: () => maxKb,
    sampleRss,
    lag,
    stats,
    stop: async () => {
      if (exited) return;
      child.disconnect();
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const t = setTimeout(() => killTree(child.pid!), 3000);
      await gone;
      clearTimeout(t);
    },
  };
}
