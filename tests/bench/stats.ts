/** Small helpers shared by the bench coordinator and its phone workers: clock, percentiles, formatting, loop lag. */
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

/**
 * Absolute time in ms with sub-ms precision, comparable across processes on this machine: the wall clock at process
 * start (microsecond precision) plus the monotonic clock since then.
 */
export const now = (): number => performance.timeOrigin + performance.now();

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same choices. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise<void>((r) => setTimeout(r, ms));

export const fmt = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || !Number.isFinite(n) ? 'NaN' : n.toFixed(digits);

export function percentile(values: ArrayLike<number>, p: number): number | null {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export const max = (values: Iterable<number>): number | null => {
  let m: number | null = null;
  for (const v of values) if (m === null || v > m) m = v;
  return m;
};

export interface LagFigures {
  p50: number;
  p99: number;
  max: number;
  /** Garbage-collection pauses of the main thread in the same window: longest, and total in ms. */
  gcMax: number;
  gcTotal: number;
}

/** Event-loop lag of this process, in ms (the histogram counts whole timer intervals: the resolution is subtracted). */
export class LoopLag {
  private static readonly RES_MS = 2;
  private h: ReturnType<typeof monitorEventLoopDelay> = monitorEventLoopDelay({ resolution: LoopLag.RES_MS });
  private gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      this.gcMax = Math.max(this.gcMax, e.duration);
      this.gcTotal += e.duration;
    }
  });
  private gcMax = 0;
  private gcTotal = 0;

  start(): void {
    this.h.reset();
    this.h.enable();
    this.gcMax = this.gcTotal = 0;
    this.gc.disconnect();
    this.gc.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.h.disable();
    this.gc.disconnect();
  }

  figures(): LagFigures {
    const ms = (ns: number): number => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - LoopLag.RES_MS) : 0);
    return { p50: ms(this.h.percentile(50)), p99: ms(this.h.percentile(99)), max: ms(this.h.max), gcMax: this.gcMax, gcTotal: this.gcTotal };
  }
}

export const lagText = (l: LagFigures): string =>
  `p50=${fmt(l.p50)} p99=${fmt(l.p99)} max=${fmt(l.max)} (gc max=${fmt(l.gcMax)} total=${fmt(l.gcTotal, 0)})`;

export interface Stall {
  /** Absolute time (now()) the stall ended. */
  at: number;
  ms: number;
  /** Main-thread GC pauses inside the stall, ms. */
  gcMs: number;
  /** CPU time of the whole process (all threads) during the stall, ms: about `ms` means busy, far less means starved. */
  cpuMs: number;
}

/** Records event-loop stalls longer than `minMs`, with the GC and CPU time inside each, to tell why it stalled. */
export class StallLog {
  readonly stalls: Stall[] = [];
  private gcs: Array<{ start: number; end: number }> = [];
  private obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.gcs.push({ start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.startTime + e.duration });
    if (this.gcs.length > 500) this.gcs.splice(0, this.gcs.length - 500);
  });
  private timer: NodeJS.Timeout | null = null;

  constructor(private minMs = 100) {}

  start(): void {
    this.obs.observe({ entryTypes: ['gc'] });
    let last = now();
    let cpu = process.cpuUsage();
    this.timer = setInterval(() => {
      const t = now();
      const c = process.cpuUsage();
      const ms = t - last - 10;
      if (ms > this.minMs) {
        let gcMs = 0;
        for (const g of this.gcs) gcMs += Math.max(0, Math.min(g.end, t) - Math.max(g.start, last));
        this.stalls.push({ at: t, ms, gcMs, cpuMs: (c.user - cpu.user + c.system - cpu.system) / 1000 });
      }
      last = t;
      cpu = c;
    }, 10);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.obs.disconnect();
  }
}
