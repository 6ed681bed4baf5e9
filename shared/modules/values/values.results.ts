/**
 * The survey's results, pure: counts from the ballots, each value's distributions, means and gap, the ranking by gap
 * and the top-gap values. Board, console, phone and report all read them from here.
 */
import { dictGet, toDict, type Dict } from '../../session/dict.js';
import {
  emptyDistribution,
  SCALE_MIN,
  type Distribution,
  type Rating,
  type Scale,
  type ValueResult,
  type ValuesSurvey,
  type ValueTally,
} from './values.state.js';

/** How many top-gap values the follow-up asks actions for. */
export const TOP_GAP = 3;

export const emptyTally = (): ValueTally => ({ importance: emptyDistribution(), practice: emptyDistribution() });

/** Whether a ballot's answer for a value holds anything (a withdrawn answer holds nothing). */
export const answeredAny = (r: Rating | undefined): boolean => !!r && (r.importance !== null || r.practice !== null);

/** A tally with one answer taken out (`sign` -1) or put in (+1). */
export function addRating(t: ValueTally, r: Rating | undefined, sign: 1 | -1): ValueTally {
  const next = { importance: [...t.importance] as Distribution, practice: [...t.practice] as Distribution };
  for (const scale of ['importance', 'practice'] as const) {
    const score = r?.[scale];
    if (score === null || score === undefined) continue;
    const at = score - SCALE_MIN;
    if (at >= 0 && at < next[scale].length) next[scale][at] = Math.max(0, (next[scale][at] ?? 0) + sign);
  }
  return next;
}

export interface Counts {
  tally: Dict<ValueTally>;
  answered: Dict<number>;
  respondents: number;
}

/** Every value's tally and answered count, and the respondents, counted from the ballots (the server's copy holds them all). */
export function countBallots(ballots: Dict<Dict<Rating>>): Counts {
  const tally = new Map<string, ValueTally>();
  const answered = new Map<string, number>();
  let respondents = 0;
  for (const byValue of Object.values(ballots)) {
    let any = false;
    for (const [valueId, r] of Object.entries(byValue)) {
      if (!answeredAny(r)) continue;
      any = true;
      tally.set(valueId, addRating(tally.get(valueId) ?? emptyTally(), r, 1));
      answered.set(valueId, (answered.get(valueId) ?? 0) + 1);
    }
    if (any) respondents++;
  }
  return { tally: toDict(tally), answered: toDict(answered), respondents };
}

const total = (d: Distribution): number => d.reduce((a, b) => a + b, 0);

/** The mean of a distribution, or null with no answers. */
export function meanOf(d: Distribution): number | null {
  const n = total(d);
  return n === 0 ? null : d.reduce((sum, count, i) => sum + count * (i + SCALE_MIN), 0) / n;
}

/** One decimal, as screens and the report print a mean or a gap ("3.4", "-0.5"); a dash when there is none. */
export const oneDecimal = (x: number | null): string => (x === null ? '—' : (Math.round(x * 10) / 10).toFixed(1));

/** Each value's result, in the survey's order. The tallies are what this screen was sent (the console's always). */
export function valueResults(survey: ValuesSurvey): ValueResult[] {
  return survey.order.flatMap((valueId) => {
    const value = dictGet(survey.values, valueId);
    if (!value) return [];
    const t = dictGet(survey.tally, valueId) ?? emptyTally();
    const meanImportance = meanOf(t.importance);
    const meanPractice = meanOf(t.practice);
    return [
      {
        valueId,
        name: value.name,
        nImportance: total(t.importance),
        nPractice: total(t.practice),
        importance: t.importance,
        practice: t.practice,
        meanImportance,
        meanPractice,
        gap: meanImportance === null || meanPractice === null ? null : meanImportance - meanPractice,
      },
    ];
  });
}

/**
 * The values ranked by gap, largest first; ties by mean importance, largest first; then in the survey's order. A
 * value without a gap (a scale nobody answered) comes after every value with one.
 */
export function rankByGap(results: readonly ValueResult[]): ValueResult[] {
  // Means are fractions: a difference under 1e-9 is a tie of floating-point rounding (4.5 - 3.2 and 3.3 - 2.0).
  const down = (a: number | null, b: number | null): number =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : Math.abs(b - a) < 1e-9 ? 0 : b - a;
  return results
    .map((r, order) => ({ r, order }))
    .sort((x, y) => down(x.r.gap, y.r.gap) || down(x.r.meanImportance, y.r.meanImportance) || x.order - y.order)
    .map(({ r }) => r);
}

/**
 * The top-gap values: the first TOP_GAP of the ranking whose gap is a gap to close (importance above practice); a
 * value lived as well as it matters, or better, is not one.
 */
export const topGap = (ranked: readonly ValueResult[]): ValueResult[] => ranked.filter((r) => r.gap !== null && r.gap > 0).slice(0, TOP_GAP);

/** The survey's values ranked by gap (what board, console and report show). */
export const rankedResults = (survey: ValuesSurvey): ValueResult[] => rankByGap(valueResults(survey));

/** A phone's own answers: its copy of the survey holds its own ballot only (see values.visibility.ts). */
export const ownRatings = (survey: ValuesSurvey): Dict<Rating> => Object.values(survey.ballots)[0] ?? toDict<Rating>([]);

/** A phone's own answer on one scale of one value, or null. */
export const ownScore = (survey: ValuesSurvey, valueId: string, scale: Scale): number | null => dictGet(ownRatings(survey), valueId)?.[scale] ?? null;
