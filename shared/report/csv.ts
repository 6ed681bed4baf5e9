import type { SessionState } from '../session/state.js';
import type { ReportOptions } from './model.js';

/** One row per note, dot and answer. STUB (issue 7 in progress). */
export function toCsv(_state: SessionState, _options: ReportOptions): string {
  return 'item,module,kind,column,group,text,count,time\r\n';
}
