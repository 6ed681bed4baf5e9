import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { WorkGroup } from '../../../shared/modules/workgroup/workgroup.state.js';
import { MessageForm } from './MessageForm.js';
import { TextLineForm } from './TextLineForm.js';

export type GroupCommand = CommandInput;

/** A count of minutes or people typed in a small box: a whole number from 1 to `max`, or null when empty. */
export function wholeNumber(text: string, max: number): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : 'bad';
}

/** The group's own countdown: start (minutes), pause, reset, or back to the session timer. */
function GroupTimerControls({ group, onCommand }: { group: WorkGroup; onCommand: (c: GroupCommand) => void }) {
  const id = useId();
  const [minutes, setMinutes] = useState('20');
  const [error, setError] = useState<string | null>(null);
  const timer = (action: 'start' | 'pause' | 'reset' | 'follow', withMinutes = false) => {
    const m = withMinutes ? wholeNumber(minutes, LIMITS.plannedMinutes) : null;
    if (m === 'bad') return setError(`Minutes are a whole number from 1 to ${LIMITS.plannedMinutes}.`);
    setError(null);
    onCommand({ type: 'workgroup.timer', payload: { workGroupId: group.id, action, ...(m !== null ? { minutes: m } : {}) } });
  };
  const running = group.timer?.status === 'running';
  return (
    <div className="stack">
      <div className="wg-inline">
        <label htmlFor={id}>Own timer, minutes</label>
        <input id={id} className="wg-number" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <button type="button" className="small" onClick={() => timer(running ? 'pause' : 'start', !running && group.timer?.status !== 'paused')}>
          {running ? 'Pause' : group.timer?.status === 'paused' ? 'Resume' : 'Start'}
        </button>
      </div>
      <div className="button-row">
        <button type="button" className="small" disabled={!group.timer} onClick={() => timer('reset', true)}>
          Reset
        </button>
        <button type="button" className="small" disabled={!group.timer} onClick={() => timer('follow')}>
          Follow session timer
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Merge this group into another: its members, strategies and report-out move there (asks first). */
function MergeForm({ group, others, onCommand }: { group: WorkGroup; others: Array<{ id: string; name: string }>; onCommand: (c: GroupCommand) => void }) {
  const id = useId();
  const [intoId, setIntoId] = useState('');
  const into = others.find((o) => o.id === intoId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!into || !window.confirm(`Merge ${group.name} into ${into.name}? Its members, strategies and report-out move there.`)) return;
    setIntoId('');
    onCommand({ type: 'workgroup.mergeGroups', payload: { workGroupId: group.id, intoId: into.id } });
  };
  return (
    <form className="wg-inline" onSubmit={submit}>
      <label htmlFor={id}>Merge into</label>
      <select id={id} value={intoId} onChange={(e) => setIntoId(e.target.value)}>
        <option value="">Choose a group…</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" className="small" disabled={!into}>
        Merge
      </button>
    </form>
  );
}

/** The less frequent actions on one group: its timer, a message, rename, capacity, merge. */
export function GroupManage({ group, capacity, others, onCommand }: { group: WorkGroup; capacity: number | null; others: Array<{ id: string; name: string }>; onCommand: (c: GroupCommand) => void }) {
  const capId = useId();
  const [cap, setCap] = useState(capacity === null ? '' : String(capacity));
  const [capError, setCapError] = useState<string | null>(null);
  const setCapacity = (e: FormEvent) => {
    e.preventDefault();
    const n = wholeNumber(cap, 500);
    if (n === 'bad') return setCapError('Capacity is a whole number from 1 to 500, or empty for the session default.');
    setCapError(null);
    onCommand({ type: 'workgroup.setCapacity', payload: { workGroupId: group.id, capacity: n } });
  };
  return (
    <div className="stack wg-manage">
      <GroupTimerControls group={group} onCommand={onCommand} />
      <MessageForm to={group.name} onSend={(text, warning) => onCommand({ type: 'workgroup.message', payload: { workGroupId: group.id, text, warning } })} />
      <TextLineForm
        label={`Rename ${group.name}`}
        submitLabel="Rename"
        what="A group's name"
        initial={group.name}
        onSubmit={(name) => name !== group.name && onCommand({ type: 'workgroup.renameGroup', payload: { workGroupId: group.id, name } })}
      />
      <form className="wg-inline" onSubmit={setCapacity} noValidate>
        <label htmlFor={capId}>Capacity</label>
        <input id={capId} className="wg-number" inputMode="numeric" placeholder="default" value={cap} onChange={(e) => setCap(e.target.value)} />
        <button type="submit" className="small">
          Set
        </button>
      </form>
      {capError && (
        <p role="alert" className="form-error">
          {capError}
        </p>
      )}
      {others.length > 0 && <MergeForm group={group} others={others} onCommand={onCommand} />}
    </div>
  );
}
