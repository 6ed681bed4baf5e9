/**
 * Who sees what of the eco-map. A mark is its marker's (and the facilitator's): every other screen learns only that
 * someone marked (the count of markers), and the counts only once the facilitator shows the results, as with the
 * dot vote. A proposal's author is known to the facilitator and the author only.
 */
import { emptyDict, mapDict, toDict } from '../../session/dict.js';
import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { isAuthor, onlyKey, viewerId, type Viewer } from '../../session/visibility.js';
import type { EcoMapEvent } from './ecomap.events.js';
import { emptyCounts, type MarkCounts, type PartnerProposal } from './ecomap.state.js';

/** A mark is its marker's; a proposal its author's. */
export const ecoMapPersonalFor = (e: EcoMapEvent): string | null =>
  e.type === 'ecomap.marked' ? e.participantId || null : e.type === 'ecomap.proposed' ? e.proposal.authorId : null;

const proposalFor = (p: PartnerProposal, viewer: Viewer): PartnerProposal => (isAuthor(p.authorId, viewer) ? p : { ...p, authorId: null });

/** One eco-map event as a screen that is not the console may see it. */
export function ecoMapEventFor(e: EcoMapEvent & EventMeta, viewer: Viewer, _hidden: SessionEvent): SessionEvent {
  switch (e.type) {
    case 'ecomap.marked': {
      const counts = e.shown ? e.counts : emptyCounts();
      return e.participantId === viewerId(viewer) ? { ...e, counts } : { ...e, participantId: '', mark: null, counts };
    }
    case 'ecomap.resultsShown':
      return e.shown ? e : { ...e, counts: {} };
    case 'ecomap.partnersMerged':
      return e.shown ? e : { ...e, counts: emptyCounts() };
    case 'ecomap.proposed':
      return { ...e, proposal: proposalFor(e.proposal, viewer) };
    default:
      return e;
  }
}

/** The eco-maps as a screen that is not the console holds them: its own marks, and the counts once shown. */
export const ecoMapStateFor = (s: SessionState, viewer: Viewer): Pick<SessionState, 'ecomaps'> => {
  const me = viewerId(viewer);
  return {
    ecomaps: toDict(
      Object.entries(s.ecomaps).map(([id, m]) => [
        id,
        {
          ...m,
          marks: onlyKey(m.marks, me),
          counts: m.resultsShown ? m.counts : emptyDict<MarkCounts>(),
          proposals: mapDict(m.proposals, (p) => proposalFor(p, viewer)),
        },
      ] as const),
    ),
  };
};
