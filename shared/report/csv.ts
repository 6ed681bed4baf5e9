/**
 * The session as CSV (RFC 4180): one row per note, per dot (one voter's dots on one target, with their count), per
 * fist-to-five answer and per crosswalk rating, the values survey's answers, means and gaps per value (never a
 * ballot), the eco-map's partners, counts once shown and engagement plan (never who marked what), the work groups'
 * themes, strategies, action steps and report-out answers, the room's questions to them and the next steps, so themes
 * can be tracked across workshops in a spreadsheet. Names appear only with names on, in an `author` column that is otherwise
 * left out; brainstorm notes never carry one. A rehearsal's rows end with a `rehearsal` column that says so.
 */
import { flowOf } from '../modules/flow/flow.logic.js';
import { CFSR_OUTCOMES, CROSSWALK_LABELS } from '../modules/vision/cfsr.js';
import { dictGet } from '../session/dict.js';
import { allNotes, allParticipants, noteById } from '../session/notes.js';
import { personName } from './people.js';
import type { AgendaItem, SessionState } from '../session/state.js';
import { authorOf } from './blocks.js';
import type { ReportOptions } from './model.js';
import { itemOrRefuse } from './session.js';
import { kinds } from '../modules/registry.js';
import { groupLabels, targetOf } from '../modules/flow/flow.report.js';
import { ReportError } from './format.js';
import { valuesCsvRows } from '../modules/values/values.export.js';
import { ecoMapCsvRows } from '../modules/ecomap/ecomap.export.js';
import { workGroupCsvRows } from '../modules/workgroup/workgroup.export.js';
import { plenaryCsvRows } from '../modules/plenary/plenary.export.js';

export const CSV_COLUMNS = ['item', 'module', 'kind', 'column', 'group', 'text', 'value', 'author', 'time'] as const;
type Column = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<Column, string> & { groupId: string | null };

/** A byte-order mark to put before the CSV in a download, so spreadsheet programs read it as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * One field as RFC 4180 writes it. A field that a spreadsheet would run as a formula (starting with = + - @, or a
 * tab or carriage return) gets a leading apostrophe, so a note cannot run code on the facilitator's computer.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Base = Pick<CsvRow, 'item' | 'module' | 'group' | 'groupId' | 'author' | 'time'>;

/** The rows of one agenda item (or of notes and dots left by an item since removed: `item` is then its id). */
function itemRows(state: SessionState, itemId: string, item: AgendaItem | undefined, options: ReportOptions): CsvRow[] {
  const base: Base = { item: item?.title ?? itemId, module: item?.moduleType ?? '', group: '', groupId: null, author: '', time: '' };
  const labels = item ? groupLabels(state, item, kinds) : new Map<string, string>();
  const groupName = (groupId: string | null): string => (groupId ? (labels.get(groupId) ?? '') : '');
  const person = (id: string): string => (options.names ? personName(state, id) : '');
  const notes = allNotes(state)
    .filter((x) => x.itemId === itemId && !x.hidden)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const rows: CsvRow[] = notes.map((n) => ({
    ...base,
    kind: 'note',
    column: n.column,
    group: groupName(n.groupId),
    groupId: n.groupId,
    text: n.text,
    value: '',
    author: authorOf(n, options) ?? '',
    time: new Date(n.createdAt).toISOString(),
  }));
  const flow = dictGet(state.flows, itemId);
  for (const [voter, byTarget] of Object.entries(flow?.dots ?? {}))
    for (const [key, n] of Object.entries(byTarget)) {
      const target = targetOf(key);
      const note = target.kind === 'note' ? noteById(state, target.id) : undefined;
      const groupId = target.kind === 'group' ? (dictGet(flow?.groups, target.id)?.id ?? null) : null;
      const column = note?.column ?? (groupId ? dictGet(flow?.groups, groupId)?.column : undefined) ?? '';
      const text = note?.text ?? groupName(groupId);
      rows.push({ ...base, kind: 'dot', column, group: groupName(groupId), groupId, text, value: String(n), author: person(voter) });
    }
  const survey = dictGet(state.values, itemId);
  if (survey) rows.push(...valuesCsvRows(survey).map((r) => ({ ...base, ...r })));
  const map = dictGet(state.ecomaps, itemId);
  if (map) rows.push(...ecoMapCsvRows(map).map((r) => ({ ...base, ...r })));
  if (item) rows.push(...[...workGroupCsvRows(state, item, options), ...plenaryCsvRows(state, item, options)].map((r) => ({ ...base, ...r })));
  const v = dictGet(state.vision, itemId);
  if (!v) return rows;
  v.rounds.forEach((round, i) => {
    for (const [pid, value] of Object.entries(round.answers))
      rows.push({ ...base, kind: 'answer', column: `Round ${i + 1}`, text: round.statement, value: String(value), author: person(pid) });
  });
  for (const [pid, byOutcome] of Object.entries(v.crosswalk.ratings))
    for (const o of CFSR_OUTCOMES) {
      const rating = byOutcome[o.id];
      if (rating) rows.push({ ...base, kind: 'rating', column: o.id, text: o.text, value: CROSSWALK_LABELS[rating], author: person(pid) });
    }
  return rows;
}

/** Every row of the scope, agenda order first, then anything left by removed items. */
export function csvRows(state: SessionState, options: ReportOptions): CsvRow[] {
  const scope = options.scope;
  if (scope.kind !== 'session') {
    const item = itemOrRefuse(state, scope.itemId);
    const rows = itemRows(state, item.id, item, options);
    if (scope.kind === 'item') return rows;
    if (!dictGet(flowOf(state, item.id).groups, scope.groupId)) throw new ReportError('That group is not in this agenda item.');
    return rows.filter((r) => r.groupId === scope.groupId);
  }
  const known = new Set(state.agenda.map((i) => i.id));
  const left = [...allNotes(state).map((n) => n.itemId), ...Object.keys(state.flows), ...Object.keys(state.vision)];
  const orphans = [...new Set(left.filter((id) => !known.has(id)))];
  return [
    ...state.agenda.map((i) => itemRows(state, i.id, i, options)),
    ...orphans.map((id) => itemRows(state, id, undefined, options)),
  ].flat();
}

/** A rehearsal's CSV says so on every row, names or not, in a last column a real session's CSV does not have. */
export const CSV_REHEARSAL = ['rehearsal', 'Rehearsal: simulated participants, not a real session'] as const;

/** A rehearsal's CSV also says so in its first row, whatever the file is renamed to (its name says so too). */
function rehearsalRow(state: SessionState): CsvRow[] {
  if (!state.rehearsal) return [];
  const simulated = allParticipants(state).filter((p) => p.simulated).length;
  return [{ item: '', module: '', kind: 'rehearsal', column: '', group: '', groupId: null, text: CSV_REHEARSAL[1], value: `${simulated} simulated`, author: '', time: '' }];
}

export function toCsv(state: SessionState, options: ReportOptions): string {
  const columns = CSV_COLUMNS.filter((c) => c !== 'author' || options.names);
  const mark = (fields: readonly string[]): readonly string[] => (state.rehearsal ? [...fields, CSV_REHEARSAL[1]] : fields);
  const header = state.rehearsal ? [...columns, CSV_REHEARSAL[0]] : columns;
  const lines = [header, ...[...rehearsalRow(state), ...csvRows(state, options)].map((r) => mark(columns.map((c) => r[c])))];
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}
