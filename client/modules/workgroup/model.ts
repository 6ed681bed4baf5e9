import { count } from '../../../shared/report/format.js';
import { dictGet } from '../../../shared/session/dict.js';
import { allParticipants, participantById } from '../../../shared/session/notes.js';
import type { SessionState, TimerState } from '../../../shared/session/state.js';
import { answersOf } from '../../../shared/modules/workgroup/workgroup.report.js';
import { membersOf } from '../../../shared/modules/workgroup/workgroup.rules.js';
import { REPORT_FIELDS, type ReportField, type WorkGroup, type WorkGroupsState } from '../../../shared/modules/workgroup/workgroup.state.js';

export { capacityOf } from '../../../shared/modules/workgroup/workgroup.rules.js';
export { answersOf, strategiesOf } from '../../../shared/modules/workgroup/workgroup.report.js';
export { messagesOf, myGroup } from '../../../shared/modules/workgroup/workgroup.view.js';

/** The short names of the report-out fields, for the console's overview and the board's. */
export const FIELD_SHORT: Record<ReportField, string> = {
  recommendations: 'Recommendations',
  information: 'Information',
  stakeholders: 'Stakeholders',
  assistance: 'Assistance',
};

export type Member = { id: string; name: string };

/** The members of a group with their names, in the order they joined. */
export const namedMembers = (s: SessionState, workGroupId: string): Member[] =>
  membersOf(s, workGroupId).map((id) => ({ id, name: participantById(s, id)?.name ?? '' }));

/** Participants in no group, by name. */
export function unassigned(s: SessionState, w: WorkGroupsState): Member[] {
  return allParticipants(s)
    .filter((p) => dictGet(w.members, p.id) === undefined)
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const themeTitle = (w: WorkGroupsState, g: WorkGroup): string | null =>
  g.themeId === null ? null : (w.themes.find((t) => t.id === g.themeId)?.title ?? null);

/** How many entries each field of the group's report-out holds. */
export const fillOf = (s: SessionState, workGroupId: string): Record<ReportField, number> =>
  Object.fromEntries(REPORT_FIELDS.map((f) => [f, answersOf(s, workGroupId, f).length])) as Record<ReportField, number>;

/** "Recommendations 3 · Information 0 · Stakeholders 1 · Assistance 0" */
export const fillText = (fill: Record<ReportField, number>): string => REPORT_FIELDS.map((f) => `${FIELD_SHORT[f]} ${fill[f]}`).join(' · ');

/** A group's countdown as the shared timer display draws it: its own, or the session's when it follows that one. */
export function groupTimer(s: SessionState, g: WorkGroup): TimerState {
  return g.timer ? { itemId: s.timer.itemId, ...g.timer, runningSince: null } : s.timer;
}

/** "4 of 6", or "4 members" without a limit. */
export function capacityText(n: number, capacity: number | null): string {
  return capacity === null ? count(n, 'member') : `${n} of ${capacity}`;
}
