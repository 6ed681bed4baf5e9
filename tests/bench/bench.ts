/**
 * Load benchmark: one real server in a child process, one facilitator (here, in the coordinator), and N simulated
 * phones spread over W worker child processes (phones.ts), all through the typed SessionClient over loopback.
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
 * over the phones that joined after it (the log line before also gives it from before the first join). Extra flags: --join-batch B (phones
 * joining concurrently per ramp step, default 100: a step waits for its slowest phone, so small steps measured the
 * ramp, not the server), --grace-ms G (wait for late answers and deliveries, default 5000), --tick-ms T (server TICK_MS),
 * --worker-heap-mb M (--max-old-space-size of each worker, default 6144), --worker-semi-space-mb S
 * (--max-semi-space-size, default 64), --workers W (default 3: smaller heaps per simulated-phone process, shorter stalls).
 *
 * --full-every N (every Nth phone is the app's full SessionClient, keeping the state for the end-state check; the
 * others are light phones, lightPhone.ts, default 10; 1 makes every phone full).
 *
 * `--soak` runs the memory soak instead (soak.ts): thousands of sessions over time, heap after GC at start and end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionClient } from '../../client/net/sessionClient.js';
import type { StatsReply } from './ipc.js';
import { merge } from './results.js';
import { cpuMs, CpuMeter, machineCpuMs, startServer, type ServerProc } from './server.js';
import { fmt, lagText, LoopLag, max, now, percentile, sleep } from './stats.js';
import { Worker } from './workers.js';
import { runSoak } from './soak.js';

const COLUMNS = ['A', 'B', 'C'];
const log = (line: string): void => console.log(`[bench] ${line}`);

const FLAGS = { 'full-every': 1, participants: 1, seconds: 1, 'interval-ms': 10, 'join-batch': 1, 'grace-ms': 0, 'tick-ms': 0, workers: 1, 'worker-heap-mb': 64, 'worker-semi-space-mb': 0 };
type Flag = keyof typeof FLAGS;

function parseArgs(argv: string[]): Partial<Record<Flag, number>> {
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

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--soak')) return runSoak(argv.filter((x) => x !== '--soak'));
  const a = parseArgs(argv);
  const o = {
    participants: Math.floor(a.participants ?? 300),
    seconds: a.seconds ?? 30,
    intervalMs: a['interval-ms'] ?? 2000,
    joinBatch: Math.floor(a['join-batch'] ?? 100),
    graceMs: a['grace-ms'] ?? 5000,
    tickMs: a['tick-ms'],
    workers: Math.floor(a.workers ?? 3),
    // Every 10th phone keeps the whole state with the app's own client; the others are light (lightPhone.ts).
    fullEvery: Math.floor(a['full-every'] ?? 10),
    heapMb: a['worker-heap-mb'] ?? 6144,
    // A larger young generation: far less promotion of short-lived frames/state copies, about 40% less GC time
    // in the workers at 300 phones (0 = node's default).
    semiSpaceMb: a['worker-semi-space-mb'] ?? 64,
  };
  const workerFlags = [
    ...(o.heapMb ? [`--max-old-space-size=${o.heapMb}`] : []),
    ...(o.semiSpaceMb ? [`--max-semi-space-size=${o.semiSpaceMb}`] : []),
  ];
  // A hard bound on the whole run, whatever happens: joins, load, grace, shutdown.
  const hardLimitMs = 120_000 + o.participants * 200 + o.seconds * 1000 + o.graceMs;
  const hardStop = setTimeout(() => {
    console.error(`[bench] hard time limit (${Math.round(hardLimitMs / 1000)} s) reached, exiting`);
    process.exit(1); // the workers exit when their IPC channel closes; the server is killed on 'exit' below
  }, hardLimitMs);
  hardStop.unref();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ft-bench-'));
  log(`participants=${o.participants} seconds=${o.seconds} interval_ms=${o.intervalMs} join_batch=${o.joinBatch} workers=${o.workers} tick_ms=${o.tickMs ?? 'server default'} cores=${os.cpus().length}`);
  let server: ServerProc | null = null;
  const workers: Worker[] = [];
  let facilitator: SessionClient | null = null;
  let exitCode = 0;
  process.once('exit', () => server && !server.child.killed && server.child.kill('SIGKILL'));
  try {
    // --expose-gc: the heap per phone is measured after a full GC. BENCH_SERVER_NODE_FLAGS adds more (e.g. --cpu-prof).
    const serverFlags = ['--expose-gc', ...(process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])];
    server = await startServer(dataDir, o.tickMs, { nodeFlags: serverFlags });
    const srv = server;
    log(`server pid=${srv.pid} on ${srv.url} (data in ${dataDir})`);
    const rssTimer = setInterval(() => srv.sampleRss(), 1000);
    rssTimer.unref();
    for (let w = 0; w < o.workers; w++) workers.push(new Worker(w, workerFlags));
    log(`workers: ${workers.map((w) => `w${w.index} pid=${w.pid}`).join(' ')} node flags: ${workerFlags.join(' ') || 'none'}`);
    const all = <T>(f: (w: Worker) => Promise<T>): Promise<T[]> => Promise.all(workers.map(f));

    // ---- session + board item, as the facilitator
    const res = await fetch(`${srv.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Bench' }) });
    if (!res.ok) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
    const session = (await res.json()) as { sessionId: string; joinCode: string; facilitatorKey: string };
    const fac = (facilitator = new SessionClient({ url: srv.url, transports: ['websocket'] }));
    const fj = await fac.join({ role: 'facilitator', sessionId: session.sessionId, facilitatorKey: session.facilitatorKey });
    if (!fj.ok) throw new Error(`facilitator join: ${fj.error.message}`);
    const added = await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Board', plannedMinutes: 30, moduleType: 'board', columns: COLUMNS } } });
    if (!added.ok) throw new Error(`agenda.addItem: ${added.error.message}`);
    for (let i = 0; i < 100 && !fac.snap.state.agenda[0]; i++) await sleep(20);
    const itemId = fac.snap.state.agenda[0]?.id;
    if (!itemId) throw new Error('the board item never reached the facilitator');
    log(`session ${session.sessionId} code ${session.joinCode}, board item ${itemId}`);
    await all((w) => w.ask({ type: 'setup', url: srv.url, joinCode: session.joinCode, itemId, intervalMs: o.intervalMs, fullEvery: o.fullEvery }));

    // ---- join ramp, in batches of join-batch phones over all workers (phone n goes to worker n % W)
    const heapBefore = (await srv.stats())?.heapUsed;
    // The heap after the first batch: what the first joins set up once (compiled code, lazily built schemas and
    // tables) is not a cost of each phone; the phones after them are measured against it (heap_per_phone_kb).
    let heapWarm: { heap: number; phones: number } | undefined;
    let warmStatsMs = 0;
    const joinCpu0 = { server: cpuMs(srv.pid), workers: workers.map((w) => cpuMs(w.pid)), machine: machineCpuMs() };
    const joinStart = now();
    const joinLatencies: number[] = [];
    let joinFailures = 0;
    for (let i = 0; i < o.participants; i += o.joinBatch) {
      if (i === o.joinBatch) {
        const t = now();
        const heap = (await srv.stats())?.heapUsed;
        heapWarm = heap === undefined ? undefined : { heap, phones: joinLatencies.length };
        warmStatsMs = now() - t;
      }
      const batch = Array.from({ length: Math.min(o.joinBatch, o.participants - i) }, (_, k) => i + k + 1);
      const replies = await all((w) => w.ask({ type: 'join', phones: batch.filter((n) => n % o.workers === w.index) }));
      for (const r of replies) {
        joinLatencies.push(...r.latencies);
        joinFailures += r.failures.length;
        for (const f of r.failures) log(`join failed for ${f}`);
      }
      if ((i / o.joinBatch) % Math.max(1, Math.round(200 / o.joinBatch)) === 0 || i + o.joinBatch >= o.participants)
        log(`joined ${Math.min(o.participants, i + o.joinBatch)}/${o.participants}`);
    }
    const joinSeconds = (now() - joinStart - warmStatsMs) / 1000; // less the full GC of the warm-up measure
    const joinPct = (ms: number): string => `${fmt(ms / joinSeconds / 10, 0)}%`;
    log(
      `cpu during joins (100% = one core): server=${joinPct(cpuMs(srv.pid) - joinCpu0.server)} ` +
        workers.map((w, i) => `w${i}=${joinPct(cpuMs(w.pid) - joinCpu0.workers[i]!)}`).join(' ') +
        ` machine busy=${joinPct(machineCpuMs().busy - joinCpu0.machine.busy)} of ${os.cpus().length * 100}%`,
    );
    // The server's heap after a full GC after the joins: less the heap after the first batch, over the phones that
    // joined since (heap_per_phone_kb); and less the heap before any join, over all phones (the warm-up included).
    const heapAfter = (await srv.stats())?.heapUsed;
    const perPhoneKb = (from: number | undefined, phones: number): number =>
      from !== undefined && heapAfter !== undefined && phones > 0 ? (heapAfter - from) / 1024 / phones : NaN;
    const heapWithWarmupKb = perPhoneKb(heapBefore, joinLatencies.length);
    const heapPerPhoneKb = heapWarm ? perPhoneKb(heapWarm.heap, joinLatencies.length - heapWarm.phones) : heapWithWarmupKb;
    log(
      `join ramp: ${fmt(joinSeconds)} s, join p50=${fmt(percentile(joinLatencies, 50))} ms p99=${fmt(percentile(joinLatencies, 99))} ms, ` +
        `failures=${joinFailures}, server rss=${fmt(srv.sampleRss() / 1024)} MB, heap (after GC) per phone after the first ` +
        `${heapWarm ? `${heapWarm.phones} (warm-up)` : 'batch: no second batch, the warm-up included'}=${fmt(heapPerPhoneKb)} KB, ` +
        `per phone from the first=${fmt(heapWithWarmupKb)} KB`,
    );
    await sleep(1000); // let the join storm's presence/participant frames settle before measuring

    // ---- load
    const meters = { server: new CpuMeter(srv.pid), workers: workers.map((w) => new CpuMeter(w.pid)) };
    const cpu0 = { server: cpuMs(srv.pid), workers: workers.map((w) => cpuMs(w.pid)), self: process.cpuUsage(), machine: machineCpuMs() };
    let machineLast = { ...cpu0.machine, at: now() };
    /** Machine CPU since the previous call: busy (all processes) and steal, in % of one core. */
    const machinePct = (): string => {
      const m = { ...machineCpuMs(), at: now() };
      const dt = Math.max(1, m.at - machineLast.at);
      const out = `machine busy=${fmt(((m.busy - machineLast.busy) / dt) * 100, 0)}% steal=${fmt(((m.steal - machineLast.steal) / dt) * 100, 0)}%`;
      machineLast = m;
      return out;
    };
    const selfLag = new LoopLag();
    selfLag.start();
    await srv.lag(true);
    const loadStart = now();
    const loadEnd = loadStart + o.seconds * 1000;
    const started = await all((w) => w.ask({ type: 'start', sentAt: now(), loadEndAt: loadEnd }));
    log(`start reached the workers after ${started.map((s) => fmt(s.receivedAt - loadStart, 2)).join(' / ')} ms (cross-process clock check: >= 0 and small)`);

    const progress = async (label: string): Promise<StatsReply[]> => {
      const [stats, lag] = await Promise.all([all((w) => w.ask({ type: 'stats' })), srv.lag()]);
      const sum = (f: (s: StatsReply) => number): number => stats.reduce((n, s) => n + f(s), 0);
      log(
        `${label} t=${fmt((now() - loadStart) / 1000)}s sent=${sum((s) => s.sent)} acked=${sum((s) => s.accepted)} pending=${sum((s) => s.sent - s.answered)} ` +
          `ack_p99<=${fmt(max(stats.map((s) => s.ackP99 ?? NaN)))}ms | ${machinePct()} | server cpu=${fmt(meters.server.pct(), 0)}% rss=${fmt(srv.sampleRss() / 1024)}MB ` +
          `lag ${lag ? lagText(lag.sinceLast) : '?'} | ` +
          stats.map((s, i) => `w${i} cpu=${fmt(meters.workers[i]!.pct(), 0)}% heap=${fmt(s.heapMb, 0)}MB lag ${lagText(s.lag)}`).join(' | '),
      );
      return stats;
    };
    while (now() < loadEnd) {
      await sleep(Math.min(5000, loadEnd - now()));
      await progress('load');
    }
    const loadWallMs = now() - loadStart;
    const cpuPct = (ms: number): string => `${fmt((ms / loadWallMs) * 100, 0)}%`;
    const selfCpu = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu0.self));
    const ours = [cpuMs(srv.pid) - cpu0.server, ...workers.map((w, i) => cpuMs(w.pid) - cpu0.workers[i]!), selfCpu];
    const machine = machineCpuMs();
    const cpuLine =
      `cpu during load (100% = one core): server=${cpuPct(ours[0]!)} ` +
      workers.map((_, i) => `w${i}=${cpuPct(ours[i + 1]!)}`).join(' ') +
      ` coordinator=${cpuPct(selfCpu)} | machine busy=${cpuPct(machine.busy - cpu0.machine.busy)} of ${os.cpus().length * 100}% ` +
      `(other processes ${cpuPct(machine.busy - cpu0.machine.busy - ours.reduce((a, b) => a + b, 0))}) steal=${cpuPct(machine.steal - cpu0.machine.steal)}`;
    const serverLoadLag = (await srv.lag())?.sinceStart;
    selfLag.stop();

    // ---- grace: wait for late answers and deliveries (ends early once every command is answered and every phone
    // has received the highest accepted seq)
    const graceEnd = now() + o.graceMs;
    for (;;) {
      const stats = await progress('grace');
      const answered = stats.every((s) => s.answered === s.sent);
      const delivered = Math.min(...stats.map((s) => s.minSeenSeq)) >= Math.max(...stats.map((s) => s.maxAckSeq));
      if ((answered && delivered) || now() >= graceEnd) break;
      await sleep(200);
    }

    // ---- results
    const replies = await all((w) => w.ask({ type: 'results' }));
    const workerLag = (await all((w) => w.ask({ type: 'stats' }))).map((s) => s.loadLag);
    const m = merge(replies);
    const dup = m.duplicates + fac.duplicates;
    log(`load phase: ${fmt(loadWallMs / 1000)} s, ${fmt((m.commands.length / loadWallMs) * 1000)} commands/s (${m.moves} moves), ${fmt(((m.acked * m.receivers) / loadWallMs) * 1000, 0)} deliveries/s to ${m.receivers} phones`);
    log(cpuLine);
    log(
      `event-loop lag during load: server ${serverLoadLag ? lagText(serverLoadLag) : '?'} ms | ` +
        workerLag.map((l, i) => `w${i} ${lagText(l)} ms`).join(' | ') +
        ` | coordinator ${lagText(selfLag.figures())} ms`,
    );
    for (const [i, r] of replies.entries())
      if (r.stalls.length)
        log(`w${i} stalls > 100 ms (at load time: length, of which main-thread GC, process CPU in it): ${r.stalls.map((st) => `${fmt((st.at - loadStart) / 1000)}s:${fmt(st.ms, 0)}ms gc=${fmt(st.gcMs, 0)} cpu=${fmt(st.cpuMs, 0)}`).join(' ')}`);
    log(
      `rejected=${m.rejected}${m.rejections.size ? ` (${[...m.rejections].map(([k, v]) => `${k}:${v}`).join(' ')})` : ''} undelivered=${m.undelivered} ` +
        `over_delivered=${m.overDelivered} gaps=${m.gaps} fanout_p50=${fmt(percentile(m.fanLat, 50))}ms ack_max=${fmt(max(m.ackLat))}ms fanout_max=${fmt(max(m.fanLat))}ms`,
    );
    // End-state consistency: every phone's own state should hold every accepted note.
    const expected = m.commands.filter((c) => c.kind === 'add' && c.ok).map((c) => c.id);
    const head = fac.snap.state.seq;
    const checks = await all((w) => w.ask({ type: 'check', expected, head }));
    const total = (f: (c: (typeof checks)[number]) => number): number => checks.reduce((n, c) => n + f(c), 0);
    log(
      `end state (head seq ${head}, ${expected.length} accepted notes): ${total((c) => c.diverged)} of ${total((c) => c.checked)} full phones miss accepted notes ` +
        `(${total((c) => c.missing)} in total); ${total((c) => c.atHeadDiverged)} of them are at the head seq yet miss ${total((c) => c.atHeadMissing)} notes (skipped for good)`,
    );
    log(`phone disconnects during the run: ${m.disconnects.size ? [...m.disconnects].map(([k, v]) => `${k}:${v}`).join(' ') : 'none'}`);
    if (srv.stderrTail.length) log(`server stderr (tail):\n${srv.stderrTail.slice(-10).join('\n')}`);

    console.log(
      `bench participants=${o.participants} commands=${m.commands.length} acked=${m.acked} lost=${m.lost} dup=${dup} ` +
        `ack_p50_ms=${fmt(percentile(m.ackLat, 50))} ack_p99_ms=${fmt(percentile(m.ackLat, 99))} ` +
        `fanout_p50_ms=${fmt(percentile(m.fanLat, 50))} fanout_p99_ms=${fmt(percentile(m.fanLat, 99))} rss_mb=${fmt(srv.maxRssKb() / 1024)} ` +
        `server_loop_max_ms=${serverLoadLag ? fmt(serverLoadLag.max) : '?'} join_s=${fmt(joinSeconds)} join_failures=${joinFailures} ` +
        `heap_per_phone_kb=${fmt(heapPerPhoneKb)}`,
    );
  } catch (e) {
    console.error('[bench] failed:', e);
    if (server?.stderrTail.length) console.error(server.stderrTail.join('\n'));
    exitCode = 1;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    facilitator?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

void main();
