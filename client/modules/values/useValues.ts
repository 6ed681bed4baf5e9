import { useMemo } from 'react';
import { dictGet } from '../../../shared/session/dict.js';
import { initialSurvey, type CandidateValue, type ValueResult, type ValuesSurvey } from '../../../shared/modules/values/values.state.js';
import { rankedResults, topGap } from '../../../shared/modules/values/values.results.js';
import { useSession } from '../../store.js';

const EMPTY = initialSurvey();

/** The survey of one values item, as this screen is allowed to see it. */
export const useSurvey = (itemId: string): ValuesSurvey => useSession((s) => dictGet(s.state.values, itemId) ?? EMPTY);

/** The values in the order every screen lists them (an id naming nothing is skipped). */
export const valuesInOrder = (survey: ValuesSurvey): CandidateValue[] =>
  survey.order.flatMap((id) => {
    const v = dictGet(survey.values, id);
    return v ? [v] : [];
  });

/** The results ranked by gap (values.results.ts): the same on the board, console, phone and report. */
export function useResults(survey: ValuesSurvey): ValueResult[] {
  return useMemo(() => rankedResults(survey), [survey]);
}


/** The ids of the top-gap values (values.results.ts), for marking them. */
export function useTopGap(results: ValueResult[]): ReadonlySet<string> {
  return useMemo(() => new Set(topGap(results).map((r) => r.valueId)), [results]);
}
