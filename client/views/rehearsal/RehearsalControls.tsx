import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../store.js';
import { MAX_PACE } from '../../../shared/modules/rehearsal/rehearsal.state.js';
import { rehearsalCall, type RehearsalStatus } from './rehearsalApi.js';

/** How often at most the console reads the rehearsal's status while the simulated room acts. */
export const STATUS_EVERY_MS = 2_000;

/** The console's rehearsal panel: the simulated room's pace, pause and resume, and "drive this step" for the facilitator. */
export function RehearsalControls({ sessionId, facilitatorKey }: { sessionId: string; facilitatorKey: string }) {
  const rehearsal = useSession((s) => s.state.rehearsal === true);
  const seq = useSession((s) => s.state.seq);
  const [status, setStatus] = useState<RehearsalStatus | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [pace, setPace] = useState('');

  const answer = (r: RehearsalStatus | { error: string }) => {
    if ('error' in r) return setSaid(r.error);
    setStatus(r);
    setSaid(null);
  };
  // The room changes with every simulated action (up to 50 a second): its status is read again at most every
  // STATUS_EVERY_MS, once after the last change, never once per event.
  const lastRead = useRef(0);
  useEffect(() => {
    if (!rehearsal) return;
    const read = () => {
      lastRead.current = Date.now();
      void rehearsalCall<RehearsalStatus>(sessionId, facilitatorKey, '').then((r) => ('error' in r ? setStatus(null) : setStatus(r)));
    };
    const id = window.setTimeout(read, Math.max(0, lastRead.current + STATUS_EVERY_MS - Date.now()));
    return () => window.clearTimeout(id);
  }, [rehearsal, sessionId, facilitatorKey, seq]);
  if (!rehearsal) return null;

  const change = async (body: object) => answer(await rehearsalCall<RehearsalStatus>(sessionId, facilitatorKey, '', body));
  const drive = async () => {
    const r = await rehearsalCall<{ step: string }>(sessionId, facilitatorKey, '/drive', {});
    setSaid('error' in r ? r.error : `The rehearsal took the step (${r.step}).`);
  };

  return (
    <section className="card stack rehearsal-controls" aria-labelledby="rehearsal-heading">
      <h2 id="rehearsal-heading">Rehearsal</h2>
      {status ? (
        <>
          <p className="muted">
            {status.participants} simulated participants, {status.pace} actions a minute each{status.paused ? ', paused' : ''}; {status.actions} {status.actions === 1 ? 'action' : 'actions'} so far.
          </p>
          <form
            className="button-row"
            onSubmit={(e) => {
              e.preventDefault();
              void change({ pace: Number(pace) });
            }}
          >
            <label htmlFor="rehearsal-pace">Pace (1 to {MAX_PACE} a minute)</label>
            <input id="rehearsal-pace" type="number" min={1} max={MAX_PACE} value={pace} placeholder={String(status.pace)} onChange={(e) => setPace(e.target.value)} />
            <button type="submit">Set pace</button>
          </form>
          <div className="button-row">
            <button type="button" onClick={() => void change({ paused: !status.paused })}>
              {status.paused ? 'Resume the simulated participants' : 'Pause the simulated participants'}
            </button>
            <button type="button" onClick={() => void drive()}>
              Let the rehearsal drive this step
            </button>
          </div>
        </>
      ) : (
        <p className="muted">The simulated participants have stopped (the session ended or left memory).</p>
      )}
      {said && <p role="status">{said}</p>}
    </section>
  );
}
