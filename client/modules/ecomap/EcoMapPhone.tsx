import { dictGet } from '../../../shared/session/dict.js';
import { MARK_LABELS, type EcoMapState } from '../../../shared/modules/ecomap/ecomap.state.js';
import type { ModuleScreenProps } from '../types.js';
import { sendCommand, useSession } from '../../store.js';
import { MarkButtons } from './MarkButtons.js';
import { MarkLegend } from './MarkLegend.js';
import { MarkIcon } from '../../report/MarkSymbol.js';
import { PlanForm } from './PlanForm.js';
import { ProposeForm } from './ProposeForm.js';
import { ResultsList } from './ResultsTable.js';
import { useEcoMap, useResults } from './useEcoMap.js';

const VOTE_TEXT: Record<EcoMapState['vote'], string> = {
  setup: 'The facilitator is setting up the map. Propose a partner below; marking opens soon.',
  open: 'How is the agency’s relationship with each partner? Tap one mark for each. You can change or withdraw it until the vote closes.',
  closed: 'The vote is closed.',
};

/** The partners with the phone's own marks: four large buttons each while the vote is open, its mark in words after. */
function MyMarks({ itemId, map, me }: { itemId: string; map: EcoMapState; me: string | null }) {
  const mine = me ? dictGet(map.marks, me) : undefined;
  const open = map.vote === 'open';
  return (
    <ul className="ecomap-phone-partners" aria-label="Partners">
      {map.order.map((partnerId) => {
        const p = dictGet(map.partners, partnerId);
        if (!p) return null;
        const mark = dictGet(mine, partnerId);
        return (
          <li key={partnerId} className="phone-card ecomap-phone-partner">
            <p className="ecomap-phone-name">
              <strong>{p.name}</strong> {p.category !== p.name && <span className="muted">{p.category}</span>}
            </p>
            {open ? (
              <MarkButtons partner={p.name} mark={mark} onMark={(m) => void sendCommand({ type: 'ecomap.mark', payload: { itemId, partnerId, mark: m } })} />
            ) : (
              mark && (
                <p>
                  <MarkIcon mark={mark} size={20} /> Your mark: {MARK_LABELS[mark].name}
                </p>
              )
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The eco-map on a phone: the vote's state, the marks, the results once shown, proposals, and the scribe's plan form. */
export function EcoMapPhone({ item }: ModuleScreenProps) {
  const map = useEcoMap(item.id);
  const me = useSession((s) => s.participantId);
  const results = useResults(map);
  const scribe = me !== null && map.scribeId === me;
  return (
    <>
      <section className="phone-card stack" aria-label="Eco-map">
        <p role="status">{VOTE_TEXT[map.vote]}</p>
        {map.order.length > 0 && <MarkLegend layout="phone" />}
        {map.order.length === 0 && <p className="muted">No partners on the map yet.</p>}
      </section>
      {scribe && map.order.length > 0 && (
        <section className="phone-card stack" aria-labelledby="ecomap-phone-plan">
          <h2 id="ecomap-phone-plan">Engagement plan: you are the scribe</h2>
          <p className="muted">For each partner: how will we engage them, who will, and when.</p>
          <PlanForm itemId={item.id} map={map} />
        </section>
      )}
      {map.resultsShown && (
        <section className="phone-card stack" aria-labelledby="ecomap-phone-results">
          <h2 id="ecomap-phone-results">How the room marked {map.centre}’s partners</h2>
          <ResultsList results={results} />
        </section>
      )}
      {(map.vote === 'open' || !map.resultsShown) && <MyMarks itemId={item.id} map={map} me={me} />}
      <ProposeForm itemId={item.id} map={map} me={me} />
    </>
  );
}
