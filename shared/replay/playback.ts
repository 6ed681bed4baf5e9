import type { Timeline } from './timeline.js';

/** The speeds a replay plays at: real time up to 32 times faster. */
export const REPLAY_SPEEDS = [1, 2, 4, 8, 16, 32] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** A quiet stretch longer than this (session time) is skipped while playing: nobody waits through a lunch break. */
export const QUIET_SKIP_MS = 60_000;

/** Where a playing replay stands: the session time it shows, and the last event at or before it. */
export interface Playhead {
  clock: number;
  seq: number;
}

/** The playhead at an event: its own time. */
export const playheadAt = (t: Timeline, seq: number): Playhead => ({ seq, clock: t.atOf(seq) });

/**
 * The playhead `elapsedMs` of wall time later at `speed`. A quiet stretch longer than QUIET_SKIP_MS jumps to just
 * before the next event; the end of the log stops at the last event.
 */
export function advance(t: Timeline, from: Playhead, elapsedMs: number, speed: number): Playhead {
  let clock = from.clock + Math.max(0, elapsedMs) * speed;
  const next = t.nextAt(from.seq);
  if (next === null) return { seq: t.last, clock: Math.min(clock, t.atOf(t.last)) };
  if (next - from.clock > QUIET_SKIP_MS && clock < next) clock = Math.max(clock, next - 1_000);
  return { clock, seq: Math.max(from.seq, t.seqAtTime(clock)) };
}

/** Whether the playhead is at the end of the log. */
export const atEnd = (t: Timeline, p: Playhead): boolean => p.seq >= t.last;
