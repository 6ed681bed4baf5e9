import { useState } from 'react';
import { dictGet } from '../../../shared/session/dict.js';
import { participantById } from '../../../shared/session/notes.js';
import { MAX_PLAN_TEXT, STARTER_PARTNERS, type EcoMapState, type PartnerProposal } from '../../../shared/modules/ecomap/ecomap.state.js';
import { useSession } from '../../store.js';
import { TextLineForm } from '../workgroup/TextLineForm.js';
import { PartnerFields } from './PartnerFields.js';
import { proposalStatus } from './ProposeForm.js';
import { refusalOf, useSending } from './useEcoMap.js';

type Doing = 'accept' | 'merge' | 'decline' | null;

/** One waiting proposal: accept (renamed, with its category and side), merge into a partner, or decline with a reason. */
function Waiting({ map, p, itemId }: { map: EcoMapState; p: PartnerProposal; itemId: string }) {
  const [doing, setDoing] = useState<Doing>(null);
  const [into, setInto] = useState(map.order[0] ?? '');
  const { error, send } = useSending();
  const author = useSession((s) => (p.authorId ? participantById(s.state, p.authorId)?.name : undefined));
  const proposalId = p.id;
  const known = STARTER_PARTNERS.find((s) => s.name.toLowerCase() === p.name.toLowerCase());
  return (
    <li className="ecomap-proposal-row stack">
      <p>
        <strong>{p.name}</strong> <span className="muted">{[p.category, p.side, author && `from ${author}`].filter(Boolean).join(' · ')}</span>
      </p>
      <div className="button-row">
        <button type="button" className="small primary" aria-label={`Accept ${p.name}`} onClick={() => void send({ type: 'ecomap.acceptProposal', payload: { itemId, proposalId } })}>
          Accept
        </button>
        <button type="button" className="small" aria-label={`Rename and accept ${p.name}`} onClick={() => setDoing(doing === 'accept' ? null : 'accept')}>
          Rename…
        </button>
        <button type="button" className="small" aria-label={`Merge ${p.name} into a partner`} disabled={map.order.length === 0} onClick={() => setDoing(doing === 'merge' ? null : 'merge')}>
          Merge into…
        </button>
        <button type="button" className="small" aria-label={`Decline ${p.name}`} onClick={() => setDoing(doing === 'decline' ? null : 'decline')}>
          Decline…
        </button>
      </div>
      {doing === 'accept' && (
        <PartnerFields
          label={`Accept ${p.name}`}
          initial={{ name: p.name, category: known?.category ?? p.category, side: known?.side ?? p.side }}
          submitLabel="Accept"
          onCancel={() => setDoing(null)}
          onSubmit={(d) => refusalOf({ type: 'ecomap.acceptProposal', payload: { itemId, proposalId, ...d } })}
        />
      )}
      {doing === 'merge' && (
        <div className="button-row">
          <select aria-label={`Merge ${p.name} into`} value={into} onChange={(e) => setInto(e.target.value)}>
            {map.order.map((id) => (
              <option key={id} value={id}>
                {dictGet(map.partners, id)?.name ?? id}
              </option>
            ))}
          </select>
          <button type="button" className="small" onClick={() => void send({ type: 'ecomap.mergeProposal', payload: { itemId, proposalId, intoId: into } })}>
            Merge
          </button>
        </div>
      )}
      {doing === 'decline' && (
        <TextLineForm
          label={`Why not ${p.name}? (the proposer sees this; optional)`}
          submitLabel="Decline"
          what="The reason"
          max={MAX_PLAN_TEXT}
          onSubmit={(reason) => void send({ type: 'ecomap.declineProposal', payload: { itemId, proposalId, reason } })}
        />
      )}
      {doing === 'decline' && (
        <button type="button" className="link" onClick={() => void send({ type: 'ecomap.declineProposal', payload: { itemId, proposalId } })}>
          Decline without a reason
        </button>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </li>
  );
}

/** The proposals from the phones: the waiting ones first, to act on; the decided ones after, with what became of them. */
export function ProposalQueue({ map, itemId }: { map: EcoMapState; itemId: string }) {
  const all = Object.values(map.proposals).sort((a, b) => a.at - b.at);
  const waiting = all.filter((p) => p.status === 'waiting');
  const decided = all.filter((p) => p.status !== 'waiting');
  return (
    <section className="card stack" aria-labelledby="ecomap-proposals-heading">
      <h2 id="ecomap-proposals-heading">Proposed partners ({waiting.length} waiting)</h2>
      {all.length === 0 && <p className="muted">No proposals yet. Phones can propose partners while the map is set up and during the vote.</p>}
      {waiting.length > 0 && (
        <ul className="ecomap-proposal-list">
          {waiting.map((p) => (
            <Waiting key={p.id} map={map} p={p} itemId={itemId} />
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <ul className="ecomap-proposals muted" aria-label="Decided proposals">
          {decided.map((p) => (
            <li key={p.id}>
              {p.name}: {proposalStatus(map, p)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
