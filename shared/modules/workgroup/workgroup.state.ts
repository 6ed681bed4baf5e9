import { dictGet, type Dict } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';

/**
 * Theme work groups (seed 003, the PIP kick-off day's afternoon): the 3-5 major themes, one work group per theme,
 * who is in which group and who leads it, each group's strategies with their action steps, and each group's
 * structured report-out. The state belongs to the session, not to an agenda item: the groups formed on the work-group
 * item are the same groups that report out, feed the synthesis and are imported by the next morning's debrief.
 */
export const WORKGROUP = 'workgroup';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** Themes, work groups, membership, strategies and report-outs: one for the whole session. */
    workgroups: WorkGroupsState;
  }
  interface ItemKinds {
    /** Setting the 3-5 major themes (typed, or promoted from notes and clusters of an earlier item). */
    themes: true;
    /** The afternoon: groups formed, each at work on its own board and timer, each filling its report-out. */
    workgroups: true;
  }
}

/** The fields of a group's structured report-out, in the seed's order (seed 003), plus technical-assistance needs. */
export const REPORT_FIELDS = ['recommendations', 'information', 'stakeholders', 'assistance'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export const REPORT_FIELD_LABELS: Record<ReportField, string> = {
  recommendations: 'Basic recommendations',
  information: 'Additional information the work group needs',
  stakeholders: 'Other stakeholders who should be involved in this work',
  assistance: 'Technical-assistance needs',
};

export interface Theme {
  id: string;
  title: string;
  /** The note or cluster it was promoted from ("note:<id>" / "group:<id>"), for the report; null when typed. */
  source: string | null;
}

/** A group's own countdown, set apart from the session timer (null on the group: it follows the session timer). */
export interface GroupTimer {
  status: 'running' | 'paused' | 'idle';
  durationMs: number;
  /** Server time the countdown reaches zero (running only). */
  endsAt: number | null;
  remainingMs: number;
}

export interface WorkGroup {
  id: string;
  name: string;
  /** The theme it works on (null: a group the facilitator added without a theme, or whose theme was removed). */
  themeId: string | null;
  /** The participant who leads it (seed 003: "work group leaders selected by the State"); null: none yet. */
  leaderId: string | null;
  /** Most members (null: the session's default capacity, `WorkGroupsState.capacity`). */
  capacity: number | null;
  /** Null: the group follows the session timer. */
  timer: GroupTimer | null;
  /** Order of its strategies (ids). */
  strategyOrder: string[];
  /** The leader marked the report-out ready (when), or null while it is being written. */
  readyAt: number | null;
}

/** One action step of a strategy: what, who owns it, by when (free text such as "March" or a date). */
export interface ActionStep {
  id: string;
  what: string;
  owner: string;
  byWhen: string;
  authorId: string | null;
}

export interface Strategy {
  id: string;
  workGroupId: string;
  text: string;
  authorId: string | null;
  authorName: string;
  createdAt: number;
  steps: ActionStep[];
}

/** One entry of a report-out field ("answer"): a line a member wrote under one of the four headings. */
export interface ReportAnswer {
  id: string;
  workGroupId: string;
  field: ReportField;
  text: string;
  authorId: string | null;
  authorName: string;
  createdAt: number;
}

/** A message from the facilitator to all groups (workGroupId null) or to one, shown on its members' phones. */
export interface GroupMessage {
  id: string;
  workGroupId: string | null;
  text: string;
  /** A time warning ("10 minutes left") rather than a message. */
  warning: boolean;
  at: number;
  /**
   * Who it is for (a message to one group): the members when it was sent. Absent: everyone (a message to all groups).
   * The facilitator sees every message; a phone, only those it is in `to` for (see workgroup.visibility.ts).
   */
  to?: string[];
}

export interface WorkGroupsState {
  themes: Theme[];
  /** In the order the console and the board show them. */
  groups: WorkGroup[];
  /** Participant id -> work group id. */
  members: Dict<string>;
  /** Default most members per group (null: no limit). */
  capacity: number | null;
  /** Participants pick their own group on their phone (false: the facilitator assigns). */
  selfSelect: boolean;
  strategies: Dict<Strategy>;
  answers: Dict<ReportAnswer>;
  /** The latest messages, oldest first, capped (MAX_MESSAGES). */
  messages: GroupMessage[];
}

export const MAX_THEMES = 8;
export const MAX_GROUPS = 12;
export const MAX_STRATEGIES_PER_GROUP = 40;
export const MAX_STEPS_PER_STRATEGY = 20;
export const MAX_ANSWERS_PER_FIELD = 40;
export const MAX_MESSAGES = 50;

export const initialWorkGroups = (): WorkGroupsState => ({
  themes: [],
  groups: [],
  members: Object.create(null) as Dict<string>,
  capacity: null,
  selfSelect: true,
  strategies: Object.create(null) as Dict<Strategy>,
  answers: Object.create(null) as Dict<ReportAnswer>,
  messages: [],
});

export const workGroupsOf = (s: SessionState): WorkGroupsState => s.workgroups ?? initialWorkGroups();
export const groupById = (s: SessionState, id: string): WorkGroup | undefined => workGroupsOf(s).groups.find((g) => g.id === id);
/** The work group a participant is in, if any. */
export const groupOfParticipant = (s: SessionState, participantId: string): WorkGroup | undefined => {
  const id = dictGet(workGroupsOf(s).members, participantId);
  return id === undefined ? undefined : groupById(s, id);
};
