/**
 * The survey in the CSV and JSON exports: per value its answers, distributions, means and gap (ranked by gap), who
 * needs to be involved and the actions. Tallies, means and gaps only: never a ballot.
 */
import { dictGet } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';
import { oneDecimal, rankedResults } from './values.results.js';
import { surveyOf, type Distribution, type ValuesSurvey } from './values.state.js';

/** One CSV row's own fields (the export adds the item's). */
export interface ValuesCsvRow {
  kind: string;
  column: string;
  text: string;
  value: string;
}

const counts = (d: Distribution): string => d.join(' ');

export function valuesCsvRows(v: ValuesSurvey): ValuesCsvRow[] {
  const rows: ValuesCsvRow[] = [];
  for (const r of rankedResults(v)) {
    const row = (kind: string, value: string) => rows.push({ kind, column: '', text: r.name, value });
    row('answers', String(dictGet(v.answered, r.valueId) ?? 0));
    row('importance 1-5', counts(r.importance));
    row('practice 1-5', counts(r.practice));
    row('mean importance', oneDecimal(r.meanImportance));
    row('mean practice', oneDecimal(r.meanPractice));
    row('gap', oneDecimal(r.gap));
  }
  for (const e of v.involve) rows.push({ kind: 'involve', column: '', text: e.text, value: '' });
  for (const a of Object.values(v.actions))
    rows.push({ kind: 'action', column: dictGet(v.values, a.valueId)?.name ?? '', text: a.what, value: [a.owner, a.byWhen].filter(Boolean).join(', ') });
  return rows;
}

export interface ValuesExport {
  phase: ValuesSurvey['phase'];
  resultsShown: boolean;
  respondents: number;
  /** Ranked by gap (see values.results.ts). */
  results: {
    name: string;
    description: string;
    answers: number;
    importance: Distribution;
    practice: Distribution;
    meanImportance: number | null;
    meanPractice: number | null;
    gap: number | null;
  }[];
  involve: string[];
  actions: { value: string; what: string; owner: string; byWhen: string }[];
}

/** A survey item's part of the JSON export (an item whose survey has not started yet: the initial survey). */
export function valuesExport(s: SessionState, itemId: string): ValuesExport {
  const v = surveyOf(s, itemId);
  return {
    phase: v.phase,
    resultsShown: v.resultsShown,
    respondents: v.respondents,
    results: rankedResults(v).map((r) => ({
      name: r.name,
      description: dictGet(v.values, r.valueId)?.description ?? '',
      answers: dictGet(v.answered, r.valueId) ?? 0,
      importance: r.importance,
      practice: r.practice,
      meanImportance: r.meanImportance,
      meanPractice: r.meanPractice,
      gap: r.gap,
    })),
    involve: v.involve.map((e) => e.text),
    actions: Object.values(v.actions).map((a) => ({ value: dictGet(v.values, a.valueId)?.name ?? '', what: a.what, owner: a.owner, byWhen: a.byWhen })),
  };
}
