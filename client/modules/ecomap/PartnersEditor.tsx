import { useState } from 'react';
import { dictGet } from '../../../shared/session/dict.js';
import { MAX_PARTNER_NAME, MAX_PARTNERS, STARTER_PARTNERS, type EcoMapState, type Partner } from '../../../shared/modules/ecomap/ecomap.state.js';
import type { AgendaItem } from '../../../shared/session/state.js';
import { TextLineForm } from '../workgroup/TextLineForm.js';
import { PartnerFields } from './PartnerFields.js';
import { refusalOf, useSending } from './useEcoMap.js';

const sideText = (p: Pick<Partner, 'category' | 'side'>) => `${p.category} · ${p.side === 'internal' ? 'internal' : 'external'}`;

/** One partner on the console: reorder by buttons, edit in place, merge into another, remove. */
function PartnerRow({ map, partner, index, itemId }: { map: EcoMapState; partner: Partner; index: number; itemId: string }) {
  const [editing, setEditing] = useState(false);
  const [into, setInto] = useState('');
  const { error, send } = useSending();
  const partnerId = partner.id;
  if (editing)
    return (
      <li className="ecomap-partner-row">
        <PartnerFields
          label={`Edit ${partner.name}`}
          initial={partner}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (p) => {
            const refused = await refusalOf({ type: 'ecomap.editPartner', payload: { itemId, partnerId, ...p } });
            if (!refused) setEditing(false);
            return refused;
          }}
        />
      </li>
    );
  const others = map.order.filter((id) => id !== partnerId);
  return (
    <li className="ecomap-partner-row">
      <span className="ecomap-partner-name">
        <strong>{partner.name}</strong> <span className="muted">{sideText(partner)}</span>
      </span>
      <span className="button-row">
        <button type="button" className="small" aria-label={`Move ${partner.name} up`} disabled={index === 0} onClick={() => void send({ type: 'ecomap.movePartner', payload: { itemId, partnerId, toIndex: index - 1 } })}>
          ↑
        </button>
        <button type="button" className="small" aria-label={`Move ${partner.name} down`} disabled={index === map.order.length - 1} onClick={() => void send({ type: 'ecomap.movePartner', payload: { itemId, partnerId, toIndex: index + 1 } })}>
          ↓
        </button>
        <button type="button" className="small" aria-label={`Edit ${partner.name}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <select aria-label={`Merge ${partner.name} into`} value={into} onChange={(e) => setInto(e.target.value)}>
          <option value="">Merge into…</option>
          {others.map((id) => (
            <option key={id} value={id}>
              {dictGet(map.partners, id)?.name ?? id}
            </option>
          ))}
        </select>
        <button type="button" className="small" disabled={!into} aria-label={`Merge ${partner.name}`} onClick={() => void send({ type: 'ecomap.mergePartners', payload: { itemId, fromId: partnerId, intoId: into } })}>
          Merge
        </button>
        <button
          type="button"
          className="small danger"
          aria-label={`Remove ${partner.name}`}
          onClick={() => {
            if (window.confirm(`Remove ${partner.name}? Its marks and plan row go with it.`)) void send({ type: 'ecomap.removePartner', payload: { itemId, partnerId } });
          }}
        >
          Remove
        </button>
      </span>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </li>
  );
}

/** The map's set-up on the console: the agency at the centre, the starter set in one click, partners added and ordered. */
export function PartnersEditor({ item, map }: { item: AgendaItem; map: EcoMapState }) {
  const itemId = item.id;
  const starter = item.starter?.length ? item.starter : STARTER_PARTNERS.map((p) => p.name);
  const present = new Set(map.order.map((id) => dictGet(map.partners, id)?.name.toLowerCase()));
  const missing = starter.filter((n) => !present.has(n.toLowerCase()));
  const { error, send } = useSending();
  return (
    <section className="card stack" aria-labelledby="ecomap-partners-heading">
      <h2 id="ecomap-partners-heading">
        Partners ({map.order.length} of {MAX_PARTNERS})
      </h2>
      <TextLineForm key={map.centre} label="Agency at the centre" submitLabel="Save" what="The agency’s name" max={MAX_PARTNER_NAME} initial={map.centre} onSubmit={(centre) => void send({ type: 'ecomap.setCentre', payload: { itemId, centre } })} />
      <div className="button-row">
        <button type="button" disabled={missing.length === 0} onClick={() => void send({ type: 'ecomap.addPartners', payload: { itemId, names: missing } })}>
          Add the starter set{missing.length ? ` (${missing.length})` : ''}
        </button>
        {missing.length === 0 && <span className="muted">Every partner of the starter set is on the map.</span>}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {map.order.length === 0 ? (
        <p className="muted">No partners yet: add the starter set or type them.</p>
      ) : (
        <ol className="ecomap-partner-list">
          {map.order.map((id, i) => {
            const p = dictGet(map.partners, id);
            return p ? <PartnerRow key={id} map={map} partner={p} index={i} itemId={itemId} /> : null;
          })}
        </ol>
      )}
      <PartnerFields label="Add a partner" submitLabel="Add partner" onSubmit={(p) => refusalOf({ type: 'ecomap.addPartner', payload: { itemId, ...p } })} />
    </section>
  );
}
