import type { SessionState } from '../session/state.js';
import type { ReportDoc, ReportOptions } from './model.js';

/**
 * A session, one item or one group as a report document. STUB (issue 7 in progress): the full builder with each
 * module's section replaces it.
 */
export function buildReport(state: SessionState, options: ReportOptions): ReportDoc {
  const items = options.scope.kind === 'session' ? state.agenda : state.agenda.filter((i) => options.scope.kind !== 'session' && i.id === options.scope.itemId);
  return {
    version: 1,
    title: state.title,
    facts: [['Participants', String(Object.keys(state.participants).length)]],
    sections: items.map((i) => ({ title: i.title, blocks: [{ kind: 'paragraph', text: i.prompt }] })),
  };
}
