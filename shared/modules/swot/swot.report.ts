/**
 * The report section of a SWOT item: the data cards the room looked at, then the SWOT grid with each quadrant's
 * items (ranked by dots once the results are in), the groups with their notes, and what was carried forward.
 */
import { NO_NOTES, promptBlocks, readableNotes } from '../../report/blocks.js';
import type { Block, GridCell, ReportOptions } from '../../report/model.js';
import type { ReportKinds } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { carriedBlocks, clusterBlocks, flowBody, flowFacts, pendingBlocks, rankedColumns, resultsIn, voteNotice } from '../flow/flow.report.js';
import { flowOf } from '../flow/flow.logic.js';
import { swotOf } from './swot.logic.js';

/** The data cards as a table (figure, value, note), or a sentence when there are none. */
export function cardBlocks(state: SessionState, item: AgendaItem): Block[] {
  const cards = swotOf(state, item.id).cards;
  return [
    { kind: 'heading', level: 2, text: 'Data cards' },
    cards.length
      ? { kind: 'table', columns: ['Figure', 'Value', 'Note'], rows: cards.map((c) => [c.title, c.value, c.note]), widths: [3, 1.2, 3] }
      : { kind: 'paragraph', text: 'No data cards were added.' },
  ];
}

/** The four quadrants, each with its items: in dot order with their dots once the results are in, else as posted. */
function grid(state: SessionState, item: AgendaItem, kinds: ReportKinds): Block | null {
  const columns = [...rankedColumns(state, item, kinds)];
  if (columns.length !== 4) return null;
  const withDots = resultsIn(flowOf(state, item.id));
  const cells = columns.map(
    ([title, entries]): GridCell => ({
      title,
      entries: entries.map((e) => ({ text: e.label, count: e.dots })),
      ...(withDots ? { unit: 'dots' } : {}),
    }),
  );
  return { kind: 'grid2x2', cells: cells as [GridCell, GridCell, GridCell, GridCell] };
}

export function swotReport(state: SessionState, item: AgendaItem, options: ReportOptions, kinds: ReportKinds): Block[] {
  const head = [...promptBlocks(item), ...cardBlocks(state, item), flowFacts(state, item)];
  const pending = pendingBlocks(state, item);
  if (pending) return [...head, ...pending];
  const quadrants = grid(state, item, kinds);
  // A SWOT whose columns were changed away from four quadrants prints like any brainstorm.
  if (!quadrants) return [...head, ...flowBody(state, item, options, kinds)];
  if (!readableNotes(state, item.id).length) return [...head, { kind: 'paragraph', text: NO_NOTES }];
  return [...head, { kind: 'heading', level: 2, text: 'SWOT' }, quadrants, ...voteNotice(flowOf(state, item.id)), ...clusterBlocks(state, item, kinds), ...carriedBlocks(state, item, kinds)];
}
