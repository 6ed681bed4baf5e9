import { dictGet } from '../../../shared/session/dict.js';
import { MAX_PROPOSALS_PER_PERSON, MAX_VALUE_NAME, type ValueProposal, type ValuesSurvey } from '../../../shared/modules/values/values.state.js';
import { sendCommand } from '../../store.js';
import { TextLineForm } from '../workgroup/TextLineForm.js';

/** A proposal's status in words for its author: waiting, accepted (as what), merged (into what), declined (and why). */
export function proposalStatus(survey: ValuesSurvey, p: ValueProposal): string {
  const into = p.valueId ? dictGet(survey.values, p.valueId)?.name : undefined;
  switch (p.status) {
    case 'waiting':
      return 'Waiting for the facilitator.';
    case 'accepted':
      return into ? `Accepted as “${into}”.` : 'Accepted (the value was removed since).';
    case 'merged':
      return into ? `Merged into “${into}”.` : 'Merged into a value that was removed since.';
    case 'declined':
      return p.reason ? `Declined: ${p.reason}` : 'Declined.';
  }
}

/** Propose a value to add (setup and open), and this phone's proposals with their status. */
export function ProposeCard({ itemId, survey, mine }: { itemId: string; survey: ValuesSurvey; mine: ValueProposal[] }) {
  const canPropose = survey.phase !== 'closed';
  return (
    <section className="phone-card stack" aria-labelledby="vs-propose-heading">
      <h2 id="vs-propose-heading">Propose a value</h2>
      {canPropose ? (
        <TextLineForm
          label="A value to add to the survey"
          submitLabel="Propose"
          what="A value"
          max={MAX_VALUE_NAME}
          onSubmit={(text) => void sendCommand({ type: 'values.propose', payload: { itemId, text } })}
        />
      ) : (
        <p className="muted">The survey is closed: no more proposals.</p>
      )}
      {mine.length > 0 && (
        <ul className="vs-proposals" aria-label="Your proposals">
          {mine.map((p) => (
            <li key={p.id} className={`vs-proposal vs-proposal--${p.status}`}>
              <span className="vs-proposal-text">{p.text}</span>
              <span className="vs-proposal-status">{proposalStatus(survey, p)}</span>
            </li>
          ))}
        </ul>
      )}
      {canPropose && <p className="muted">You can have up to {MAX_PROPOSALS_PER_PERSON} proposals waiting.</p>}
    </section>
  );
}
