import type { TimerState } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';

/** Start, pause, resume, extend and reset the current item's countdown. */
export function TimerControls({ timer, disabled }: { timer: TimerState; disabled?: boolean }) {
  const running = timer.status === 'running';
  return (
    <div className="button-row" role="group" aria-label="Timer">
      {timer.status === 'idle' && (
        <button type="button" className="primary" disabled={disabled} onClick={() => void sendCommand({ type: 'timer.start', payload: {} })}>
          Start timer
        </button>
      )}
      {running && (
        <button type="button" className="primary" disabled={disabled} onClick={() => void sendCommand({ type: 'timer.pause', payload: {} })}>
          Pause timer
        </button>
      )}
      {timer.status === 'paused' && (
        <button type="button" className="primary" disabled={disabled} onClick={() => void sendCommand({ type: 'timer.resume', payload: {} })}>
          Resume timer
        </button>
      )}
      <button type="button" disabled={disabled} onClick={() => void sendCommand({ type: 'timer.extend', payload: { minutes: 1 } })}>
        Add 1 minute
      </button>
      <button type="button" disabled={disabled} onClick={() => void sendCommand({ type: 'timer.extend', payload: { minutes: 5 } })}>
        Add 5 minutes
      </button>
      <button type="button" disabled={disabled} onClick={() => void sendCommand({ type: 'timer.reset', payload: {} })}>
        Reset timer
      </button>
    </div>
  );
}
