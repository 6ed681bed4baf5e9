import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { ClosedStep, DecideContext, EventMeta } from '../../session/module.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import { CROSSWALK_RATINGS, type CrosswalkRating } from './cfsr.js';
import type { VisionCommand, VisionEvent } from './vision.events.js';
import { emptyDistribution, initialVision, VISION, type FistRound, type VisionState } from './vision.state.js';
import { dictGet, dictSet, emptyDict } from '../../session/dict.js';
import { CROSSWALK, takesVisionContext } from './vision.context.js';

/** What a crosswalk item takes: the context and the crosswalk. */
const CROSSWALK_COMMANDS: readonly VisionCommand['type'][] = ['vision.setContext', 'vision.openCrosswalk', 'vision.rate'];

export const visionOf = (s: SessionState, itemId: string): VisionState => dictGet(s.vision, itemId) ?? initialVision();
export const currentRound = (v: VisionState): FistRound | undefined => v.rounds[v.rounds.length - 1];

const emptyTally = (): Record<CrosswalkRating, number> =>
  Object.fromEntries(CROSSWALK_RATINGS.map((r) => [r, 0])) as Record<CrosswalkRating, number>;

export function decideVision(s: SessionState, actor: Actor, cmd: VisionCommand, { newId }: Pick<DecideContext, 'newId'>): Decision {
  const item = s.agenda.find((i) => i.id === cmd.payload.itemId);
  if (!item) return fail('not_found', 'No such agenda item.');
  // The session's context can also be entered on an item that shows it (input "vision"), such as a discussion of the current mission.
  const showsContext = cmd.type === 'vision.setContext' && takesVisionContext(item);
  if (item.moduleType !== VISION && item.moduleType !== CROSSWALK && !showsContext) return fail('conflict', 'This agenda item is not a vision retreat.');
  if (item.moduleType === CROSSWALK && !CROSSWALK_COMMANDS.includes(cmd.type))
    return fail('conflict', 'This agenda item holds the crosswalk: the statement is written on the preferred-future item.');
  const itemId = item.id;
  const v = visionOf(s, itemId);
  const round = currentRound(v);
  const one = (e: VisionEvent): Decision => ({ ok: true, events: [e] });
  switch (cmd.type) {
    case 'vision.setContext': {
      const { mission, vision, values, pastedCarried = [] } = cmd.payload;
      return one({ type: 'vision.contextSet', itemId, mission, vision, values, pastedCarried });
    }
    case 'vision.draft':
      if (v.final) return fail('conflict', 'The statement is final.');
      if (round && !round.closed) return fail('conflict', 'Close the fist-to-five round before revising the statement.');
      return one({ type: 'vision.drafted', itemId, text: cmd.payload.text });
    case 'vision.askFist': {
      if (v.final) return fail('conflict', 'The statement is final.');
      if (round && !round.closed) return fail('conflict', 'A fist-to-five round is already open: close it first.');
      if (!v.draft.trim()) return fail('conflict', 'Write a draft statement first.');
      const hidden = cmd.payload.hideDistribution === true;
      return one({ type: 'vision.fistAsked', itemId, roundId: newId(), statement: v.draft, ...(hidden ? { hidden } : {}) });
    }
    case 'vision.closeFist':
      if (!round || round.closed || v.final) return fail('conflict', 'There is no fist-to-five round open to close.');
      return one({ type: 'vision.fistClosed', itemId, roundId: round.id, distribution: round.distribution });
    case 'vision.fist': {
      if (actor.role !== 'participant') return fail('forbidden', 'Fist-to-five is answered from a phone.');
      if (!round || round.closed || v.final) return fail('conflict', 'There is no fist-to-five open right now.');
      const distribution = [...round.distribution] as FistRound['distribution'];
      const before = dictGet(round.answers, actor.participantId);
      // Stryker disable next-line LogicalOperator: the distribution has a slot for every answer 0 to 5
      if (before !== undefined) distribution[before] = (distribution[before] ?? 1) - 1;
      distribution[cmd.payload.value] = (distribution[cmd.payload.value] ?? 0) + 1;
      return one({
        type: 'vision.fistAnswered',
        itemId,
        roundId: round.id,
        participantId: actor.participantId,
        value: cmd.payload.value,
        distribution,
        ...(round.hidden ? { hidden: true } : {}),
      });
    }
    case 'vision.finalize':
      if (v.final) return fail('conflict', 'The statement is already final.');
      if (!round) return fail('conflict', 'Ask the room for a fist-to-five on the statement first.');
      return one({ type: 'vision.finalized', itemId, statement: round.statement, distribution: round.distribution });
    case 'vision.openCrosswalk':
      return one({ type: 'vision.crosswalkOpened', itemId, open: cmd.payload.open });
    case 'vision.rate': {
      if (actor.role !== 'participant') return fail('forbidden', 'The crosswalk is answered from a phone.');
      if (!v.crosswalk.open) return fail('conflict', 'The crosswalk is not open.');
      const { outcomeId, rating } = cmd.payload;
      const tally = { ...(dictGet(v.crosswalk.tally, outcomeId) ?? emptyTally()) };
      const before = dictGet(v.crosswalk.ratings, actor.participantId)?.[outcomeId];
      if (before) tally[before]--;
      tally[rating]++;
      return one({ type: 'vision.rated', itemId, outcomeId, participantId: actor.participantId, rating, tally });
    }
    // Stryker disable next-line all: unreachable, every command type has its case (the compiler checks)
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

export function applyVision(s: SessionState, e: VisionEvent & EventMeta): SessionState {
  const v = visionOf(s, e.itemId);
  const put = (next: VisionState): SessionState => ({ ...s, vision: dictSet(s.vision, e.itemId, next) });
  switch (e.type) {
    case 'vision.contextSet':
      return put({ ...v, mission: e.mission, vision: e.vision, values: e.values, pastedCarried: e.pastedCarried, contextSeq: e.seq });
    case 'vision.drafted':
      return put({ ...v, draft: e.text });
    case 'vision.fistAsked':
      return put({
        ...v,
        rounds: [
          ...v.rounds.map((r) => ({ ...r, closed: true })),
          {
            id: e.roundId,
            statement: e.statement,
            distribution: emptyDistribution(),
            answers: emptyDict(),
            closed: false,
            ...(e.hidden ? { hidden: true } : {}),
          },
        ],
      });
    case 'vision.fistClosed':
      return put({ ...v, rounds: v.rounds.map((r) => (r.id === e.roundId ? { ...r, closed: true, distribution: e.distribution } : r)) });
    case 'vision.fistAnswered':
      return put({
        ...v,
        rounds: v.rounds.map((r) =>
          r.id !== e.roundId
            ? r
            : {
                ...r,
                distribution: e.distribution,
                answers: e.participantId ? dictSet(r.answers, e.participantId, e.value) : r.answers,
              },
        ),
      });
    case 'vision.finalized':
      return put({
        ...v,
        draft: e.statement,
        final: { statement: e.statement, distribution: e.distribution, at: e.at },
        rounds: v.rounds.map((r) => ({ ...r, closed: true })),
      });
    case 'vision.crosswalkOpened':
      return put({ ...v, crosswalk: { ...v.crosswalk, open: e.open } });
    case 'vision.rated': {
      const ratings =
        // Stryker disable next-line LogicalOperator: the rater and the rating are both set (rater's and facilitator's screens) or both blank (everyone else's)
        e.participantId && e.rating
          ? dictSet(v.crosswalk.ratings, e.participantId, { ...dictGet(v.crosswalk.ratings, e.participantId), [e.outcomeId]: e.rating })
          : v.crosswalk.ratings;
      return put({ ...v, crosswalk: { ...v.crosswalk, tally: dictSet(v.crosswalk.tally, e.outcomeId, e.tally), ratings } });
    }
    // Stryker disable next-line all: unreachable, every event type has its case (the compiler checks)
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Whether a participant's answer or rating was refused only because its round or the crosswalk had closed. */
export function closedVision(s: SessionState, input: VisionCommand): ClosedStep | null {
  if (input.type !== 'vision.fist' && input.type !== 'vision.rate') return null;
  const item = s.agenda.find((i) => i.id === input.payload.itemId);
  if (!item || (item.moduleType !== VISION && item.moduleType !== CROSSWALK)) return null;
  const v = visionOf(s, item.id);
  if (input.type === 'vision.rate') return v.crosswalk.open ? null : { itemId: item.id, reason: 'The crosswalk had closed.' };
  const round = currentRound(v);
  return round && (round.closed || v.final) ? { itemId: item.id, reason: 'The fist-to-five had closed.' } : null;
}
