import { toDict } from '../../session/dict.js';
import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { onlyKey, viewerId, type Viewer } from '../../session/visibility.js';
import type { VisionEvent } from './vision.events.js';
import { emptyDistribution } from './vision.state.js';

/** An answer and a rating are their author's. */
export const visionPersonalFor = (e: VisionEvent): string | null =>
  e.type === 'vision.fistAnswered' || e.type === 'vision.rated' ? e.participantId : null;

/**
 * Nobody but its author and the facilitator learns who answered or rated what; the tallies are for everyone, but a
 * hidden round's distribution only once it closes.
 */
export function visionEventFor(e: VisionEvent & EventMeta, viewer: Viewer, _hidden: SessionEvent): SessionEvent {
  const me = viewerId(viewer);
  switch (e.type) {
    case 'vision.fistAnswered': {
      const seen = e.hidden ? { ...e, distribution: emptyDistribution() } : e;
      return e.participantId === me ? seen : { ...seen, participantId: '', value: -1 };
    }
    case 'vision.rated':
      return e.participantId === me ? e : { ...e, participantId: '', rating: null };
    default:
      return e;
  }
}

export const visionStateFor = (s: SessionState, viewer: Viewer): Pick<SessionState, 'vision'> => {
  const me = viewerId(viewer);
  return {
    vision: toDict(
      Object.entries(s.vision).map(([id, v]) => [
        id,
        {
          ...v,
          rounds: v.rounds.map((r) => ({
            ...r,
            answers: onlyKey(r.answers, me),
            distribution: r.hidden && !r.closed && !v.final ? emptyDistribution() : r.distribution,
          })),
          crosswalk: { ...v.crosswalk, ratings: onlyKey(v.crosswalk.ratings, me) },
        },
      ] as const),
    ),
  };
};
