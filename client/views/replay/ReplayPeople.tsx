import { useMemo } from 'react';
import { allParticipants } from '../../../shared/session/notes.js';
import { consoleNames } from '../../people.js';
import { useSession } from '../../store.js';

/**
 * The console's people as a replay knows them: who had joined by this moment, and which of them a rehearsal
 * simulated. Who was online is not in the log, so the replay does not say.
 */
export function ReplayPeople() {
  const participants = useSession((s) => s.state.participants);
  const people = useMemo(() => allParticipants({ participants }).sort((a, b) => a.joinedAt - b.joinedAt), [participants]);
  const names = consoleNames(participants);
  const simulated = people.filter((p) => p.simulated).length;
  return (
    <aside className="console-side stack" aria-label="Session">
      <section className="card stack" aria-labelledby="replay-people-heading">
        <h2 id="replay-people-heading">People</h2>
        <p className="muted">
          {people.length} joined by this moment{simulated > 0 ? ` (${simulated} simulated by the rehearsal)` : ''}
        </p>
        {people.length > 0 && (
          <ul className="presence-list">
            {people.map((p) => (
              <li key={p.id} className="presence-person">
                <span>
                  {names.get(p.id) ?? p.name}
                  {p.simulated && <span className="muted"> · simulated by the rehearsal</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
