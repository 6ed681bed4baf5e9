import type { TimerState } from './state.js';

export const MINUTE = 60_000;

export const idleTimer = (itemId: string | null, plannedMinutes: number): TimerState => ({
  itemId,
  status: 'idle',
  durationMs: plannedMinutes * MINUTE,
  endsAt: null,
  remainingMs: plannedMinutes * MINUTE,
  runningSince: null,
});

/** Time left on the countdown at server time `serverNow`; negative once time is up. */
export function remainingMs(timer: TimerState, serverNow: number): number {
  // A countdown has an end instant exactly while it runs.
  return timer.endsAt !== null ? timer.endsAt - serverNow : timer.remainingMs;
}

export const isTimeUp = (timer: TimerState, serverNow: number): boolean =>
  timer.status !== 'idle' && remainingMs(timer, serverNow) <= 0;

/** Server time as seen from a client whose clock is `offsetMs` behind the server's. */
export const serverTime = (clientNow: number, offsetMs: number): number => clientNow + offsetMs;

/**
 * Clock offset from one probe: the client sent at `sentAt`, the server answered `serverNow`, the answer arrived at
 * `receivedAt` (both client clock). Assumes the answer was made halfway through the round trip.
 */
export function clockOffset(sentAt: number, serverNow: number, receivedAt: number): { offsetMs: number; rttMs: number } {
  const rttMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: serverNow - (sentAt + rttMs / 2), rttMs };
}

/** "mm:ss" for a countdown; "-mm:ss" past zero. Rounds up so the display reads 0:00 only when time is up. */
export function formatCountdown(ms: number): string {
  // Stryker disable next-line EqualityOperator: at exactly 0 both readings show 0:00
  const negative = ms < 0;
  const totalSeconds = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${negative && totalSeconds > 0 ? '-' : ''}${m}:${String(s).padStart(2, '0')}`;
}

export const start = (t: TimerState, now: number): TimerState => ({
  ...t,
  status: 'running',
  endsAt: now + t.remainingMs,
  runningSince: now,
});

/** Elapsed running time of the current run, for actual-time accounting. */
export const runElapsed = (t: TimerState, now: number): number =>
  t.runningSince !== null ? Math.max(0, now - t.runningSince) : 0;

export const pause = (t: TimerState, now: number): TimerState => ({
  ...t,
  status: 'paused',
  remainingMs: remainingMs(t, now),
  endsAt: null,
  runningSince: null,
});

/** Adds time; once time is up, the extra time counts from now ("five more minutes"), not from the old end. */
export const extend = (t: TimerState, ms: number, now: number): TimerState =>
  t.endsAt !== null
    ? { ...t, durationMs: t.durationMs + ms, endsAt: Math.max(t.endsAt, now) + ms }
    : { ...t, durationMs: t.durationMs + ms, remainingMs: Math.max(t.remainingMs, 0) + ms };
