import { useId, useState, type FormEvent } from 'react';
import { dictGet } from '../../../shared/session/dict.js';
import { MAX_PARTNER_NAME, PARTNER_CATEGORIES, type EcoMapState, type PartnerProposal } from '../../../shared/modules/ecomap/ecomap.state.js';
import { FormActions } from '../../components/FormActions.js';
import { useSending } from './useEcoMap.js';

/** A proposal's status in words, for its author (and the console). */
export function proposalStatus(map: EcoMapState, p: PartnerProposal): string {
  const partner = p.partnerId ? dictGet(map.partners, p.partnerId)?.name : undefined;
  switch (p.status) {
    case 'waiting':
      return 'Waiting for the facilitator';
    case 'accepted':
      return partner && partner !== p.name ? `Added to the map as “${partner}”` : 'Added to the map';
    case 'merged':
      return partner ? `Joined with “${partner}” on the map` : 'Joined with a partner on the map';
    case 'declined':
      return p.reason ? `Not added: ${p.reason}` : 'Not added (no reason given)';
  }
}

/**
 * The phone's proposals: seed 001's question, a name (with a category and side if known), and each one's status, which
 * stays in view after the vote closed (the form goes).
 */
export function ProposeForm({ itemId, map, me }: { itemId: string; map: EcoMapState; me: string | null }) {
  const id = useId();
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [side, setSide] = useState<'' | 'internal' | 'external'>('');
  const { error, send, setError } = useSending();
  const mine = Object.values(map.proposals)
    .filter((p) => me !== null && p.authorId === me)
    .sort((a, b) => a.at - b.at);
  const open = map.vote !== 'closed';
  if (!open && mine.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = name.trim();
    if (!text) return setError('Type the partner’s name first.');
    const payload = { itemId, name: text, ...(category ? { category } : {}), ...(side ? { side } : {}) };
    if (await send({ type: 'ecomap.propose', payload })) setName('');
  };
  return (
    <section className="phone-card stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{open ? 'What additional partners should be added?' : 'The partners you proposed'}</h2>
      {open && (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>Partner</label>
            <input id={`${id}-name`} value={name} maxLength={MAX_PARTNER_NAME} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-cat`}>Kind (if you know)</label>
              <select id={`${id}-cat`} value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">Not sure</option>
                {PARTNER_CATEGORIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-side`}>Inside the agency?</label>
              <select id={`${id}-side`} value={side} onChange={(e) => setSide(e.target.value as typeof side)}>
                <option value="">Not sure</option>
                <option value="internal">Internal</option>
                <option value="external">External</option>
              </select>
            </div>
          </div>
          <FormActions error={error} submitLabel="Propose partner" />
        </form>
      )}
      {mine.length > 0 && (
        <ul className="ecomap-proposals" aria-label="Your proposals">
          {mine.map((p) => (
            <li key={p.id} className={`ecomap-proposal ecomap-proposal--${p.status}`}>
              <strong>{p.name}</strong> <span>{proposalStatus(map, p)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
