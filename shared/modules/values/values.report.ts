/**
 * The survey's report section: the prompt, the values ranked by gap as paired bars (importance and practice means),
 * the table of answers, means and gaps, and the follow-up (who needs to be involved, the actions). Tallies, means and
 * gaps only: never a ballot, never a person.
 */
import { promptBlocks } from '../../report/blocks.js';
import { count } from '../../report/format.js';
import type { Block } from '../../report/model.js';
import { dictGet } from '../../session/dict.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { oneDecimal, rankedResults, topGap } from './values.results.js';
import { SCALE_MAX, SCALE_MIN, surveyOf } from './values.state.js';

export const NO_VALUES = 'No values were set for the survey.';
export const NO_INVOLVE = 'Nobody was listed yet.';
export const NO_ACTIONS = 'No actions were planned yet.';
export const SERIES: [string, string] = ['Importance', 'Practice'];

const gapNote = (gap: number | null): string => (gap === null ? 'no gap yet' : `gap ${oneDecimal(gap)}`);

export function valuesReport(s: SessionState, item: AgendaItem): Block[] {
  const survey = surveyOf(s, item.id);
  const ranked = rankedResults(survey);
  if (!ranked.length) return [...promptBlocks(item), { kind: 'paragraph', text: NO_VALUES }];
  const top = new Set(topGap(ranked).map((r) => r.valueId));
  const answers = (valueId: string): number => dictGet(survey.answered, valueId) ?? 0;
  const actions = survey.order.flatMap((valueId) =>
    Object.values(survey.actions)
      .filter((a) => a.valueId === valueId)
      .map((a) => [dictGet(survey.values, valueId)?.name ?? '', a.what, a.owner, a.byWhen]),
  );
  return [
    ...promptBlocks(item),
    { kind: 'paragraph', text: `${count(survey.respondents, 'person', 'people')} answered the survey. Values ranked by gap: mean importance minus mean practice (1 to 5).` },
    {
      kind: 'pairedBars',
      min: SCALE_MIN,
      max: SCALE_MAX,
      series: SERIES,
      rows: ranked.map((r) => ({ label: r.name, a: r.meanImportance, b: r.meanPractice, note: gapNote(r.gap) })),
    },
    {
      kind: 'table',
      columns: ['Value', 'Answers', 'Mean importance', 'Mean practice', 'Gap'],
      rows: ranked.map((r) => [
        top.has(r.valueId) ? `${r.name} (top gap)` : r.name,
        String(answers(r.valueId)),
        oneDecimal(r.meanImportance),
        oneDecimal(r.meanPractice),
        oneDecimal(r.gap),
      ]),
      widths: [3, 1, 1.2, 1.2, 0.8],
    },
    { kind: 'heading', level: 3, text: 'Who needs to be involved in developing the values' },
    survey.involve.length ? { kind: 'list', items: survey.involve.map((e) => e.text) } : { kind: 'paragraph', text: NO_INVOLVE, tone: 'muted' },
    { kind: 'heading', level: 3, text: 'Actions to cultivate the values' },
    actions.length
      ? { kind: 'table', columns: ['Value', 'What', 'Owner', 'By when'], rows: actions, widths: [1.5, 3, 1.2, 1] }
      : { kind: 'paragraph', text: NO_ACTIONS, tone: 'muted' },
  ];
}
