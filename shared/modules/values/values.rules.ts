/** What every decision of the survey shares: finding its item and survey, our refusal sentences, name checks. */
import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { Refusal } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { ValuesEvent } from './values.events.js';
import { MAX_VALUES, surveyOf, VALUES, type CandidateValue, type ValuesSurvey } from './values.state.js';

export interface Survey {
  itemId: string;
  survey: ValuesSurvey;
}

export const SAY = {
  noItem: 'No such agenda item.',
  notSurvey: 'This agenda item is not a core-values survey.',
  noValue: 'That value is no longer in the survey.',
  noProposal: 'That proposal no longer exists.',
  answered: 'That proposal was already answered.',
  full: `The survey holds at most ${MAX_VALUES} values: merge or remove one first.`,
  closedRating: 'The survey closed before your answer arrived, so it was not counted.',
  notOpen: 'The survey is not open yet: your answer was not counted.',
  fromPhone: 'Ratings are given from a phone.',
  noBallot: 'Your answer could not be filed anonymously, so it was not counted. Please reload the page and answer again.',
} as const;

export const one = (...events: ValuesEvent[]): Decision => ({ ok: true, events });

/** The survey the command names, or why there is none. */
export function surveyFor(s: SessionState, itemId: string): Survey | Refusal {
  const item = s.agenda.find((i) => i.id === itemId);
  if (!item) return fail('not_found', SAY.noItem);
  if (item.moduleType !== VALUES) return fail('conflict', SAY.notSurvey);
  return { itemId: item.id, survey: surveyOf(s, item.id) };
}

export const valueOf = (v: ValuesSurvey, valueId: string): CandidateValue | undefined =>
  v.order.includes(valueId) ? dictGet(v.values, valueId) : undefined;

/** Names alike, case and spacing aside. */
export const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The value already named so (case and spacing aside), other than `except`. */
export const namedLike = (v: ValuesSurvey, name: string, except?: string): CandidateValue | undefined =>
  v.order.map((id) => dictGet(v.values, id)).find((x): x is CandidateValue => !!x && x.id !== except && sameName(x.name, name));

export const nameTaken = (name: string): Refusal => fail('conflict', `“${name.trim()}” is already in the survey.`);
