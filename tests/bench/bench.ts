/**
 * Load benchmark: one real server in a child process, one facilitator, N simulated phones in this process, all
 * through the typed SessionClient over loopback websockets.
 *
 *   npm run bench -- --participants 300 --seconds 30 --interval-ms 2000
 *
 * Each phone posts a note every `interval-ms` on average (jittered +-25%); about 1 action in 10 moves one of its own
 * notes to another column instead. The last line printed is the machine-readable summary:
 *
 *   bench participants=N commands=C acked=A lost=L dup=D ack_p50_ms=X ack_p99_ms=X fanout_p99_ms=X rss_mb=X
 *
 * Extra flags:
 *   --join-batch B      phones joining concurrently per ramp step (default 25)
 *   --grace-ms G        wait after the load stops for late answers and deliveries (default 5000)
 *   --tick-ms T         start the server with TICK_MS=T (fan-out coalescing tick; server default otherwise)
 *   --light-clients     diagnostic only: the phones skip the client-side reducer (they still see every event and
 *                       still count duplicates), to measure how much the in-process reducer work distorts the figures.
 *                       The summary line is the same; a progress line says the mode.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { nanoid } from 'nanoid';
import { SessionClient } from '../../client/net/sessionClient.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { keyedGet } from '../../shared/session/keyed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const COLUMNS = ['A', 'B', 'C'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Options

interface Options {
  participants: number;
  seconds: number;
  intervalMs: number;
  joinBatch: number;
  graceMs: number;
  lightClients: boolean;
  /** Passed to the server as TICK_MS (its fan-out coalescing tick); undefined keeps the server default. */
  tickMs?: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { participants: 300, seconds: 30, intervalMs: 2000, joinBatch: 25, graceMs: 5000, lightClients: false };
  const num = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min) throw new Error(`${flag} needs a number >= ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--participants':
        o.participants = Math.floor(num(flag, value(), 1));
        break;
      case '--seconds':
        o.seconds = num(flag, value(), 1);
        break;
      case '--interval-ms':
        o.intervalMs = num(flag, value(), 10);
        break;
      case '--join-batch':
        o.joinBatch = Math.floor(num(flag, value(), 1));
        break;
      case '--grace-ms':
        o.graceMs = num(flag, value(), 0);
        break;
      case '--tick-ms':
        o.tickMs = num(flag, value(), 0);
        break;
      case '--light-clients':
        o.lightClients = true;
        break;
      default:
        throw new Error(`Unknown flag ${a}`);
    }
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const log = (line: string): void => console.log(`[bench] ${line}`);
const fmt = (n: number | null | undefined, digits = 1): string => (n === null || n === undefined || !Number.isFinite(n) ? 'NaN' : n.toFixed(digits));

function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

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

// ---------------------------------------------------------------------------------------------------------------
// The server child process and its resource use (Linux /proc)

const CLK_TCK = 100; // USER_HZ on Linux

function descendants(pid: number): number[] {
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

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** utime + stime of one process, in ms. */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

interface ServerProc {
  url: string;
  child: ChildProcess;
  /** The node process that actually runs the server (the child itself, or a descendant if a wrapper is in between). */
  pid: number;
  stderrTail: string[];
  stop(): Promise<void>;
}

async function startServer(dataDir: string, tickMs: number | undefined): Promise<ServerProc> {
  const port = await freePort();
  // node --import tsx runs the server in this very process (no npx/tsx wrapper), so its pid is the one to measure.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'false', ...(tickMs === undefined ? {} : { TICK_MS: String(tickMs) }) },
    stdio: ['ignore', 'pipe', 'pipe'],
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
      child.kill('SIGKILL');
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
  const tree = descendants(child.pid!);
  const pid = tree.reduce((best, p) => (rssKb(p) > rssKb(best) ? p : best), child.pid!);
  return {
    url,
    child,
    pid,
    stderrTail,
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const t = setTimeout(() => {
        for (const p of descendants(child.pid!).reverse()) {
          try {
            process.kill(p, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }, 3000);
      await gone;
      clearTimeout(t);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement state

interface Tracked {
  kind: 'add' | 'move';
  sentAt: number;
  ackAt?: number;
  ok?: boolean;
  error?: string;
  /** For moves: the seq of the event, known from the acknowledgement. */
  seq?: number;
}

interface Receipt {
  count: number;
  last: number;
}

const tracked = new Map<string, Tracked>(); // command id -> what happened to it
const addReceipts = new Map<string, Receipt>(); // note id -> participants that received its note.added
const moveReceipts = new Map<number, Receipt>(); // seq of a note.moved -> participants that received it
const moveBySeq = new Map<number, string>(); // seq -> move command id (from the ack)
const disconnects = new Map<string, number>(); // reason -> how many phone sockets dropped (and reconnected) for it

/** Counts one phone's receipts; an event whose seq the phone has already passed is not counted again. */
function receive(phone: Phone, events: SessionEvent[], at: number): void {
  for (const e of events) {
    if (e.seq <= phone.seenSeq) continue;
    phone.seenSeq = e.seq;
    let r: Receipt | undefined;
    if (e.type === 'note.added') {
      r = addReceipts.get(e.note.id);
      if (!r) addReceipts.set(e.note.id, (r = { count: 0, last: 0 }));
    } else if (e.type === 'note.moved') {
      r = moveReceipts.get(e.seq);
      if (!r) moveReceipts.set(e.seq, (r = { count: 0, last: 0 }));
    } else continue;
    r.count++;
    r.last = at;
  }
}

/**
 * --light-clients: replace the private `receive` of one phone's client (an own property shadowing the prototype's,
 * in this process only) by one that calls the raw-event listeners and counts duplicates, but skips the reducer.
 * Diagnostic only; the facilitator keeps the real client.
 */
function makeLight(client: SessionClient): void {
  type Internals = { eventListeners: Set<(e: SessionEvent[]) => void>; duplicates: number; snap: { state: { seq: number } } };
  const c = client as unknown as Internals & { receive(events: SessionEvent[]): void };
  let seq = -1;
  c.receive = (events: SessionEvent[]): void => {
    const t0 = performance.now();
    if (seq < 0) seq = c.snap.state.seq;
    for (const fn of c.eventListeners) fn(events);
    for (const e of events) {
      if (e.seq <= seq) c.duplicates++;
      else seq = e.seq;
    }
    receiveCost.ms += performance.now() - t0;
    receiveCost.calls++;
    receiveCost.events += events.length;
  };
}

/** Wraps the client's private `receive` to time it (reducer + listeners), to see how much of this process it takes. */
const receiveCost = { calls: 0, ms: 0, events: 0 };
function instrumentReceive(): void {
  const proto = SessionClient.prototype as unknown as { receive(events: SessionEvent[]): void };
  const original = proto.receive;
  proto.receive = function (this: unknown, events: SessionEvent[]): void {
    const t0 = performance.now();
    original.call(this, events);
    receiveCost.ms += performance.now() - t0;
    receiveCost.calls++;
    receiveCost.events += events.length;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Phones

interface Phone {
  client: SessionClient;
  name: string;
  /** Notes of this phone the server accepted, with their current column. */
  notes: Map<string, string>;
  /** Notes with a move in flight (never two moves of the same note in flight at once). */
  moving: Set<string>;
  timer: NodeJS.Timeout | null;
  /** Highest seq this phone has seen in a raw frame (the bench's own de-duplication, independent of the client). */
  seenSeq: number;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  // A hard bound on the whole run, whatever happens: joins, load, grace, shutdown.
  const hardLimitMs = 120_000 + o.participants * 200 + o.seconds * 1000 + o.graceMs;
  const hardStop = setTimeout(() => {
    console.error(`[bench] hard time limit (${Math.round(hardLimitMs / 1000)} s) reached, exiting`);
    process.exit(1);
  }, hardLimitMs);
  hardStop.unref();

  instrumentReceive();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ft-bench-'));
  log(
    `participants=${o.participants} seconds=${o.seconds} interval_ms=${o.intervalMs} join_batch=${o.joinBatch} tick_ms=${o.tickMs ?? 'server default'} ` +
      `clients=${o.lightClients ? 'light (no reducer: diagnostic)' : 'full SessionClient'} cores=${os.cpus().length}`,
  );
  const server = await startServer(dataDir, o.tickMs);
  log(`server pid=${server.pid} on ${server.url} (data in ${dataDir})`);

  let maxRssKb = rssKb(server.pid);
  const sampleRss = (): number => {
    const kb = rssKb(server.pid);
    if (kb > maxRssKb) maxRssKb = kb;
    return kb;
  };
  const rssTimer = setInterval(sampleRss, 1000);

  const phones: Phone[] = [];
  let facilitator: SessionClient | null = null;
  let exitCode = 0;
  try {
    // ---- session + board item, as the facilitator
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench' }),
    });
    if (!res.ok) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
    const session = (await res.json()) as { sessionId: string; joinCode: string; facilitatorKey: string };
    facilitator = new SessionClient({ url: server.url, transports: ['websocket'] });
    const fj = await facilitator.join({ role: 'facilitator', sessionId: session.sessionId, facilitatorKey: session.facilitatorKey });
    if (!fj.ok) throw new Error(`facilitator join: ${fj.error.message}`);
    const added = await facilitator.send({
      type: 'agenda.addItem',
      payload: { item: { title: 'Board', plannedMinutes: 30, moduleType: 'board', columns: [...COLUMNS] } },
    });
    if (!added.ok) throw new Error(`agenda.addItem: ${added.error.message}`);
    for (let i = 0; i < 100 && !facilitator.snap.state.agenda[0]; i++) await sleep(20);
    const itemId = facilitator.snap.state.agenda[0]?.id;
    if (!itemId) throw new Error('the board item never reached the facilitator');
    log(`session ${session.sessionId} code ${session.joinCode}, board item ${itemId}`);

    // ---- join ramp, in batches
    const joinStart = performance.now();
    const joinLatencies: number[] = [];
    let joinFailures = 0;
    for (let i = 0; i < o.participants; i += o.joinBatch) {
      const batch: Promise<void>[] = [];
      for (let j = i; j < Math.min(o.participants, i + o.joinBatch); j++) {
        const name = `Phone ${j + 1}`;
        const client = new SessionClient({ url: server.url, transports: ['websocket'] });
        if (o.lightClients) makeLight(client);
        const phone: Phone = { client, name, notes: new Map(), moving: new Set(), timer: null, seenSeq: 0 };
        client.onEvents((events) => receive(phone, events, performance.now()));
        client.socket.on('disconnect', (reason) => {
          disconnects.set(reason, (disconnects.get(reason) ?? 0) + 1);
        });
        phones.push(phone);
        const t0 = performance.now();
        batch.push(
          client.join({ role: 'participant', joinCode: session.joinCode, name }).then((r) => {
            if (r.ok) joinLatencies.push(performance.now() - t0);
            else {
              joinFailures++;
              log(`join failed for ${name}: ${r.error.code} ${r.error.message}`);
            }
          }),
        );
      }
      await Promise.all(batch);
      if ((i / o.joinBatch) % Math.max(1, Math.round(200 / o.joinBatch)) === 0 || i + o.joinBatch >= o.participants)
        log(`joined ${Math.min(o.participants, i + o.joinBatch)}/${o.participants}`);
    }
    const joinMs = performance.now() - joinStart;
    log(
      `join ramp: ${fmt(joinMs / 1000)} s, join p50=${fmt(percentile(joinLatencies, 50))} ms ` +
        `p99=${fmt(percentile(joinLatencies, 99))} ms, failures=${joinFailures}, server rss=${fmt(sampleRss() / 1024)} MB`,
    );
    // Let the join storm's presence/participant frames settle before measuring.
    await sleep(1000);
    const receivers = phones.filter((p) => p.client.snap.participantId).length;

    // ---- load
    const LAG_RES_MS = 2; // the histogram records whole timer intervals: subtract the resolution to get the lag
    const loop = monitorEventLoopDelay({ resolution: LAG_RES_MS });
    const lag = (ns: number): number => Math.max(0, ns / 1e6 - LAG_RES_MS);
    loop.enable();
    const cpu0 = process.cpuUsage();
    const serverCpu0 = cpuMs(server.pid);
    const receive0 = { ...receiveCost };
    const loadStart = performance.now();
    const loadEnd = loadStart + o.seconds * 1000;
    let sent = 0;
    let stopped = false;

    const act = (p: Phone): void => {
      const moveable = [...p.notes.keys()].filter((id) => !p.moving.has(id));
      if (moveable.length && Math.random() < 0.1) {
        const noteId = moveable[Math.floor(Math.random() * moveable.length)]!;
        const from = p.notes.get(noteId)!;
        const others = COLUMNS.filter((c) => c !== from);
        const column = others[Math.floor(Math.random() * others.length)]!;
        const id = nanoid();
        const t: Tracked = { kind: 'move', sentAt: performance.now() };
        tracked.set(id, t);
        p.moving.add(noteId);
        sent++;
        void p.client.send({ type: 'note.move', payload: { noteId, column } }, id).then((r) => {
          t.ackAt = performance.now();
          t.ok = r.ok;
          p.moving.delete(noteId);
          if (r.ok) {
            t.seq = r.seq;
            moveBySeq.set(r.seq, id);
            p.notes.set(noteId, column);
          } else t.error = r.error.code;
        });
      } else {
        const column = COLUMNS[Math.floor(Math.random() * COLUMNS.length)]!;
        const id = nanoid(); // the note's id will be this command's id
        const t: Tracked = { kind: 'add', sentAt: performance.now() };
        tracked.set(id, t);
        sent++;
        void p.client
          .send({ type: 'note.add', payload: { itemId, column, text: `${p.name}: idea ${sent} ${nanoid(8)}` } }, id)
          .then((r) => {
            t.ackAt = performance.now();
            t.ok = r.ok;
            if (r.ok) p.notes.set(id, column);
            else t.error = r.error.code;
          });
      }
    };
    const schedule = (p: Phone, delay: number): void => {
      p.timer = setTimeout(() => {
        p.timer = null;
        if (stopped || performance.now() >= loadEnd) return;
        act(p);
        schedule(p, o.intervalMs * (0.75 + Math.random() * 0.5));
      }, delay);
    };
    for (const p of phones) if (p.client.snap.participantId) schedule(p, Math.random() * o.intervalMs);

    const progress = (label: string): void => {
      const acks: number[] = [];
      let acked = 0;
      for (const t of tracked.values()) if (t.ackAt !== undefined) {
        acks.push(t.ackAt - t.sentAt);
        if (t.ok) acked++;
      }
      const elapsed = (performance.now() - loadStart) / 1000;
      log(
        `${label} t=${fmt(elapsed)}s sent=${sent} acked=${acked} pending=${sent - acks.length} ` +
          `ack_p99=${fmt(percentile(acks, 99))}ms loop_lag_p99=${fmt(lag(loop.percentile(99)))}ms ` +
          `server_rss=${fmt(sampleRss() / 1024)}MB notes=${addReceipts.size}`,
      );
    };
    while (performance.now() < loadEnd) {
      await sleep(Math.min(5000, loadEnd - performance.now()));
      progress('load');
    }
    stopped = true;
    for (const p of phones) if (p.timer) clearTimeout(p.timer);
    const loadWallMs = performance.now() - loadStart;
    const cpuLoad = process.cpuUsage(cpu0);
    const serverCpuLoadMs = cpuMs(server.pid) - serverCpu0;
    const lagP50 = lag(loop.percentile(50));
    const lagP99 = lag(loop.percentile(99));
    const lagMax = lag(loop.max);
    loop.disable();
    const receiveLoad = { calls: receiveCost.calls - receive0.calls, ms: receiveCost.ms - receive0.ms, events: receiveCost.events - receive0.events };

    // ---- grace: wait for late answers and deliveries (ends early once everything is in)
    const graceEnd = performance.now() + o.graceMs;
    const complete = (): boolean => {
      for (const [id, t] of tracked) {
        if (t.ackAt === undefined) return false;
        if (!t.ok) continue;
        const r = t.kind === 'add' ? addReceipts.get(id) : moveReceipts.get(t.seq!);
        if (!r || r.count < receivers) return false;
      }
      return true;
    };
    while (performance.now() < graceEnd && !complete()) await sleep(100);
    progress('grace');

    // ---- results
    let acked = 0;
    let rejected = 0;
    let lost = 0;
    const ackLat: number[] = [];
    const fanLat: number[] = [];
    let undelivered = 0; // accepted commands whose event did not reach every participant
    const rejections = new Map<string, number>();
    for (const [id, t] of tracked) {
      if (t.ackAt === undefined) {
        lost++;
        continue;
      }
      ackLat.push(t.ackAt - t.sentAt);
      if (!t.ok) {
        rejected++;
        rejections.set(t.error ?? '?', (rejections.get(t.error ?? '?') ?? 0) + 1);
        continue;
      }
      acked++;
      const r = t.kind === 'add' ? addReceipts.get(id) : moveReceipts.get(t.seq!);
      if (!r || r.count < receivers) undelivered++;
      else fanLat.push(r.last - t.sentAt);
    }
    const dup = phones.reduce((n, p) => n + p.client.duplicates, 0) + (facilitator?.duplicates ?? 0);
    const moves = [...tracked.values()].filter((t) => t.kind === 'move').length;
    // Over-delivery (an event received more often than there are participants) would show up here.
    let overDelivered = 0;
    for (const r of addReceipts.values()) if (r.count > receivers) overDelivered++;
    for (const r of moveReceipts.values()) if (r.count > receivers) overDelivered++;

    const benchCpuPct = ((cpuLoad.user + cpuLoad.system) / 1000 / loadWallMs) * 100;
    const serverCpuPct = (serverCpuLoadMs / loadWallMs) * 100;
    log(
      `load phase: ${fmt(loadWallMs / 1000)} s, ${fmt((sent / loadWallMs) * 1000)} commands/s (${moves} moves), ` +
        `${fmt(((acked * receivers) / loadWallMs) * 1000, 0)} deliveries/s to ${receivers} phones`,
    );
    log(
      `cpu during load (100% = one core): server=${fmt(serverCpuPct, 0)}% bench=${fmt(benchCpuPct, 0)}% ` +
        `of which SessionClient.receive (reducer+listeners)=${fmt((receiveLoad.ms / loadWallMs) * 100, 0)}% ` +
        `(${receiveLoad.calls} frames, ${receiveLoad.events} events, ${fmt(receiveLoad.ms / Math.max(1, receiveLoad.calls), 3)} ms/frame)`,
    );
    log(`bench event-loop lag during load: p50=${fmt(lagP50)} ms p99=${fmt(lagP99)} ms max=${fmt(lagMax)} ms`);
    log(
      `rejected=${rejected}${rejections.size ? ` (${[...rejections].map(([k, v]) => `${k}:${v}`).join(' ')})` : ''} ` +
        `undelivered=${undelivered} over_delivered=${overDelivered} fanout_p50=${fmt(percentile(fanLat, 50))}ms ` +
        `ack_max=${fmt(ackLat.length ? Math.max(...ackLat) : null)}ms fanout_max=${fmt(fanLat.length ? Math.max(...fanLat) : null)}ms`,
    );
    if (!o.lightClients) {
      // End-state consistency: every phone's own state should hold every accepted note, in its last column.
      const expected = [...tracked].filter(([, t]) => t.kind === 'add' && t.ok).map(([id]) => id);
      const head = facilitator.snap.state.seq;
      let diverged = 0;
      let missing = 0;
      let atHeadDiverged = 0;
      let atHeadMissing = 0;
      for (const p of phones) {
        const notes = p.client.snap.state.notes;
        const miss = expected.filter((id) => !keyedGet(notes, id)).length;
        if (miss) diverged++;
        missing += miss;
        // A phone that reached the head seq but misses notes skipped events for good (a gap), it is not just late.
        if (miss && p.client.snap.state.seq >= head) {
          atHeadDiverged++;
          atHeadMissing += miss;
        }
      }
      log(
        `end state (head seq ${head}): ${diverged} of ${phones.length} phones miss accepted notes (${missing} in total); ` +
          `${atHeadDiverged} of them are at the head seq yet miss ${atHeadMissing} notes (skipped for good)`,
      );
    }
    const drops = [...disconnects].filter(([reason]) => reason !== 'io client disconnect');
    log(`phone disconnects during the run: ${drops.length ? drops.map(([k, v]) => `${k}:${v}`).join(' ') : 'none'}`);
    if (server.stderrTail.length) log(`server stderr (tail):\n${server.stderrTail.slice(-10).join('\n')}`);

    console.log(
      `bench participants=${o.participants} commands=${sent} acked=${acked} lost=${lost} dup=${dup} ` +
        `ack_p50_ms=${fmt(percentile(ackLat, 50))} ack_p99_ms=${fmt(percentile(ackLat, 99))} ` +
        `fanout_p99_ms=${fmt(percentile(fanLat, 99))} rss_mb=${fmt(maxRssKb / 1024)}`,
    );
  } catch (e) {
    console.error('[bench] failed:', e);
    if (server.stderrTail.length) console.error(server.stderrTail.join('\n'));
    exitCode = 1;
  } finally {
    clearInterval(rssTimer);
    for (const p of phones) p.client.close();
    facilitator?.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  // Sockets of 1000 clients can keep the loop alive for a while; the run is over.
  process.exit(exitCode);
}

void main();
