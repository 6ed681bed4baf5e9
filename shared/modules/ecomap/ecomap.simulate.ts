import type { CommandBody } from '../../protocol/commands.js';
import { dictGet } from '../../session/dict.js';
import type { RehearsalHooks } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import type { Rng } from '../../rehearsal/rng.js';
import { ecoMapOf, MARK_LABELS, MARKS, STARTER_PARTNERS, type EcoMapState, type Mark } from './ecomap.state.js';

/** Partners seed 001 names besides the starter list (its QI peer network and collaboration slides), for proposals. */
const SEED_PARTNERS = ['Citizen Review Panels', 'Foster parent councils', 'Youth councils', 'Volunteers', 'Mental health systems of care'];
/** How many rows of the engagement plan the facilitator fills in a rehearsal. */
const PLAN_ROWS = 3;

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const onMap = (m: EcoMapState, name: string): boolean => m.order.some((id) => same(dictGet(m.partners, id)?.name ?? '', name));

/** A simulated participant proposes one partner while the map is set up, then marks every partner once the vote opens. */
export function simulateEcoMap(s: SessionState, item: AgendaItem, participantId: string, rng: Rng): CommandBody | null {
  if (item.moduleType !== 'ecomap') return null;
  const m = ecoMapOf(s, item.id);
  const proposals = Object.values(m.proposals);
  if (m.vote === 'setup') {
    if (proposals.some((p) => p.authorId === participantId)) return null;
    const fresh = SEED_PARTNERS.filter((n) => !onMap(m, n) && !proposals.some((p) => same(p.name, n)));
    return fresh.length ? { type: 'ecomap.propose', payload: { itemId: item.id, name: rng.pick(fresh) } } : null;
  }
  if (m.vote !== 'open') return null;
  const mine = dictGet(m.marks, participantId);
  const partnerId = m.order.find((id) => !(mine && dictGet(mine, id)));
  return partnerId ? { type: 'ecomap.mark', payload: { itemId: item.id, partnerId, mark: rng.pick(MARKS) } } : null;
}

/** The mark most of the room gave a partner (the console's counts), or null when nobody marked it. */
function topMark(m: EcoMapState, partnerId: string): Mark | null {
  const counts = dictGet(m.counts, partnerId);
  if (!counts) return null;
  const best = MARKS.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}

/**
 * The facilitator's steps: the template's starter partners, the room's proposals accepted, the vote opened, closed,
 * the results shown, then the first rows of the engagement plan, each "how" in the seed's words for the room's mark.
 */
export function driveEcoMap(s: SessionState, item: AgendaItem): CommandBody | null {
  if (item.moduleType !== 'ecomap') return null;
  const m = ecoMapOf(s, item.id);
  const itemId = item.id;
  if (m.vote === 'setup') {
    if (m.order.length === 0) {
      const names = item.starter?.length ? item.starter : STARTER_PARTNERS.map((p) => p.name);
      return { type: 'ecomap.addPartners', payload: { itemId, names } };
    }
    const waiting = Object.values(m.proposals).find((p) => p.status === 'waiting');
    if (waiting) return { type: 'ecomap.acceptProposal', payload: { itemId, proposalId: waiting.id } };
    return { type: 'ecomap.setVote', payload: { itemId, vote: 'open' } };
  }
  if (m.vote === 'open') return { type: 'ecomap.setVote', payload: { itemId, vote: 'closed' } };
  if (!m.resultsShown) return { type: 'ecomap.showResults', payload: { itemId, shown: true } };
  const partnerId = m.order.slice(0, PLAN_ROWS).find((id) => !dictGet(m.plan, id));
  if (!partnerId) return null;
  const mark = topMark(m, partnerId) ?? 'none';
  return { type: 'ecomap.plan', payload: { itemId, partnerId, how: MARK_LABELS[mark].meaning, who: '', when: '' } };
}

export const ecoMapRehearsal: RehearsalHooks = { simulate: simulateEcoMap, drive: driveEcoMap };
