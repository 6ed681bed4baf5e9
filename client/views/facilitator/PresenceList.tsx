import { useMemo } from 'react';
import { sendCommand, useSession } from '../../store.js';
import { allParticipants } from '../../../shared/session/notes.js';
import { consoleNames } from '../../people.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';

/** Everyone who joined, who is connected now (presence comes to the facilitator only), and removing one of them. */
export function PresenceList() {
  const presence = useSession((s) => s.presence);
  const participants = useSession((s) => s.state.participants);
  const people = useMemo(() => allParticipants({ participants }), [participants]);
  const names = consoleNames(participants);
  const online = new Set(presence?.participantIds ?? []);
  const ordered = [...people].sort((a, b) => Number(online.has(b.id)) - Number(online.has(a.id)) || a.joinedAt - b.joinedAt);
  return (
    <section className="card stack" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Online now: {ordered.filter((p) => online.has(p.id)).length}</h2>
      <p className="muted">
        {people.length} joined in all{presence ? `, ${presence.boards} board screen${presence.boards === 1 ? '' : 's'} open` : ''}
      </p>
      {people.length > 0 ? (
        <ul className="presence-list">
          {ordered.map((p) => {
            const name = names.get(p.id) ?? p.name;
            return (
              <li key={p.id} className="presence-person">
                <span>
                  {name} <span className="muted">{p.simulated ? '· simulated by the rehearsal' : online.has(p.id) ? '· online' : '· offline'}</span>
                </span>
                <ConfirmAction
                  label={`Remove ${name}`}
                  question={`Remove ${name} from this session? Their notes stay, without their name; their phone is told and can no longer send.`}
                  confirmLabel="Remove"
                  danger
                  onConfirm={() => void sendCommand({ type: 'people.remove', payload: { participantId: p.id } })}
                />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">Nobody has joined yet.</p>
      )}
    </section>
  );
}
