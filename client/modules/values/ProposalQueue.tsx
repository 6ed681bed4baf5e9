import { useState } from 'react';
import type { ValueProposal, ValuesSurvey } from '../../../shared/modules/values/values.state.js';
import { participantById } from '../../../shared/session/notes.js';
import { MAX_DESCRIPTION, MAX_VALUE_NAME } from '../../../shared/modules/values/values.state.js';
import { sendCommand, useSession } from '../../store.js';
import { MoveChoice } from '../flow/MoveChoice.js';
import { TextLineForm } from '../workgroup/TextLineForm.js';
import { proposalStatus } from './ProposeCard.js';
import { valuesInOrder } from './useValues.js';

type Open = 'rename' | 'decline' | null;

function Waiting({ itemId, proposal, survey }: { itemId: string; proposal: ValueProposal; survey: ValuesSurvey }) {
  const [open, setOpen] = useState<Open>(null);
  const author = useSession((s) => (proposal.authorId ? participantById(s.state, proposal.authorId)?.name : undefined));
  const proposalId = proposal.id;
  const toggle = (what: Open) => setOpen(open === what ? null : what);
  return (
    <li className="vs-proposal-row">
      <p>
        <strong className="vs-proposal-text">{proposal.text}</strong>
        {author && <span className="muted"> · from {author}</span>}
      </p>
      <div className="button-row">
        <button type="button" className="small primary" aria-label={`Accept ${proposal.text}`} onClick={() => void sendCommand({ type: 'values.acceptProposal', payload: { itemId, proposalId } })}>
          Accept
        </button>
        <button type="button" className="small" aria-expanded={open === 'rename'} onClick={() => toggle('rename')}>
          Accept as…
        </button>
        <MoveChoice focusKey={`proposal:${proposalId}`} label={`Merge ${proposal.text} into`} what={proposal.text} placeholder="Merge into…" verb="Merge" onChoose={(intoId) => void sendCommand({ type: 'values.mergeProposal', payload: { itemId, proposalId, intoId } })}>
          {valuesInOrder(survey).map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </MoveChoice>
        <button type="button" className="small danger" aria-expanded={open === 'decline'} onClick={() => toggle('decline')}>
          Decline…
        </button>
      </div>
      {open === 'rename' && (
        <TextLineForm label="Accept under the name" submitLabel="Accept" what="A value's name" max={MAX_VALUE_NAME} initial={proposal.text} onCancel={() => setOpen(null)} onSubmit={(name) => void sendCommand({ type: 'values.acceptProposal', payload: { itemId, proposalId, name } })} />
      )}
      {open === 'decline' && (
        <TextLineForm label="Why (the proposer sees it)" submitLabel="Decline" what="The reason" max={MAX_DESCRIPTION} onCancel={() => setOpen(null)} onSubmit={(reason) => void sendCommand({ type: 'values.declineProposal', payload: { itemId, proposalId, reason } })} />
      )}
    </li>
  );
}

/** Values the participants proposed: the waiting ones to accept, rename, merge or decline; the handled ones below. */
export function ProposalQueue({ itemId, survey }: { itemId: string; survey: ValuesSurvey }) {
  const all = Object.values(survey.proposals).sort((a, b) => a.at - b.at);
  const waiting = all.filter((p) => p.status === 'waiting');
  const handled = all.filter((p) => p.status !== 'waiting');
  return (
    <section className="card stack" aria-labelledby="vs-proposals-heading">
      <h2 id="vs-proposals-heading">Proposed values ({waiting.length} waiting)</h2>
      {waiting.length === 0 ? (
        <p className="muted">No proposals waiting. Participants can propose a value from their phones.</p>
      ) : (
        <ul className="vs-proposal-queue">
          {waiting.map((p) => (
            <Waiting key={p.id} itemId={itemId} proposal={p} survey={survey} />
          ))}
        </ul>
      )}
      {handled.length > 0 && (
        <details>
          <summary>Handled ({handled.length})</summary>
          <ul className="vs-proposal-queue">
            {handled.map((p) => (
              <li key={p.id}>
                {p.text}: <span className="muted">{proposalStatus(survey, p)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
