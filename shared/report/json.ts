import type { SessionState } from '../session/state.js';
import type { ReportOptions } from './model.js';

/** The whole session in a versioned schema. STUB (issue 7 in progress). */
export function toJsonExport(state: SessionState, _options: ReportOptions): { schema: string; version: 1; title: string } {
  return { schema: 'facilitation-toolkit/session-export', version: 1, title: state.title };
}
