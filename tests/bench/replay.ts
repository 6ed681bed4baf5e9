/**
 * Replay benchmark: a 10,000-event session built in memory by the real decide and reducer (notes added, edited and
 * moved on a board, a SWOT brainstorm taken through its steps with dots, the agenda moved on, the timer run), laid out
 * once as a replay timeline, then 200 seeks to random seqs. Prints
 *
 *   replay events=10000 load_ms=X seek_p50_ms=X seek_p99_ms=X seek_max_ms=X markers=X board_log_ms=X
 *
 * board_log_ms: the server's work for one board replay of the session (each event shaped for the board, the names the
 * board never drew taken out), without reading the store or sending.
 */
import { replayLog } from '../../server/replayRoutes.js';
import { buildTimeline } from '../../shared/replay/timeline.js';
import { longSession } from '../support/replaySession.js';
import { fmt, max, percentile } from './stats.js';
import { seeded } from '../support/replay.js';

const EVENTS = 10_000;
const SEEKS = 200;

function main(): void {
  const events = longSession(EVENTS).events.slice(0, EVENTS);
  const t0 = performance.now();
  const timeline = buildTimeline(events);
  const loadMs = performance.now() - t0;
  const random = seeded(7);
  const seeks: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const seq = 1 + Math.floor(random() * timeline.last);
    const t = performance.now();
    timeline.stateAt(seq);
    seeks.push(performance.now() - t);
  }
  const t1 = performance.now();
  replayLog('bench', 'board', events);
  const boardLogMs = performance.now() - t1;
  console.log(
    `replay events=${events.length} load_ms=${fmt(loadMs)} seek_p50_ms=${fmt(percentile(seeks, 50))} seek_p99_ms=${fmt(percentile(seeks, 99))} seek_max_ms=${fmt(max(seeks))} markers=${timeline.markers.length} board_log_ms=${fmt(boardLogMs)}`,
  );
}

main();
