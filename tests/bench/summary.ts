/**
 * The load bench's closing lines: what happened during the load, the end-state check, then (several processes)
 * `processes p1_rss_mb=... p1_cpu_pct=...`, and last the `bench participants=...` line; a chaos run adds the store
 * check and ends with `chaos ...`. Returns the exit status (1: the chaos run found a loss or a duplicate).
 */
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { BenchOptions } from './args.js';
import type { Killed } from './chaosKill.js';
import { maxLag, type ServerGroup } from './cluster.js';
import type { CheckReply, ResultsReply } from './ipc.js';
import type { Merged } from './results.js';
import { fmt, lagText, max, percentile, type LagFigures } from './stats.js';

export interface SummaryInput {
  o: BenchOptions;
  g: ServerGroup;
  m: Merged;
  fac: SessionClient;
  log: (line: string) => void;
  loadWallMs: number;
  loadStart: number;
  cpuLine: string;
  processesLine: string;
  serverLoadLag: Array<{ sinceStart: LagFigures } | null>;
  workerLag: LagFigures[];
  selfLag: LagFigures;
  replies: ResultsReply[];
  checks: CheckReply[];
  expected: number;
  head: number;
  joinSeconds: number;
  joinFailures: number;
  heapPerPhoneKb: number;
  sessionId: string;
  killed: Killed | null;
}

export async function printSummary(s: SummaryInput): Promise<number> {
  const { o, g, m, log } = s;
  const dup = m.duplicates + s.fac.duplicates;
  const single = g.servers.length === 1;
  const serverLag = single
    ? (s.serverLoadLag[0] ? lagText(s.serverLoadLag[0].sinceStart) : '?')
    : g.names.map((n, i) => `${n} ${s.serverLoadLag[i] ? lagText(s.serverLoadLag[i].sinceStart) : '?'}`).join(' / ');
  log(`load phase: ${fmt(s.loadWallMs / 1000)} s, ${fmt((m.commands.length / s.loadWallMs) * 1000)} commands/s (${m.moves} moves), ${fmt(((m.acked * (m.receivers + m.skimmers)) / s.loadWallMs) * 1000, 0)} deliveries/s to ${m.receivers + m.skimmers} phones (${m.receivers} measuring the fan-out)`);
  log(s.cpuLine);
  log(
    `event-loop lag during load: server ${serverLag} ms | ` + s.workerLag.map((l, i) => `w${i} ${lagText(l)} ms`).join(' | ') + ` | coordinator ${lagText(s.selfLag)} ms`,
  );
  for (const [i, r] of s.replies.entries())
    if (r.stalls.length)
      log(`w${i} stalls > 100 ms (at load time: length, of which main-thread GC, process CPU in it): ${r.stalls.map((st) => `${fmt((st.at - s.loadStart) / 1000)}s:${fmt(st.ms, 0)}ms gc=${fmt(st.gcMs, 0)} cpu=${fmt(st.cpuMs, 0)}`).join(' ')}`);
  log(
    `rejected=${m.rejected}${m.rejections.size ? ` (${[...m.rejections].map(([k, v]) => `${k}:${v}`).join(' ')})` : ''} undelivered=${m.undelivered} ` +
      `over_delivered=${m.overDelivered} gaps=${m.gaps} fanout_p50=${fmt(percentile(m.fanLat, 50))}ms ack_max=${fmt(max(m.ackLat))}ms fanout_max=${fmt(max(m.fanLat))}ms`,
  );
  // End-state consistency: every phone's own state should hold every accepted note.
  const total = (f: (c: CheckReply) => number): number => s.checks.reduce((n, c) => n + f(c), 0);
  log(
    `end state (head seq ${s.head}, ${s.expected} accepted notes): ${total((c) => c.diverged)} of ${total((c) => c.checked)} full phones miss accepted notes ` +
      `(${total((c) => c.missing)} in total); ${total((c) => c.atHeadDiverged)} of them are at the head seq yet miss ${total((c) => c.atHeadMissing)} notes (skipped for good)`,
  );
  log(`phone disconnects during the run: ${m.disconnects.size ? [...m.disconnects].map(([k, v]) => `${k}:${v}`).join(' ') : 'none'}`);
  for (const [i, srv] of g.servers.entries())
    if (srv.stderrTail.length) log(`${single ? 'server' : g.names[i]} stderr (tail):\n${srv.stderrTail.slice(-10).join('\n')}`);

  if (!single) console.log(s.processesLine);
  const loopMax = maxLag(s.serverLoadLag);
  console.log(
    `bench participants=${o.participants} commands=${m.commands.length} acked=${m.acked} lost=${m.lost} dup=${dup} ` +
      `ack_p50_ms=${fmt(percentile(m.ackLat, 50))} ack_p99_ms=${fmt(percentile(m.ackLat, 99))} ` +
      `fanout_p50_ms=${fmt(percentile(m.fanLat, 50))} fanout_p99_ms=${fmt(percentile(m.fanLat, 99))} rss_mb=${fmt(g.maxRssMb())} ` +
      `server_loop_max_ms=${loopMax === null ? '?' : fmt(loopMax)} join_s=${fmt(s.joinSeconds)} join_failures=${s.joinFailures} ` +
      `heap_per_phone_kb=${fmt(s.heapPerPhoneKb)}` +
      (single ? '' : ` processes=${g.servers.length} interval_ms=${o.intervalMs}`),
  );
  if (!o.chaos || !g.schema) return 0;

  const { checkStore } = await import('./storeCheck.js'); // it loads the tests' PostgreSQL module (a probe)
  const store = await checkStore(g.schema, s.sessionId, m.commands);
  const clientDuplicates = dup + m.overDelivered;
  const duplicates = store.duplicates + clientDuplicates;
  const k = s.killed;
  console.log(
    `chaos processes=${g.servers.length} participants=${o.participants} seed=${o.chaos.seed} killed=${k ? `${k.name} at_s=${fmt(k.atS)} down_s=${fmt(k.downS)}` : 'none'} ` +
      `acked=${store.acked} stored=${store.stored} lost=${store.acked - store.stored} unanswered=${m.lost} note_events=${store.noteEvents} ` +
      `duplicates=${duplicates} store_duplicates=${store.duplicates} client_duplicates=${clientDuplicates}`,
  );
  return store.acked !== store.stored || duplicates > 0 ? 1 : 0;
}
