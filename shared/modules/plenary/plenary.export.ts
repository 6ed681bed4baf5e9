/**
 * The large group in the CSV export: on a report-out item the room's questions and reactions to each group (once,
 * on the first report-out item); on a next-steps item its next steps. Authors only with names on.
 */
import type { ReportOptions } from '../../report/model.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import type { GroupCsvRow } from '../workgroup/workgroup.export.js';
import { workGroupsOf } from '../workgroup/workgroup.state.js';
import { nextStepsOf, termLabel } from './plenary.report.js';
import { PARTNER_LABELS, plenaryOf } from './plenary.state.js';

export function plenaryCsvRows(s: SessionState, item: AgendaItem, options: ReportOptions): GroupCsvRow[] {
  if (item.moduleType === 'nextsteps')
    return nextStepsOf(s, item).map((n) => ({
      kind: 'next step',
      column: termLabel(n.term),
      group: '',
      text: n.what,
      value: [n.owner, n.partner ? PARTNER_LABELS[n.partner] : '', n.date].filter(Boolean).join(', '),
      author: '',
      time: iso(n.createdAt),
    }));
  if (item.moduleType !== 'reportout' || s.agenda.find((i) => i.moduleType === 'reportout')?.id !== item.id) return [];
  const groupName = (id: string) => workGroupsOf(s).groups.find((g) => g.id === id)?.name ?? '';
  return plenaryOf(s).reactions.map((r) => ({
    kind: r.kind,
    column: '',
    group: groupName(r.workGroupId),
    text: r.text,
    value: '',
    author: options.names ? r.authorName : '',
    time: iso(r.at),
  }));
}

const iso = (at: number): string => new Date(at).toISOString();
