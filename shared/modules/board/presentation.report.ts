import { promptBlocks } from '../../report/blocks.js';
import type { Block, ReportOptions } from '../../report/model.js';
import type { AgendaItem, SessionState } from '../../session/state.js';

/** A presentation collects nothing from the room: its section is its prompt, or a sentence saying there is none. */
export function presentationReport(_state: SessionState, item: AgendaItem, _options: ReportOptions): Block[] {
  const prompt = promptBlocks(item);
  return prompt.length ? prompt : [{ kind: 'paragraph', text: 'A presentation: nothing was collected from the room.', tone: 'muted' }];
}
