import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { participantById } from '../../../shared/session/notes.js';
import { FormActions } from '../../components/FormActions.js';
import { sendCommand, useSession } from '../../store.js';
import { nameProblem } from './NameForm.js';

/** "You are Ana", and a rename: the name the facilitator and the room see on this phone's notes. */
export function WhoAmI() {
  const id = useId();
  const me = useSession((s) => (s.participantId ? participantById(s.state, s.participantId) : undefined));
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const issue = nameProblem(name);
    if (issue) return setProblem(issue);
    if (name.trim() === me.name) return setEditing(false);
    setBusy(true);
    void sendCommand({ type: 'people.rename', payload: { name: name.trim() } }).then((res) => {
      setBusy(false);
      if (res.ok) setEditing(false);
      else setProblem(res.error.message);
    });
  };

  if (!editing)
    return (
      <p className="who-am-i">
        You are <strong>{me.name}</strong>{' '}
        <button
          type="button"
          className="small"
          onClick={() => {
            setName(me.name);
            setProblem(null);
            setEditing(true);
          }}
        >
          Change name
        </button>
      </p>
    );
  return (
    <form className="who-am-i stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input id={`${id}-name`} value={name} maxLength={LIMITS.displayName} autoComplete="name" onChange={(e) => setName(e.target.value)} />
      </div>
      <FormActions error={problem} submitLabel="Save name" busy={busy} busyLabel="Saving…" onCancel={() => setEditing(false)} />
    </form>
  );
}
