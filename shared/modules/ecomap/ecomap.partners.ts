/** The facilitator's partners and the participants' proposals: who is on the map. */
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { DecideContext } from '../../session/module.js';
import type { Actor } from '../../session/permissions.js';
import type { EcoMapCommand, EcoMapEvent } from './ecomap.events.js';
import { marksWithout, mergedMarks } from './ecomap.marks.js';
import { countsOf, markersOf } from './ecomap.results.js';
import {
  MAX_PARTNERS,
  MAX_PROPOSALS,
  MAX_PROPOSALS_PER_PERSON,
  STARTER_PARTNERS,
  type EcoMapState,
  type Partner,
  type PartnerProposal,
  type Side,
} from './ecomap.state.js';

export const NO_SUCH_PARTNER = 'That partner is no longer on the map.';
export const NO_SUCH_PROPOSAL = 'That proposal does not exist.';
const FULL = `The map holds at most ${MAX_PARTNERS} partners: merge or remove one first.`;

const ok = (...events: EcoMapEvent[]): Decision => ({ ok: true, events });
const same = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The partner already on the map under this name (letter case and spaces aside), other than `except`. */
export const partnerNamed = (m: EcoMapState, name: string, except?: string): Partner | undefined =>
  m.order.map((id) => dictGet(m.partners, id)).find((p): p is Partner => !!p && p.id !== except && same(p.name, name));

/** A name's category and side from the starter set, or "Other" and external. */
export function starterPlace(name: string): { category: string; side: Side } {
  const known = STARTER_PARTNERS.find((p) => same(p.name, name));
  return known ? { category: known.category, side: known.side } : { category: 'Other', side: 'external' };
}

const onMap = (name: string): string => `“${name.trim()}” is on the map already.`;

type PartnerCommand = Extract<EcoMapCommand, { type: `ecomap.${'addPartner' | 'addPartners' | 'editPartner' | 'removePartner' | 'movePartner' | 'mergePartners'}` }>;

/** The facilitator's changes to the partners (the core let only the facilitator through). */
export function decidePartners(m: EcoMapState, itemId: string, cmd: PartnerCommand, { newId }: Pick<DecideContext, 'newId'>): Decision {
  switch (cmd.type) {
    case 'ecomap.addPartner': {
      const { name, category, side, index } = cmd.payload;
      if (m.order.length >= MAX_PARTNERS) return fail('conflict', FULL);
      if (partnerNamed(m, name)) return fail('conflict', onMap(name));
      const partner: Partner = { id: newId(), name, category, side, proposalId: null };
      return ok({ type: 'ecomap.partnerAdded', itemId, partner, ...(index === undefined ? {} : { index }) });
    }
    case 'ecomap.addPartners': {
      const names: string[] = [];
      for (const name of cmd.payload.names) if (!partnerNamed(m, name) && !names.some((n) => same(n, name))) names.push(name);
      if (!names.length) return fail('conflict', 'Every one of these partners is on the map already.');
      const room = MAX_PARTNERS - m.order.length;
      if (names.length > room)
        return fail('conflict', `Only ${room} more partner${room === 1 ? '' : 's'} fit on the map (at most ${MAX_PARTNERS}): add fewer, or merge or remove some first.`);
      return ok(...names.map((name): EcoMapEvent => ({ type: 'ecomap.partnerAdded', itemId, partner: { id: newId(), name, ...starterPlace(name), proposalId: null } })));
    }
    case 'ecomap.editPartner': {
      const { partnerId, name, category, side } = cmd.payload;
      if (!dictGet(m.partners, partnerId)) return fail('not_found', NO_SUCH_PARTNER);
      if (partnerNamed(m, name, partnerId)) return fail('conflict', `${onMap(name)} Merge the two instead.`);
      return ok({ type: 'ecomap.partnerEdited', itemId, partnerId, name, category, side });
    }
    case 'ecomap.removePartner': {
      const { partnerId } = cmd.payload;
      if (!dictGet(m.partners, partnerId)) return fail('not_found', NO_SUCH_PARTNER);
      return ok({ type: 'ecomap.partnerRemoved', itemId, partnerId, markers: markersOf(marksWithout(m.marks, partnerId)) });
    }
    case 'ecomap.movePartner': {
      const { partnerId, toIndex } = cmd.payload;
      if (!dictGet(m.partners, partnerId)) return fail('not_found', NO_SUCH_PARTNER);
      return ok({ type: 'ecomap.partnerMoved', itemId, partnerId, toIndex: Math.min(toIndex, m.order.length - 1) });
    }
    case 'ecomap.mergePartners': {
      const { fromId, intoId } = cmd.payload;
      if (!dictGet(m.partners, fromId) || !dictGet(m.partners, intoId)) return fail('not_found', NO_SUCH_PARTNER);
      if (fromId === intoId) return fail('conflict', 'Pick two different partners to merge.');
      const counts = countsOf(mergedMarks(m.marks, fromId, intoId), intoId);
      return ok({ type: 'ecomap.partnersMerged', itemId, fromId, intoId, counts, shown: m.resultsShown });
    }
  }
}

