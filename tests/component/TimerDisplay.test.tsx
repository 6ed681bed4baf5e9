// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { TimerDisplay } from '../../client/components/TimerDisplay.js';
import type { TimerState } from '../../shared/session/state.js';

const MIN = 60_000;
const CLIENT_NOW = Date.UTC(2026, 0, 1, 9, 0, 0);

const running = (endsAt: number): TimerState => ({
  itemId: 'item1',
  status: 'running',
  durationMs: 10 * MIN,
  endsAt,
  remainingMs: 10 * MIN,
  runningSince: endsAt - 10 * MIN,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(CLIENT_NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const timerText = () => screen.getByRole('timer').textContent ?? '';

describe('TimerDisplay', () => {
  it('counts down a running timer from server time, not the device clock', () => {
    // The server clock is 30 s ahead of this device; the countdown ends 5 minutes after server-now.
    const offsetMs = 30_000;
    render(<TimerDisplay timer={running(CLIENT_NOW + offsetMs + 5 * MIN)} offsetMs={offsetMs} />);
    expect(timerText()).toBe('5:00');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toMatch(/5:00/);
    act(() => vi.advanceTimersByTime(61_000));
    expect(timerText()).toBe('3:59');
  });

  it('two screens with different clocks show the same countdown', () => {
    const endsAt = CLIENT_NOW + 2 * MIN;
    // Device B's clock runs 45 s slow; its measured offset to the server corrects for that.
    const deviceBClock = () => Date.now() - 45_000;
    const offsetB = 45_000;
    render(
      <>
        <TimerDisplay timer={running(endsAt)} offsetMs={0} />
        <TimerDisplay timer={running(endsAt)} now={() => deviceBClock() + offsetB} />
      </>,
    );
    const [a, b] = screen.getAllByRole('timer');
    expect(a!.textContent).toBe('2:00');
    expect(b!.textContent).toBe('2:00');
  });

  it('a skewed offset changes what is shown', () => {
    render(<TimerDisplay timer={running(CLIENT_NOW + 2 * MIN)} offsetMs={60_000} />);
    expect(timerText()).toBe('1:00');
  });

  it('shows the remaining time of a paused timer and does not move', () => {
    const paused: TimerState = { ...running(0), status: 'paused', endsAt: null, runningSince: null, remainingMs: 95_000 };
    render(<TimerDisplay timer={paused} offsetMs={12_345} />);
    expect(timerText()).toContain('1:35');
    expect(timerText()).toContain('Paused');
    act(() => vi.advanceTimersByTime(10_000));
    expect(timerText()).toContain('1:35');
    expect(timerText()).not.toContain('Time is up');
  });

  it('says Time is up once the countdown is past zero', () => {
    const now = vi.fn(() => CLIENT_NOW + 5_000);
    render(<TimerDisplay timer={running(CLIENT_NOW + 2_000)} now={now} />);
    expect(timerText()).toContain('-0:03');
    expect(timerText()).toContain('Time is up');
    expect(screen.getByRole('timer').getAttribute('aria-label')).toMatch(/time is up/i);
  });

  it('turns to Time is up while running and calls onTimeUp exactly once', () => {
    const onTimeUp = vi.fn();
    render(<TimerDisplay timer={running(CLIENT_NOW + 1_000)} onTimeUp={onTimeUp} />);
    expect(timerText()).toBe('0:01');
    act(() => vi.advanceTimersByTime(1_250));
    expect(timerText()).toContain('Time is up');
    act(() => vi.advanceTimersByTime(3_000));
    expect(onTimeUp).toHaveBeenCalledTimes(1);
  });

  it('does not beep for a timer that was already up long before it was shown', () => {
    const onTimeUp = vi.fn();
    render(<TimerDisplay timer={running(CLIENT_NOW - 5 * MIN)} onTimeUp={onTimeUp} />);
    act(() => vi.advanceTimersByTime(1_000));
    expect(timerText()).toContain('Time is up');
    expect(onTimeUp).not.toHaveBeenCalled();
  });

  it('an idle timer shows its full duration and is not up', () => {
    const idle: TimerState = { ...running(0), status: 'idle', endsAt: null, runningSince: null, remainingMs: 10 * MIN };
    render(<TimerDisplay timer={idle} />);
    expect(timerText()).toContain('10:00');
    expect(timerText()).not.toContain('Time is up');
  });
});
