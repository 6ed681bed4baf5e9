import { fail } from '../protocol/results.js';
import type { ReportScope } from '../report/model.js';
import { dictGet } from './dict.js';
import type { Decision } from './decide.js';
import type { SessionState } from './state.js';

/** The report the facilitator shared with the room: phones may download it, the board shows a QR code for it. */
export interface SharedReport {
  /**
   * The download link's secret: "<session id>.<random>". Unguessable, and good for this one report only; the
   * session id in front lets the server find the session (everyone in the room knows it already).
   */
  shareId: string;
  scope: ReportScope;
  /** The facilitator's time zone (IANA), for the dates the room's copy prints. */
  timeZone?: string;
}

/** Whether `tz` is an IANA time zone this runtime knows ("America/Chicago", "UTC"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Why a report of this scope cannot be made, or null: an item or a group that does not exist is refused. */
export function scopeProblem(state: SessionState, scope: ReportScope): string | null {
  if (scope.kind === 'session') return null;
  if (!state.agenda.some((i) => i.id === scope.itemId)) return 'There is no such agenda item in this session.';
  if (scope.kind === 'item') return null;
  const group = dictGet(dictGet(state.flows, scope.itemId)?.groups, scope.groupId);
  return group ? null : 'There is no such group in this agenda item.';
}

/** Sharing makes a new link each time (an earlier one stops working); stopping needs something shared. */
export function decideShare(state: SessionState, share: Omit<SharedReport, 'shareId'> | null, newId: () => string): Decision {
  if (!share) {
    if (!state.sharedReport) return fail('conflict', 'No report is shared with the room right now.');
    return { ok: true, events: [{ type: 'report.unshared' }] };
  }
  const problem = scopeProblem(state, share.scope);
  if (problem) return fail('not_found', problem);
  if (share.timeZone !== undefined && !isTimeZone(share.timeZone)) return fail('invalid', `"${share.timeZone}" is not a time zone we know.`);
  return { ok: true, events: [{ type: 'report.shared', shareId: `${state.id}.${newId()}${newId()}`, ...share }] };
}
