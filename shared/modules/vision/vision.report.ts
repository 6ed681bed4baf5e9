/**
 * The report section of a vision retreat: the current mission, vision and values, what the SWOT carried forward,
 * the preferred-future phrases, the statement, every fist-to-five round with its distribution, and the CFSR
 * crosswalk (seed 000's four questions per outcome).
 */
import { promptBlocks } from '../../report/blocks.js';
import { count, formatDateTime } from '../../report/format.js';
import type { Block, ReportOptions } from '../../report/model.js';
import { dictGet } from '../../session/dict.js';
import type { ReportKinds } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { flowBody, flowFacts } from '../flow/flow.report.js';
import { carriedIn, carriedLine } from '../carry/carry.logic.js';
import { CFSR_OUTCOMES, CROSSWALK_LABELS, CROSSWALK_RATINGS } from './cfsr.js';
import { visionOf } from './vision.logic.js';
import type { FistRound, VisionState } from './vision.state.js';
import { crosswalkUsed, sessionContext, type VisionContext } from './vision.context.js';

const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });

function contextBlocks(v: VisionContext): Block[] {
  const pairs = (
    [
      ['Mission', v.mission],
      ['Vision', v.vision],
      ['Values', v.values],
    ] as Array<[string, string]>
  ).filter(([, text]) => text.trim());
  return [h2('Mission, vision and values'), pairs.length ? { kind: 'facts', pairs } : { kind: 'paragraph', text: 'No mission, vision or values were entered.' }];
}

/** What the data retreat carried forward: this session's other brainstorms, imports, and as pasted by the facilitator. */
function carriedInBlocks(state: SessionState, item: AgendaItem, v: VisionContext, kinds: ReportKinds): Block[] {
  const items = [
    ...carriedIn(state, kinds)
      .filter((c) => c.itemId !== item.id)
      .map(carriedLine),
    ...v.pastedCarried.filter((t) => t.trim()),
  ];
  return [h2('Carried forward from the SWOT'), items.length ? { kind: 'list', items } : { kind: 'paragraph', text: 'Nothing was carried forward.' }];
}

function statementBlocks(v: VisionState, options: ReportOptions): Block[] {
  const head = h2('Preferred future statement');
  if (v.final) return [head, { kind: 'quote', text: v.final.statement, attribution: `Final, ${formatDateTime(v.final.at, options.timeZone)}` }];
  if (v.draft.trim()) return [head, { kind: 'quote', text: v.draft, attribution: 'Draft, not final yet' }];
  return [head, { kind: 'paragraph', text: 'No statement was drafted.' }];
}

/** How many answered, and the average of the answers (0 fist to 5 fingers). */
export function fistSummary(distribution: FistRound['distribution']): string {
  const answers = distribution.reduce((a, b) => a + b, 0);
  if (!answers) return 'Nobody answered.';
  const average = distribution.reduce((sum, n, value) => sum + n * value, 0) / answers;
  return `${count(answers, 'answer')}, average ${average.toFixed(1)}.`;
}

function roundBlocks(v: VisionState): Block[] {
  if (!v.rounds.length) return [h2('Fist-to-five'), { kind: 'paragraph', text: 'The statement was not put to a fist-to-five.' }];
  const blocks: Block[] = [h2('Fist-to-five')];
  v.rounds.forEach((round, i) => {
    const last = i === v.rounds.length - 1;
    blocks.push({ kind: 'heading', level: 3, text: `Round ${i + 1}${last && v.final ? ' (final)' : ''}` });
    blocks.push({ kind: 'quote', text: round.statement });
    blocks.push({ kind: 'bars', unit: 'answers', bars: round.distribution.map((value, answer) => ({ label: String(answer), value })) });
    blocks.push({ kind: 'paragraph', text: fistSummary(round.distribution), tone: 'muted' });
  });
  return blocks;
}

/** The crosswalk: for each CFSR outcome, how many rated it directly incorporated, expounds on, conflicts, goes beyond. */
function crosswalkBlocks(v: VisionState): Block[] {
  const rows = CFSR_OUTCOMES.map((o) => {
    const tally = dictGet(v.crosswalk.tally, o.id);
    return [`${o.id} ${o.text}`, ...CROSSWALK_RATINGS.map((r) => String(tally?.[r] ?? 0))];
  });
  const rated = rows.some((row) => row.slice(1).some((n) => n !== '0'));
  return [
    h2('CFSR crosswalk'),
    rated
      ? { kind: 'table', columns: ['Outcome', ...CROSSWALK_RATINGS.map((r) => CROSSWALK_LABELS[r])], rows, widths: [4, 1, 1, 1, 1] }
      : { kind: 'paragraph', text: 'The crosswalk was not rated.' },
  ];
}

export function visionReport(state: SessionState, item: AgendaItem, options: ReportOptions, kinds: ReportKinds): Block[] {
  const v = visionOf(state, item.id);
  const context = sessionContext(state);
  return [
    ...promptBlocks(item),
    ...contextBlocks(context),
    ...carriedInBlocks(state, item, context, kinds),
    h2('Preferred future phrases'),
    flowFacts(state, item),
    ...flowBody(state, item, options, kinds),
    ...statementBlocks(v, options),
    ...roundBlocks(v),
    // An older session held the crosswalk on its vision item: its report keeps it there.
    ...(crosswalkUsed(v) ? crosswalkBlocks(v) : []),
  ];
}

/** A crosswalk item: the session's mission, vision and values, and how the room rated each CFSR outcome against them. */
export function crosswalkReport(state: SessionState, item: AgendaItem): Block[] {
  return [...promptBlocks(item), ...contextBlocks(sessionContext(state)), ...crosswalkBlocks(visionOf(state, item.id))];
}
