/**
 * The theme work groups in the CSV export: the themes on a themes item; every group's strategies, action steps and
 * report-out answers once, on the work-groups item (or, with none on the agenda, the first report-out item), as the
 * whole day's report prints them. Authors only with names on.
 */
import type { ReportOptions } from '../../report/model.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { answersOf, strategiesOf } from './workgroup.report.js';
import { REPORT_FIELD_LABELS, REPORT_FIELDS, workGroupsOf } from './workgroup.state.js';

/** One CSV row's own fields (the export adds the item's). */
export interface GroupCsvRow {
  kind: string;
  column: string;
  group: string;
  text: string;
  value: string;
  author: string;
  time: string;
}

const iso = (at: number): string => new Date(at).toISOString();

/** The item under which the groups' work is listed: the work-groups item, else the first report-out item. */
export function groupWorkItem(s: SessionState): AgendaItem | undefined {
  return s.agenda.find((i) => i.moduleType === 'workgroups') ?? s.agenda.find((i) => i.moduleType === 'reportout');
}

export function workGroupCsvRows(s: SessionState, item: AgendaItem, options: ReportOptions): GroupCsvRow[] {
  const wg = workGroupsOf(s);
  const by = (name: string) => (options.names ? name : '');
  if (item.moduleType === 'themes') return wg.themes.map((t) => ({ kind: 'theme', column: '', group: '', text: t.title, value: '', author: '', time: '' }));
  if (groupWorkItem(s)?.id !== item.id) return [];
  return wg.groups.flatMap((g) => [
    ...strategiesOf(s, g).flatMap((st) => [
      { kind: 'strategy', column: '', group: g.name, text: st.text, value: '', author: by(st.authorName), time: iso(st.createdAt) },
      ...st.steps.map((x) => ({ kind: 'action step', column: st.text, group: g.name, text: x.what, value: [x.owner, x.byWhen].filter(Boolean).join(', '), author: '', time: '' })),
    ]),
    ...REPORT_FIELDS.flatMap((field) =>
      answersOf(s, g.id, field).map((a) => ({ kind: 'report-out', column: REPORT_FIELD_LABELS[field], group: g.name, text: a.text, value: '', author: by(a.authorName), time: iso(a.createdAt) })),
    ),
  ]);
}