type ProposalCommand = Extract<EcoMapCommand, { type: `ecomap.${'propose' | 'acceptProposal' | 'mergeProposal' | 'declineProposal'}` }>;

/** A participant proposes a partner; the facilitator accepts (perhaps renamed), merges it into one, or declines it. */
export function decideProposals(m: EcoMapState, actor: Actor, itemId: string, cmd: ProposalCommand, ctx: Pick<DecideContext, 'newId' | 'now'>): Decision {
  if (cmd.type === 'ecomap.propose') {
    if (actor.role !== 'participant') return fail('forbidden', 'Partners are proposed from a phone: add it to the map directly.');
    if (m.vote === 'closed') return fail('conflict', 'The vote has closed: partners can no longer be proposed.');
    const { name } = cmd.payload;
    if (partnerNamed(m, name)) return fail('conflict', onMap(name));
    const proposals = Object.values(m.proposals);
    if (proposals.some((p) => p.status === 'waiting' && same(p.name, name))) return fail('conflict', `“${name}” has been proposed already: the facilitator will take it up.`);
    const mine = proposals.filter((p) => p.status === 'waiting' && p.authorId === actor.participantId).length;
    if (mine >= MAX_PROPOSALS_PER_PERSON)
      return fail('conflict', `You have ${mine} proposals waiting, the most at once: wait until the facilitator takes them up.`);
    if (proposals.length >= MAX_PROPOSALS) return fail('conflict', `This map has received ${MAX_PROPOSALS} proposals, the most it takes: tell the facilitator instead.`);
    const place = starterPlace(name);
    const proposal: PartnerProposal = {
      id: ctx.newId(),
      name,
      category: cmd.payload.category ?? place.category,
      side: cmd.payload.side ?? place.side,
      authorId: actor.participantId,
      status: 'waiting',
      partnerId: null,
      reason: '',
      at: ctx.now,
    };
    return ok({ type: 'ecomap.proposed', itemId, proposal });
  }
  const proposal = dictGet(m.proposals, cmd.payload.proposalId);
  if (!proposal) return fail('not_found', NO_SUCH_PROPOSAL);
  if (proposal.status !== 'waiting') return fail('conflict', `That proposal was ${proposal.status} already.`);
  const proposalId = proposal.id;
  switch (cmd.type) {
    case 'ecomap.acceptProposal': {
      const name = cmd.payload.name ?? proposal.name;
      if (m.order.length >= MAX_PARTNERS) return fail('conflict', FULL);
      if (partnerNamed(m, name)) return fail('conflict', `${onMap(name)} Merge the proposal into it instead.`);
      const partner: Partner = { id: ctx.newId(), name, category: cmd.payload.category ?? proposal.category, side: cmd.payload.side ?? proposal.side, proposalId };
      return ok({ type: 'ecomap.proposalAccepted', itemId, proposalId, partner });
    }
    case 'ecomap.mergeProposal':
      if (!dictGet(m.partners, cmd.payload.intoId)) return fail('not_found', NO_SUCH_PARTNER);
      return ok({ type: 'ecomap.proposalMerged', itemId, proposalId, intoId: cmd.payload.intoId });
    case 'ecomap.declineProposal':
      return ok({ type: 'ecomap.proposalDeclined', itemId, proposalId, reason: cmd.payload.reason ?? '' });
  }
}
