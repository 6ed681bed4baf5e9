import { useState } from 'react';
import { useSession } from '../../store.js';
import { createSession } from '../landing/api.js';

/** Simulated participants in a rehearsal of this session's agenda, at the landing page's starting pace. */
const PARTICIPANTS = 5;
const PACE = 6;

/** In a real session's console: rehearse this agenda, as it stands now, in a new tab with simulated participants. */
export function RehearseAgenda({ sessionId, facilitatorKey }: { sessionId: string; facilitatorKey: string }) {
  const rehearsal = useSession((s) => s.state.rehearsal === true);
  const [said, setSaid] = useState<string | null>(null);
  if (rehearsal) return null;
  const start = async () => {
    try {
      const made = await createSession({ agendaFrom: sessionId, rehearsal: { participants: PARTICIPANTS, pace: PACE } }, facilitatorKey);
      window.open(made.facilitatorUrl, '_blank', 'noopener');
      setSaid('The rehearsal opened in a new tab. This session is unchanged.');
    } catch (e) {
      setSaid(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="stack">
      <button type="button" onClick={() => void start()}>
        Rehearse this agenda with {PARTICIPANTS} simulated participants
      </button>
      {said && <p role="status">{said}</p>}
    </div>
  );
}
