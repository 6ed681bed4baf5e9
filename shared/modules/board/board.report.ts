import { notesByColumn, promptBlocks, readableNotes } from '../../report/blocks.js';
import type { Block, ReportOptions } from '../../report/model.js';
import type { ReportKinds } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { carriedInputBlocks } from '../carry/carry.report.js';

/**
 * The report section of an open note board or a discussion: the prompt, then the notes by column, each with its
 * author's name when names are on. An item whose input is the carried items lists them first, ranked with their dots.
 */
export function boardReport(state: SessionState, item: AgendaItem, options: ReportOptions, kinds: ReportKinds): Block[] {
  return [...promptBlocks(item), ...carriedInputBlocks(state, item, kinds), ...notesByColumn(kinds.columnsOf(item), readableNotes(state, item.id), options)];
}
