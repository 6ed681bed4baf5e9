import { count } from '../../../shared/report/format.js';
import { dictGet } from '../../../shared/session/dict.js';
import { allParticipants } from '../../../shared/session/notes.js';
import type { SessionState, TimerState } from '../../../shared/session/state.js';
import {
  REPORT_FIELDS,
  type GroupMessage,
  type ReportAnswer,
  type ReportField,
  type Strategy,
  type WorkGroup,
  type WorkGroupsState,
} from '../../../shared/modules/workgroup/workgroup.state.js';

/** The short names of the report-out fields, for the console's fill line and the board's overview. */
export const FIELD_SHORT: Record<ReportField, string> = {
  recommendations: 'Recommendations',
  information: 'Information',
  stakeholders: 'Stakeholders',
  assistance: 'Assistance',
};

export type Member = { id: string; name: string };

/** The members of a group, by name. */
export function membersOf(s: SessionState, w: WorkGroupsState, workGroupId: string): Member[] {
  return allParticipants(s)
    .filter((p) => dictGet(w.members, p.id) === workGroupId)
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Participants in no group, by name. */
export function unassigned(s: SessionState, w: WorkGroupsState): Member[] {
  return allParticipants(s)
    .filter((p) => dictGet(w.members, p.id) === undefined)
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const memberCount = (w: WorkGroupsState, workGroupId: string): number =>
  Object.values(w.members).filter((g) => g === workGroupId).length;

/** The most members a group takes (its own, else the session's), or null for no limit. */
export const capacityOf = (w: WorkGroupsState, g: WorkGroup): number | null => g.capacity ?? w.capacity;

export const themeTitle = (w: WorkGroupsState, g: WorkGroup): string | null =>
  g.themeId === null ? null : (w.themes.find((t) => t.id === g.themeId)?.title ?? null);

/** The group's strategies in its order. */
export const strategiesOf = (w: WorkGroupsState, g: WorkGroup): Strategy[] =>
  g.strategyOrder.map((id) => dictGet(w.strategies, id)).filter((x): x is Strategy => x !== undefined);

/** The group's report-out entries of one field, oldest first. */
export const answersOf = (w: WorkGroupsState, workGroupId: string, field: ReportField): ReportAnswer[] =>
  Object.values(w.answers)
    .filter((a) => a.workGroupId === workGroupId && a.field === field)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

/** How many entries each field of the group's report-out holds. */
export const fillOf = (w: WorkGroupsState, workGroupId: string): Record<ReportField, number> => {
  const fill = { recommendations: 0, information: 0, stakeholders: 0, assistance: 0 };
  for (const a of Object.values(w.answers)) if (a.workGroupId === workGroupId) fill[a.field] += 1;
  return fill;
};

/** "Recommendations 3 · Information 0 · Stakeholders 1 · Assistance 0" */
export const fillText = (fill: Record<ReportField, number>): string => REPORT_FIELDS.map((f) => `${FIELD_SHORT[f]} ${fill[f]}`).join(' · ');

/** A group's countdown as the shared timer display draws it: its own, or the session's when it follows that one. */
export function groupTimer(s: SessionState, g: WorkGroup): TimerState {
  return g.timer ? { itemId: s.timer.itemId, ...g.timer, runningSince: null } : s.timer;
}

/** The latest message or warning that reaches this group (to all groups or to it), if any. */
export const latestMessage = (w: WorkGroupsState, workGroupId: string): GroupMessage | undefined =>
  w.messages.filter((m) => m.workGroupId === null || m.workGroupId === workGroupId).at(-1);

/** "4 of 6", or "4 members" without a limit. */
export function capacityText(n: number, capacity: number | null): string {
  return capacity === null ? count(n, 'member') : `${n} of ${capacity}`;
}
