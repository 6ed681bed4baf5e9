/**
 * One load-bench run (bench.ts and chaos.ts start it): the server process(es) (cluster.ts), the facilitator here,
 * the simulated phones in worker processes (phones.ts), the join ramp, the load, the grace period and the figures
 * (summary.ts). Resolves with the exit status.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionClient } from '../../client/net/sessionClient.js';
import type { BenchOptions } from './args.js';
import { startServers, type ServerGroup } from './cluster.js';
import type { StatsReply } from './ipc.js';
import { merge } from './results.js';
import { cpuMs, CpuMeter, machineCpuMs } from './server.js';
import { killOne } from './chaosKill.js';
import { printSummary } from './summary.js';
import { fmt, lagText, LoopLag, max, now, percentile, sleep } from './stats.js';
import { Worker } from './workers.js';

const COLUMNS = ['A', 'B', 'C'];
const log = (line: string): void => console.log(`[bench] ${line}`);

export async function runBench(o: BenchOptions): Promise<number> {
  const workerFlags = [
    ...(o.heapMb ? [`--max-old-space-size=${o.heapMb}`] : []),
    ...(o.semiSpaceMb ? [`--max-semi-space-size=${o.semiSpaceMb}`] : []),
  ];
  // A hard bound on the whole run, whatever happens: joins, load, grace, shutdown.
  const hardLimitMs = 120_000 + o.participants * 200 + o.seconds * 1000 + o.graceMs;
  const hardStop = setTimeout(() => {
    console.error(`[bench] hard time limit (${Math.round(hardLimitMs / 1000)} s) reached, exiting`);
    process.exit(1); // the workers exit when their IPC channel closes; the servers are killed on 'exit' below
  }, hardLimitMs);
  hardStop.unref();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ft-bench-'));
  log(
    `participants=${o.participants} seconds=${o.seconds} interval_ms=${o.intervalMs} join_batch=${o.joinBatch} workers=${o.workers} tick_ms=${o.tickMs ?? 'server default'} cores=${os.cpus().length} measure_every=${o.measureEvery}` +
      (o.processes > 1 ? ` processes=${o.processes} full_every=${o.fullEvery}${o.seed === undefined ? '' : ` seed=${o.seed}`}` : ''),
  );
  let group: ServerGroup | null = null;
  const workers: Worker[] = [];
  let facilitator: SessionClient | null = null;
  let exitCode: number;
  process.once('exit', () => group?.servers.forEach((s) => !s.child.killed && s.child.kill('SIGKILL')));
  // Ctrl-C: the servers stopped and the run's PostgreSQL schema dropped before leaving.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void (group?.stop() ?? Promise.resolve()).finally(() => process.exit(1)));
  try {
    // --expose-gc: the heap per phone is measured after a full GC. BENCH_SERVER_NODE_FLAGS adds more (e.g. --cpu-prof).
    const serverFlags = ['--expose-gc', ...(process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])];
    const g = (group = await startServers(o.processes, dataDir, o.tickMs, serverFlags));
    const single = o.processes === 1;
    if (single) log(`server pid=${g.servers[0]!.pid} on ${g.servers[0]!.url} (data in ${dataDir})`);
    else log(`servers on PostgreSQL (schema ${g.schema}) and Redis: ${g.servers.map((s, i) => `${g.names[i]} pid=${s.pid} ${s.url}`).join(', ')}`);
    const srv = g.servers[0]!; // the facilitator's
    const rssTimer = setInterval(() => g.sampleRss(), 1000);
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
    const urls = g.servers.map((s) => s.url);
    await all((w) =>
      w.ask({ type: 'setup', urls, joinCode: session.joinCode, itemId, intervalMs: o.intervalMs, fullEvery: o.fullEvery, measureEvery: o.measureEvery, seed: o.seed === undefined ? undefined : o.seed * 1000 + w.index }),
    );

    // ---- join ramp, in batches of join-batch phones over all workers (phone n goes to worker n % W)
    const serverCpu = (): number[] => g.servers.map((_, i) => g.cpuMs(i));
    const serverPctText = (label: string, since: number[], pct: (ms: number) => string): string =>
      single ? `${label}=${pct(g.cpuMs(0) - since[0]!)}` : g.names.map((n, i) => `${n}=${pct(g.cpuMs(i) - since[i]!)}`).join(' ');
    const heapBefore = await g.heapUsed();
    // The heap after the first batch: what the first joins set up once (compiled code, lazily built schemas and
    // tables) is not a cost of each phone; the phones after them are measured against it (heap_per_phone_kb).
    let heapWarm: { heap: number; phones: number } | null = null;
    let warmStatsMs = 0;
    const joinCpu0 = { server: serverCpu(), workers: workers.map((w) => cpuMs(w.pid)), machine: machineCpuMs() };
    const joinStart = now();
    const joinLatencies: number[] = [];
    let joinFailures = 0;
    let joinRetries = 0;
    for (let i = 0; i < o.participants; i += o.joinBatch) {
      if (i === o.joinBatch) {
        const t = now();
        const heap = await g.heapUsed();
        heapWarm = heap === null ? null : { heap, phones: joinLatencies.length };
        warmStatsMs = now() - t;
      }
      const batch = Array.from({ length: Math.min(o.joinBatch, o.participants - i) }, (_, k) => i + k + 1);
      const replies = await all((w) => w.ask({ type: 'join', phones: batch.filter((n) => n % o.workers === w.index) }));
      for (const r of replies) {
        joinLatencies.push(...r.latencies);
        joinFailures += r.failures.length;
        joinRetries += r.retries;
        for (const f of r.failures) log(`join failed for ${f}`);
      }
      if ((i / o.joinBatch) % Math.max(1, Math.round(200 / o.joinBatch)) === 0 || i + o.joinBatch >= o.participants)
        log(`joined ${Math.min(o.participants, i + o.joinBatch)}/${o.participants}`);
    }
    const joinSeconds = (now() - joinStart - warmStatsMs) / 1000; // less the full GC of the warm-up measure
    const joinPct = (ms: number): string => `${fmt(ms / joinSeconds / 10, 0)}%`;
    log(
      `cpu during joins (100% = one core): ${serverPctText('server', joinCpu0.server, joinPct)} ` +
        workers.map((w, i) => `w${i}=${joinPct(cpuMs(w.pid) - joinCpu0.workers[i]!)}`).join(' ') +
        ` machine busy=${joinPct(machineCpuMs().busy - joinCpu0.machine.busy)} of ${os.cpus().length * 100}%`,
    );
    // The servers' heap after a full GC after the joins: less the heap after the first batch, over the phones that
    // joined since (heap_per_phone_kb); and less the heap before any join, over all phones (the warm-up included).
    const heapAfter = await g.heapUsed();
    const perPhoneKb = (from: number | null, phones: number): number =>
      from !== null && heapAfter !== null && phones > 0 ? (heapAfter - from) / 1024 / phones : NaN;
    const heapWithWarmupKb = perPhoneKb(heapBefore, joinLatencies.length);
    const heapPerPhoneKb = heapWarm ? perPhoneKb(heapWarm.heap, joinLatencies.length - heapWarm.phones) : heapWithWarmupKb;
    const rssNow = (): string => fmt(g.servers.reduce((n, s) => n + s.sampleRss(), 0) / 1024);
    log(
      `join ramp: ${fmt(joinSeconds)} s, join p50=${fmt(percentile(joinLatencies, 50))} ms p99=${fmt(percentile(joinLatencies, 99))} ms, ` +
        `failures=${joinFailures}${joinRetries ? ` (after ${joinRetries} joins tried again)` : ''}, server rss=${rssNow()} MB, ` +
        `heap (after GC) per phone after the first ${heapWarm ? `${heapWarm.phones} (warm-up)` : 'batch: no second batch, the warm-up included'}=` +
        `${fmt(heapPerPhoneKb)} KB, per phone from the first=${fmt(heapWithWarmupKb)} KB`,
    );
    await sleep(1000); // let the join storm's presence/participant frames settle before measuring

    // ---- load
    const meters = { server: g.servers.map((s, i) => new CpuMeter(s.pid, () => g.cpuMs(i))), workers: workers.map((w) => new CpuMeter(w.pid)) };
    const cpu0 = { server: serverCpu(), workers: workers.map((w) => cpuMs(w.pid)), self: process.cpuUsage(), machine: machineCpuMs() };
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
    await g.lag(true);
    const loadStart = now();
    const loadEnd = loadStart + o.seconds * 1000;
    const started = await all((w) => w.ask({ type: 'start', sentAt: now(), loadEndAt: loadEnd }));
    log(`start reached the workers after ${started.map((s) => fmt(s.receivedAt - loadStart, 2)).join(' / ')} ms (cross-process clock check: >= 0 and small)`);
    const chaos = o.chaos ? killOne(g, o.chaos, loadStart, log) : Promise.resolve(null);

    const progress = async (label: string): Promise<StatsReply[]> => {
      const [stats, lags] = await Promise.all([all((w) => w.ask({ type: 'stats' })), g.lag()]);
      const sum = (f: (s: StatsReply) => number): number => stats.reduce((n, s) => n + f(s), 0);
      const serverText = g.servers
        .map((_, i) => `${single ? 'server' : g.names[i]} cpu=${fmt(meters.server[i]!.pct(), 0)}%${single ? ` rss=${rssNow()}MB` : ''} lag ${lags[i] ? lagText(lags[i].sinceLast) : '?'}`)
        .join(' | ');
      log(
        `${label} t=${fmt((now() - loadStart) / 1000)}s sent=${sum((s) => s.sent)} acked=${sum((s) => s.accepted)} pending=${sum((s) => s.sent - s.answered)} ` +
          `ack_p99<=${fmt(max(stats.map((s) => s.ackP99 ?? NaN)))}ms | ${machinePct()} | ${serverText}${single ? '' : ` rss=${rssNow()}MB`} | ` +
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
    const serverMs = g.servers.map((_, i) => g.cpuMs(i) - cpu0.server[i]!);
    const ours = [...serverMs, ...workers.map((w, i) => cpuMs(w.pid) - cpu0.workers[i]!), selfCpu];
    const machine = machineCpuMs();
    const cpuLine =
      `cpu during load (100% = one core): ${serverPctText('server', cpu0.server, cpuPct)} ` +
      workers.map((_, i) => `w${i}=${cpuPct(ours[g.servers.length + i]!)}`).join(' ') +
      ` coordinator=${cpuPct(selfCpu)} | machine busy=${cpuPct(machine.busy - cpu0.machine.busy)} of ${os.cpus().length * 100}% ` +
      `(other processes ${cpuPct(machine.busy - cpu0.machine.busy - ours.reduce((a, b) => a + b, 0))}) steal=${cpuPct(machine.steal - cpu0.machine.steal)}`;
    const serverLoadLag = await g.lag();
    const processesLine = await g.line(cpu0.server, loadWallMs); // after the lag: it asks for a full GC
    selfLag.stop();
    const killed = await chaos; // the killed process is back before the grace period

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
    const expected = m.commands.filter((c) => c.kind === 'add' && c.ok).map((c) => c.id);
    const head = fac.snap.state.seq;
    const checks = await all((w) => w.ask({ type: 'check', expected, head }));
    exitCode = await printSummary({
      o, g, m, fac, log, loadWallMs, loadStart, cpuLine, processesLine, serverLoadLag, workerLag, selfLag: selfLag.figures(),
      replies, checks, expected: expected.length, head, joinSeconds, joinFailures, heapPerPhoneKb, sessionId: session.sessionId, killed,
    });
  } catch (e) {
    console.error('[bench] failed:', e);
    for (const s of group?.servers ?? []) if (s.stderrTail.length) console.error(s.stderrTail.join('\n'));
    exitCode = 1;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    facilitator?.close();
    await group?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return exitCode;
}
