import { promptBlocks } from '../../report/blocks.js';
import type { Block, ReportOptions } from '../../report/model.js';
import type { ReportKinds } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { carriedInputBlocks } from '../carry/carry.report.js';

/**
 * A presentation collects nothing from the room: its section is its prompt (and the carried items when they are its
 * input), or a sentence saying there is none.
 */
export function presentationReport(state: SessionState, item: AgendaItem, _options: ReportOptions, kinds: ReportKinds): Block[] {
  const prompt = [...promptBlocks(item), ...carriedInputBlocks(state, item, kinds)];
  return prompt.length ? prompt : [{ kind: 'paragraph', text: 'A presentation: nothing was collected from the room.', tone: 'muted' }];
}
