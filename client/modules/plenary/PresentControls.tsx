import { useState } from 'react';
import { sendCommand, serverNow } from '../../store.js';
import { TimerDisplay } from '../../components/TimerDisplay.js';
import { DEFAULT_PRESENT_MINUTES } from '../../../shared/modules/plenary/plenary.logic.js';
import type { AgendaItem } from '../../../shared/session/state.js';
import { usePlenary, usePresenting, useWorkGroups } from './usePlenary.js';

const asTimer = <T extends object>(t: T) => ({ ...t, itemId: null, runningSince: null });

/** The console's report-out mode: which group presents (and for how long), its timer, the next group, the end. */
export function PresentControls({ item }: { item: AgendaItem }) {
  const groups = useWorkGroups().groups;
  const presented = usePlenary().presented;
  const now = usePresenting();
  const [minutes, setMinutes] = useState(DEFAULT_PRESENT_MINUTES);
  const present = (workGroupId: string | null) => void sendCommand({ type: 'plenary.present', payload: { itemId: item.id, workGroupId, minutes } });
  const timer = (action: 'start' | 'pause' | 'reset') => void sendCommand({ type: 'plenary.presentTimer', payload: { action } });
  const next = now ? groups[now.index + 1] : groups.find((g) => !presented.includes(g.id));
  return (
    <section className="card stack" aria-labelledby="present-heading">
      <h2 id="present-heading">Report-out mode</h2>
      <div className="field plenary-minutes">
        <label htmlFor="present-minutes">Minutes per group</label>
        <input id="present-minutes" type="number" min={1} max={120} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(120, Number(e.target.value) || 1)))} />
      </div>
      <ol className="plenary-group-list">
        {groups.map((g) => (
          <li key={g.id} className={now?.group.id === g.id ? 'plenary-group--presenting' : ''}>
            <span>
              {g.name}
              {g.readyAt !== null && <span className="plenary-tag">Ready</span>}
              {presented.includes(g.id) && now?.group.id !== g.id && <span className="plenary-tag plenary-tag--done">Presented</span>}
            </span>
            <button type="button" onClick={() => present(g.id)} aria-label={`Present ${g.name}`} disabled={now?.group.id === g.id}>
              {now?.group.id === g.id ? 'Presenting' : 'Present'}
            </button>
          </li>
        ))}
      </ol>
      {now && (
        <div className="stack">
          <p>
            <strong>{now.group.name}</strong> presents: group {now.index + 1} of {now.total}.
          </p>
          <TimerDisplay timer={asTimer(now.timer)} now={serverNow} />
          <div className="plenary-buttons">
            {now.timer.status === 'running' ? (
              <button type="button" onClick={() => timer('pause')}>Pause</button>
            ) : (
              <button type="button" onClick={() => timer('start')}>Start the timer</button>
            )}
            <button type="button" onClick={() => timer('reset')}>Reset</button>
            {next && (
              <button type="button" onClick={() => present(next.id)}>
                Next: {next.name}
              </button>
            )}
            <button type="button" className="link" onClick={() => present(null)}>
              End report-out mode
            </button>
          </div>
        </div>
      )}
      {!now && next && (
        <button type="button" onClick={() => present(next.id)}>
          Start with {next.name}
        </button>
      )}
    </section>
  );
}
