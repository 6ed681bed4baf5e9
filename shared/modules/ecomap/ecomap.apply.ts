/** The eco-map's events applied to the state: never throws, and an event naming a partner that is gone changes nothing. */
import { dictGet, dictSet, dictWithout, mapDict, toDict, type Dict } from '../../session/dict.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { EcoMapEvent } from './ecomap.events.js';
import { marksWithout, mergedMarks, withMark } from './ecomap.marks.js';
import { countsOf, markersOf, totalOf } from './ecomap.results.js';
import { ecoMapOf, type EcoMapState, type MarkCounts, type Partner } from './ecomap.state.js';

/** A partner's counts as an event gives them: no entry for a partner without marks (or whose counts this screen may not see). */
const withCounts = (counts: Dict<MarkCounts>, partnerId: string, c: MarkCounts): Dict<MarkCounts> =>
  totalOf(c) > 0 ? dictSet(counts, partnerId, { ...c }) : dictWithout(counts, partnerId);

/** The order with `id` at `index` (clamped), wherever it was before. */
function placed(order: readonly string[], id: string, index: number | undefined): string[] {
  const rest = order.filter((x) => x !== id);
  const at = index === undefined ? rest.length : Math.max(0, Math.min(Math.trunc(index) || 0, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

const addPartner = (m: EcoMapState, p: Partner, index?: number): EcoMapState =>
  dictGet(m.partners, p.id) ? m : { ...m, partners: dictSet(m.partners, p.id, p), order: placed(m.order, p.id, index) };

function removePartner(m: EcoMapState, partnerId: string, markers: number | undefined): EcoMapState {
  const marks = marksWithout(m.marks, partnerId);
  return {
    ...m,
    partners: dictWithout(m.partners, partnerId),
    order: m.order.filter((id) => id !== partnerId),
    marks,
    counts: dictWithout(m.counts, partnerId),
    plan: dictWithout(m.plan, partnerId),
    markers: markers ?? markersOf(marks),
  };
}

function mergePartners(m: EcoMapState, e: Extract<EcoMapEvent, { type: 'ecomap.partnersMerged' }>): EcoMapState {
  const { fromId, intoId } = e;
  if (fromId === intoId || !dictGet(m.partners, fromId) || !dictGet(m.partners, intoId)) return m;
  const marks = mergedMarks(m.marks, fromId, intoId);
  const fromRow = dictGet(m.plan, fromId);
  const plan = dictGet(m.plan, intoId) || !fromRow ? m.plan : dictSet(m.plan, intoId, { ...fromRow, partnerId: intoId });
  return {
    ...m,
    partners: dictWithout(m.partners, fromId),
    order: m.order.filter((id) => id !== fromId),
    marks,
    counts: withCounts(dictWithout(m.counts, fromId), intoId, e.counts ?? countsOf(marks, intoId)),
    plan: dictWithout(plan, fromId),
    proposals: mapDict(m.proposals, (p) => (p.partnerId === fromId ? { ...p, partnerId: intoId } : p)),
  };
}

/** The eco-map's state after one of its events. */
export function applyEcoMap(s: SessionState, e: EcoMapEvent & EventMeta): SessionState {
  const m = ecoMapOf(s, e.itemId);
  const next = step(m, e);
  return next === m ? s : { ...s, ecomaps: dictSet(s.ecomaps, e.itemId, next) };
}

function step(m: EcoMapState, e: EcoMapEvent): EcoMapState {
  const has = (id: string): boolean => dictGet(m.partners, id) !== undefined;
  switch (e.type) {
    case 'ecomap.centreSet':
      return { ...m, centre: e.centre };
    case 'ecomap.partnerAdded':
      return addPartner(m, e.partner, e.index);
    case 'ecomap.partnerEdited': {
      const p = dictGet(m.partners, e.partnerId);
      return p ? { ...m, partners: dictSet(m.partners, p.id, { ...p, name: e.name, category: e.category, side: e.side }) } : m;
    }
    case 'ecomap.partnerRemoved':
      return has(e.partnerId) ? removePartner(m, e.partnerId, e.markers) : m;
    case 'ecomap.partnerMoved':
      return has(e.partnerId) ? { ...m, order: placed(m.order, e.partnerId, e.toIndex) } : m;
    case 'ecomap.partnersMerged':
      return mergePartners(m, e);
    case 'ecomap.proposed':
      return dictGet(m.proposals, e.proposal.id) ? m : { ...m, proposals: dictSet(m.proposals, e.proposal.id, e.proposal) };
    case 'ecomap.proposalAccepted': {
      const p = dictGet(m.proposals, e.proposalId);
      const withPartner = addPartner(m, e.partner);
      return p ? { ...withPartner, proposals: dictSet(m.proposals, p.id, { ...p, status: 'accepted', partnerId: e.partner.id }) } : withPartner;
    }
    case 'ecomap.proposalMerged': {
      const p = dictGet(m.proposals, e.proposalId);
      return p && has(e.intoId) ? { ...m, proposals: dictSet(m.proposals, p.id, { ...p, status: 'merged', partnerId: e.intoId }) } : m;
    }
    case 'ecomap.proposalDeclined': {
      const p = dictGet(m.proposals, e.proposalId);
      return p ? { ...m, proposals: dictSet(m.proposals, p.id, { ...p, status: 'declined', reason: e.reason }) } : m;
    }
    case 'ecomap.voteSet':
      return { ...m, vote: e.vote };
    case 'ecomap.resultsShown': {
      const counts = Object.entries(e.counts ?? {}).filter(([id, c]) => has(id) && totalOf(c) > 0);
      return { ...m, resultsShown: e.shown, counts: toDict(counts.map(([id, c]) => [id, { ...c }] as const)) };
    }
    case 'ecomap.marked': {
      if (!has(e.partnerId)) return m;
      // A screen that may not know the marker gets no participant (and no mark): only the count of markers changes.
      const marks = e.participantId ? withMark(m.marks, e.participantId, e.partnerId, e.mark) : m.marks;
      return { ...m, marks, counts: withCounts(m.counts, e.partnerId, e.counts), markers: e.markers };
    }
    case 'ecomap.scribeSet':
      return { ...m, scribeId: e.participantId };
    case 'ecomap.planSet':
      return has(e.row.partnerId) ? { ...m, plan: dictSet(m.plan, e.row.partnerId, { ...e.row }) } : m;
    // Stryker disable next-line all: unreachable, every event type has its case (the compiler checks)
    default: {
      const never: never = e;
      return never;
    }
  }
}
