import { fail } from '../../protocol/results.js';
import { isTimeZone } from '../../report/format.js';
import type { ReportScope } from '../../report/model.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { ShareCommand, ShareEvent } from './share.events.js';

/** Why a report of this scope cannot be made, or null: an item or a group that does not exist is refused. */
export function scopeProblem(state: SessionState, scope: ReportScope, kinds: DecideContext['kinds']): string | null {
  if (scope.kind === 'session') return null;
  const item = state.agenda.find((i) => i.id === scope.itemId);
  if (!item) return 'There is no such agenda item in this session.';
  if (scope.kind === 'item') return null;
  const group = kinds.kindOf(item.moduleType).groupTitle?.(state, item, scope.groupId, kinds);
  return group ? null : 'There is no such group in this agenda item.';
}

/** Sharing makes a new link each time (an earlier one stops working); stopping needs something shared. */
export function decideShare(state: SessionState, cmd: ShareCommand, ctx: DecideContext): Decision {
  if (cmd.type === 'report.unshare') {
    if (!state.sharedReport) return fail('conflict', 'No report is shared with the room right now.');
    return { ok: true, events: [{ type: 'report.unshared' }] };
  }
  const { scope, timeZone } = cmd.payload;
  const problem = scopeProblem(state, scope, ctx.kinds);
  if (problem) return fail('not_found', problem);
  if (timeZone !== undefined && !isTimeZone(timeZone)) return fail('invalid', `"${timeZone}" is not a time zone we know.`);
  const shareId = `${state.id}.${ctx.newId()}${ctx.newId()}`;
  return { ok: true, events: [{ type: 'report.shared', shareId, scope, ...(timeZone ? { timeZone } : {}) }] };
}

export function applyShare(s: SessionState, e: ShareEvent): SessionState {
  if (e.type === 'report.shared') return { ...s, sharedReport: { shareId: e.shareId, scope: e.scope, ...(e.timeZone ? { timeZone: e.timeZone } : {}) } };
  const { sharedReport: _gone, ...rest } = s;
  return rest;
}
