import type { SessionState } from '../session/state.js';
import type { ReportScope } from './model.js';

/** "Data retreat 2026-11-25.pdf": the session title and date, safe for every file system. STUB (issue 7). */
export function reportFileName(state: SessionState, _scope: ReportScope, ext: string): string {
  return `${state.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'Session'}.${ext}`;
}
