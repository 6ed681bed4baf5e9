/**
 * The anonymous ratings. A rating is filed under the sender's ballot (Actor.ballot, set by the server), never under
 * the participant: the event names the ballot, and the tally, answered count and respondents after it. Only while the
 * survey is open; after it closed the phone keeps the answer and hears why it was not counted (it is not kept on the
 * server as late input: that would tie the rating to the participant).
 */
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet, dictSet, dictWithout, emptyDict, mapDict, type Dict } from '../../session/dict.js';
import type { Actor } from '../../session/permissions.js';
import type { ValuesCommand } from './values.events.js';
import { addRating, answeredAny, countBallots, emptyTally } from './values.results.js';
import type { Rating, ValuesSurvey, ValueTally } from './values.state.js';
import { one, SAY, valueOf, type Survey } from './values.rules.js';

const NONE: Rating = { importance: null, practice: null };

/** A ballot's answers with one value's answer set (or taken out when it holds nothing). */
export const withRating = (byValue: Dict<Rating> | undefined, valueId: string, r: Rating): Dict<Rating> =>
  answeredAny(r) ? dictSet(byValue, valueId, r) : dictWithout(byValue ?? emptyDict<Rating>(), valueId);

/** Ballots after `fromId` folds into `intoId`: an answer on `fromId` moves over unless the ballot answered `intoId`. */
export function mergedBallots(ballots: Dict<Dict<Rating>>, fromId: string, intoId: string): Dict<Dict<Rating>> {
  return mapDict(ballots, (byValue) => {
    const from = dictGet(byValue, fromId);
    if (!from) return byValue;
    const rest = dictWithout(byValue, fromId);
    return answeredAny(dictGet(rest, intoId)) ? rest : dictSet(rest, intoId, from);
  });
}

/** Ballots without a value's answers (a ballot left with none is gone). */
export function ballotsWithout(ballots: Dict<Dict<Rating>>, valueId: string): Dict<Dict<Rating>> {
  let out = ballots;
  for (const [ballot, byValue] of Object.entries(ballots)) {
    if (!dictGet(byValue, valueId)) continue;
    const rest = dictWithout(byValue, valueId);
    out = Object.keys(rest).length ? dictSet(out, ballot, rest) : dictWithout(out, ballot);
  }
  return out;
}

/** What a merge leaves `intoId` with, counted from every ballot (the decision runs on the server's full copy). */
export function countsAfterMerge(v: ValuesSurvey, fromId: string, intoId: string) {
  const counts = countBallots(mergedBallots(v.ballots, fromId, intoId));
  return {
    tally: dictGet(counts.tally, intoId) ?? emptyTally(),
    answered: dictGet(counts.answered, intoId) ?? 0,
    respondents: counts.respondents,
    shown: v.resultsShown,
  };
}

/** How many ballots still rate anything once a value is removed. */
export const countsAfterRemoval = (v: ValuesSurvey, valueId: string): number => countBallots(ballotsWithout(v.ballots, valueId)).respondents;

function refuseRating(v: ValuesSurvey, actor: Actor, valueId: string) {
  if (actor.role !== 'participant') return fail('forbidden', SAY.fromPhone);
  if (!actor.ballot) return fail('forbidden', SAY.noBallot);
  if (v.phase === 'closed') return fail('conflict', SAY.closedRating);
  if (v.phase !== 'open') return fail('conflict', SAY.notOpen);
  if (!valueOf(v, valueId)) return fail('not_found', `${SAY.noValue} Your answer was not counted.`);
  return null;
}

export function decideRate(at: Survey, actor: Actor, cmd: Extract<ValuesCommand, { type: 'values.rate' }>): Decision {
  const { itemId, survey: v } = at;
  const { valueId, scale, score } = cmd.payload;
  const refused = refuseRating(v, actor, valueId);
  if (refused || actor.role !== 'participant' || !actor.ballot) return refused ?? fail('forbidden', SAY.noBallot);
  const ballot = actor.ballot;
  const mine = dictGet(v.ballots, ballot);
  const before = dictGet(mine, valueId) ?? NONE;
  if (before[scale] === score)
    return fail('conflict', score === null ? 'You had not answered that yet, so there is nothing to withdraw.' : 'That is already your answer.');
  const rating: Rating = { ...before, [scale]: score };
  const tally: ValueTally = addRating(addRating(dictGet(v.tally, valueId) ?? emptyTally(), before, -1), rating, 1);
  const wasAnswered = answeredAny(before);
  const isAnswered = answeredAny(rating);
  const answered = (dictGet(v.answered, valueId) ?? 0) + Number(isAnswered) - Number(wasAnswered);
  const after = withRating(mine, valueId, rating);
  const hadAny = !!mine && Object.values(mine).some(answeredAny);
  const hasAny = Object.values(after).some(answeredAny);
  const respondents = v.respondents + Number(hasAny) - Number(hadAny);
  return one({ type: 'values.rated', itemId, valueId, ballot, rating, tally, answered, respondents, shown: v.resultsShown });
}
