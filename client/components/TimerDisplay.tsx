import { useEffect, useRef } from 'react';
import type { TimerState } from '../../shared/session/state.js';
import { formatCountdown, isTimeUp, remainingMs } from '../../shared/session/timer.js';
import { useTicker } from './useTicker.js';

export interface TimerDisplayProps {
  timer: TimerState;
  /** Server time now. Defaults to this device's clock plus `offsetMs`. */
  now?: () => number;
  /** How far the server clock is ahead of this device's clock. */
  offsetMs?: number;
  size?: 'small' | 'medium' | 'big';
  /** Called once when a running countdown crosses zero while this display watches it. */
  onTimeUp?: () => void;
}

/** How recently the countdown must have crossed zero for `onTimeUp` to fire (not on loading an old timer). */
const JUST_NOW_MS = 2000;

/**
 * The shared countdown. It derives the display from the timer data and server time, so every screen shows the same
 * numbers whatever its own clock says.
 */
export function TimerDisplay({ timer, now, offsetMs = 0, size = 'medium', onTimeUp }: TimerDisplayProps) {
  useTicker(250);
  const t = now ? now() : Date.now() + offsetMs;
  const left = remainingMs(timer, t);
  const up = isTimeUp(timer, t);
  const text = formatCountdown(left);

  const wasUp = useRef(up);
  useEffect(() => {
    if (up && !wasUp.current && timer.status === 'running' && timer.endsAt !== null && t - timer.endsAt < JUST_NOW_MS)
      onTimeUp?.();
    wasUp.current = up;
  });

  const status = timer.status === 'paused' ? 'Paused' : timer.status === 'idle' ? 'Not started' : null;
  const label = up ? `Countdown ${text}, time is up` : `Countdown ${text}${status ? `, ${status.toLowerCase()}` : ''}`;
  return (
    <div role="timer" aria-label={label} className={`timer timer--${size}${up ? ' timer--up' : ''}${text.length > 5 ? ' timer--long' : ''}`}>
      <span className="timer-digits">{text}</span>
      {up ? <span className="timer-up">Time is up</span> : status && <span className="timer-status">{status}</span>}
    </div>
  );
}
