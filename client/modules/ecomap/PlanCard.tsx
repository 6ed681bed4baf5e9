import { useMemo, useState } from 'react';
import { allParticipants, participantById } from '../../../shared/session/notes.js';
import type { EcoMapState } from '../../../shared/modules/ecomap/ecomap.state.js';
import { useSession } from '../../store.js';
import { MarkIcon } from '../../report/MarkSymbol.js';
import { PlanForm } from './PlanForm.js';
import { usePlanGroups, useSending } from './useEcoMap.js';

/** Who may fill the plan from their phone: one participant, or nobody (the console only). */
function ScribePicker({ map, itemId }: { map: EcoMapState; itemId: string }) {
  const participants = useSession((s) => s.state.participants);
  const people = useMemo(() => allParticipants({ participants }).sort((a, b) => a.name.localeCompare(b.name)), [participants]);
  const scribe = useSession((s) => (map.scribeId ? participantById(s.state, map.scribeId)?.name : undefined));
  const { error, send } = useSending();
  return (
    <div className="field">
      <label htmlFor="ecomap-scribe">Scribe (fills the plan from their phone)</label>
      <select
        id="ecomap-scribe"
        value={map.scribeId ?? ''}
        onChange={(e) => void send({ type: 'ecomap.setScribe', payload: { itemId, participantId: e.target.value || null } })}
      >
        <option value="">Nobody: the console only</option>
        {map.scribeId && !scribe && <option value={map.scribeId}>Someone who left</option>}
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The engagement plan (seed 001: how, who, when) grouped by the room's consensus colour, each group under the seed's
 * meaning; every partner has a row to fill, on the console or the scribe's phone.
 */
export function PlanCard({ map, itemId }: { map: EcoMapState; itemId: string }) {
  const groups = usePlanGroups(map);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card stack" aria-labelledby="ecomap-plan-heading">
      <h2 id="ecomap-plan-heading">Stakeholder engagement plan: how, who, when</h2>
      <ScribePicker map={map} itemId={itemId} />
      {groups.length === 0 && <p className="muted">The plan lists every partner once there are partners.</p>}
      {groups.map((g) => (
        <div key={g.key} className="stack">
          <h3 className="ecomap-plan-group">
            {g.key !== 'split' && g.key !== 'unmarked' && <MarkIcon mark={g.key} size={20} />} {g.heading}
          </h3>
          <table className="ecomap-plan">
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">How</th>
                <th scope="col">Who</th>
                <th scope="col">When</th>
                <th scope="col" aria-label="Edit" />
              </tr>
            </thead>
            <tbody>
              {g.partners.map(({ result, row }) => {
                const pid = result.partnerId;
                const name = result.name;
                return editing === pid ? (
                  <tr key={pid}>
                    <td colSpan={5}>
                      <PlanForm itemId={itemId} map={map} partnerId={pid} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={pid}>
                    <th scope="row">{name}</th>
                    <td>{row?.how}</td>
                    <td>{row?.who}</td>
                    <td>{row?.when}</td>
                    <td>
                      <button type="button" className="small" aria-label={`Plan for ${name}`} onClick={() => setEditing(pid)}>
                        {row ? 'Edit' : 'Fill'}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
