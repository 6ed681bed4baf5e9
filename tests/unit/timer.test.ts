import { describe, expect, it } from 'vitest';
import { clockOffset, extend, formatCountdown, idleTimer, isTimeUp, pause, remainingMs, serverTime, start } from '../../shared/session/timer.js';

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
