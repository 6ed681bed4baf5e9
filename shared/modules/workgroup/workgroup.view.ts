import { dictGet } from '../../session/dict.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import { answersOf } from './workgroup.report.js';
import { capacityOf, editRefusal, leaderRefusal, membersOf, workRefusal } from './workgroup.rules.js';
import { groupRemainingMs } from './workgroup.timers.js';
import { REPORT_FIELDS, workGroupsOf, type GroupMessage, type ReportField, type WorkGroup } from './workgroup.state.js';

/**
 * What the screens read off the work groups: a group's fill per heading and time left (the console's side-by-side
 * view), and what this actor may do (so a screen hides what would be refused; the server decides all the same).
 */
export interface GroupOverview {
  group: WorkGroup;
  members: string[];
  capacity: number | null;
  strategies: number;
  /** Answers under each heading of the report-out. */
  fill: Record<ReportField, number>;
  /** Time left on its own timer, or on the session timer it follows. */
  remainingMs: number;
}

export function groupOverview(s: SessionState, g: WorkGroup, now: number): GroupOverview {
  const fill = Object.fromEntries(REPORT_FIELDS.map((f) => [f, answersOf(s, g.id, f).length])) as Record<ReportField, number>;
  return {
    group: g,
    members: membersOf(s, g.id),
    capacity: capacityOf(workGroupsOf(s), g),
    strategies: g.strategyOrder.length,
    fill,
    remainingMs: groupRemainingMs(s, g, now),
  };
}

/** The group a participant is in (undefined: none yet). */
export const myGroup = (s: SessionState, participantId: string | null): WorkGroup | undefined => {
  const id = participantId === null ? undefined : dictGet(workGroupsOf(s).members, participantId);
  return id === undefined ? undefined : workGroupsOf(s).groups.find((g) => g.id === id);
};

/** The messages a screen shows a group (to all groups, or to that group), newest last. */
export const messagesOf = (s: SessionState, workGroupId: string | null): GroupMessage[] =>
  workGroupsOf(s).messages.filter((m) => m.workGroupId === null || m.workGroupId === workGroupId);

/** Whether this actor may add to the group's work, change an entry by `authorId`, or lead (order, mark ready). */
export const mayAdd = (s: SessionState, actor: Actor, g: WorkGroup): boolean => workRefusal(s, actor, g.id) === null;
export const mayChange = (s: SessionState, actor: Actor, g: WorkGroup, authorId: string | null): boolean => editRefusal(s, actor, g, authorId) === null;
export const mayLead = (s: SessionState, actor: Actor, g: WorkGroup): boolean => leaderRefusal(s, actor, g) === null;
