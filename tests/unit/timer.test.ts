import { describe, expect, it } from 'vitest';
import { clockOffset, extend, formatCountdown, idleTimer, isTimeUp, pause, remainingMs, runElapsed, serverTime, start } from '../../shared/session/timer.js';

describe('timer arithmetic', () => {
  it('counts down from an absolute end instant', () => {
    const t = start(idleTimer('a', 10), 1_000);
    expect(t.endsAt).toBe(1_000 + 600_000);
    expect(remainingMs(t, 61_000)).toBe(540_000);
  });

  it('shows the same remaining time on a client whose clock is off, once corrected', () => {
    const t = start(idleTimer('a', 5), 100_000);
    const serverNow = 130_000;
    const skewed = serverNow - 42_000; // this phone's clock is 42 s behind
    const { offsetMs } = clockOffset(skewed - 50, serverNow, skewed + 50); // 100 ms round trip
    expect(offsetMs).toBe(42_000);
    expect(remainingMs(t, serverTime(skewed, offsetMs))).toBe(remainingMs(t, serverNow));
    expect(remainingMs(t, skewed)).not.toBe(remainingMs(t, serverNow));
  });

  it('pauses with the remainder and resumes from it', () => {
    let t = start(idleTimer('a', 1), 0);
    t = pause(t, 20_000);
    expect(t).toMatchObject({ status: 'paused', remainingMs: 40_000, endsAt: null });
    expect(remainingMs(t, 999_999)).toBe(40_000);
    t = start(t, 100_000);
    expect(remainingMs(t, 110_000)).toBe(30_000);
  });

  it('extends a running timer; once time is up, the extra time counts from now', () => {
    const t = start(idleTimer('a', 1), 0);
    expect(remainingMs(extend(t, 60_000, 30_000), 30_000)).toBe(90_000);
    expect(isTimeUp(t, 70_000)).toBe(true);
    const late = extend(t, 300_000, 70_000);
    expect(remainingMs(late, 70_000)).toBe(300_000);
    expect(isTimeUp(late, 70_000)).toBe(false);
  });

  it('an idle timer is never up; formats countdowns', () => {
    expect(isTimeUp(idleTimer('a', 0), 10)).toBe(false);
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(500)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-65_000)).toBe('-1:05');
  });
});

describe('timer edge cases the room would notice', () => {
  it('time is up at exactly zero, on a running and on a paused countdown', () => {
    const t = start(idleTimer('a', 1), 0);
    expect(isTimeUp(t, 59_999)).toBe(false);
    expect(isTimeUp(t, 60_000)).toBe(true);
    expect(isTimeUp(pause(t, 60_000), 0)).toBe(true);
    expect(isTimeUp(pause(t, 30_000), 999_999)).toBe(false);
  });

  it('the display shows no minus sign until a whole second has passed zero, and counts whole seconds past it', () => {
    expect(formatCountdown(-1)).toBe('0:00');
    expect(formatCountdown(-999)).toBe('0:00');
    expect(formatCountdown(-1_000)).toBe('-0:01');
    expect(formatCountdown(-1_500)).toBe('-0:01');
    expect(formatCountdown(1_500)).toBe('0:02');
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(59_001)).toBe('1:00');
  });

  it('a probe answered out of order (clock jumped back) counts as no round trip, not a negative one', () => {
    expect(clockOffset(1_000, 5_000, 900)).toEqual({ offsetMs: 4_000, rttMs: 0 });
    expect(clockOffset(1_000, 5_000, 1_200)).toEqual({ offsetMs: 3_900, rttMs: 200 });
    expect(serverTime(1_000, 250)).toBe(1_250);
  });

  it('actual time counts only while running, and never backwards', () => {
    const running = start(idleTimer('a', 10), 10_000);
    expect(runElapsed(running, 25_000)).toBe(15_000);
    expect(runElapsed(running, 5_000)).toBe(0);
    expect(runElapsed(pause(running, 20_000), 25_000)).toBe(0);
    expect(runElapsed(idleTimer('a', 10), 25_000)).toBe(0);
  });

  it('extending a paused countdown that had run out gives the full extra time', () => {
    const over = pause(start(idleTimer('a', 1), 0), 90_000);
    expect(over.remainingMs).toBe(-30_000);
    const extended = extend(over, 5 * 60_000, 90_000);
    expect(extended).toMatchObject({ status: 'paused', remainingMs: 300_000, durationMs: 360_000 });
    expect(extend(pause(start(idleTimer('a', 1), 0), 20_000), 60_000, 20_000).remainingMs).toBe(100_000);
  });

  it('a new countdown is idle with its planned minutes, and starting it records when the run began', () => {
    expect(idleTimer('a', 2)).toEqual({ itemId: 'a', status: 'idle', durationMs: 120_000, endsAt: null, remainingMs: 120_000, runningSince: null });
    expect(start(idleTimer('a', 2), 5_000)).toMatchObject({ status: 'running', endsAt: 125_000, runningSince: 5_000 });
    expect(pause(start(idleTimer('a', 2), 5_000), 6_000)).toMatchObject({ runningSince: null, endsAt: null });
  });
});
