import { useSession } from '../../store.js';
import { allParticipants, participantById } from '../../../shared/session/notes.js';

/** Who is connected right now (presence comes to the facilitator only). */
export function PresenceList() {
  const presence = useSession((s) => s.presence);
  const participants = useSession((s) => s.state.participants);
  const online = presence?.participantIds ?? [];
  const total = allParticipants({ participants }).length;
  return (
    <section className="card stack" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Online now: {online.length}</h2>
      <p className="muted">
        {total} joined in all{presence ? `, ${presence.boards} board screen${presence.boards === 1 ? '' : 's'} open` : ''}
      </p>
      {online.length > 0 ? (
        <ul className="presence-list">
          {online.map((id) => (
            <li key={id}>{participantById({ participants }, id)?.name ?? 'Unknown participant'}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody has joined yet.</p>
      )}
    </section>
  );
}
