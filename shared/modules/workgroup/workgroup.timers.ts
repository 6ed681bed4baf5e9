import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext } from '../../session/module.js';
import type { SessionState, TimerState } from '../../session/state.js';
import * as T from '../../session/timer.js';
import type { GroupTimerAction, WorkGroupCommand, WorkGroupEvent } from './workgroup.events.js';
import { membersOf, NO_SUCH_GROUP } from './workgroup.rules.js';
import { MAX_MESSAGES, workGroupsOf, type GroupMessage, type GroupTimer, type WorkGroup } from './workgroup.state.js';

type TimerCommand = Extract<WorkGroupCommand, { type: 'workgroup.timer' | 'workgroup.message' }>;

/** A group timer as the session timer's helpers take it (it times no agenda item and keeps no actual time). */
const asTimer = (t: GroupTimer): TimerState => ({ ...t, itemId: null, runningSince: t.endsAt === null ? null : 0 });
const asGroupTimer = ({ status, durationMs, endsAt, remainingMs }: TimerState): GroupTimer => ({ status, durationMs, endsAt, remainingMs });
const idle = (minutes: number): GroupTimer => asGroupTimer(T.idleTimer(null, minutes));

/** The group's timer after an action at server time `at` (null: it follows the session timer again). */
export function nextTimer(t: GroupTimer | null, action: GroupTimerAction, minutes: number | undefined, at: number): GroupTimer | null {
  switch (action) {
    case 'follow':
      return null;
    case 'start': {
      const from = minutes !== undefined ? idle(minutes) : t;
      if (!from || from.status === 'running') return t;
      return asGroupTimer(T.start(asTimer(from), at));
    }
    case 'pause':
      return t && t.status === 'running' ? asGroupTimer(T.pause(asTimer(t), at)) : t;
    case 'reset':
      return minutes !== undefined ? idle(minutes) : t && { ...t, status: 'idle', endsAt: null, remainingMs: t.durationMs };
  }
}

/** Time left on a group's own countdown at server time `now`, or on the session timer when it follows it. */
export const groupRemainingMs = (s: SessionState, g: WorkGroup, now: number): number =>
  g.timer ? T.remainingMs(asTimer(g.timer), now) : T.remainingMs(s.timer, now);

function timerRefusal(t: GroupTimer | null, action: GroupTimerAction, minutes: number | undefined): string | null {
  if (action === 'follow') return t === null ? 'This group follows the session timer already.' : null;
  if (minutes !== undefined && action !== 'pause') return t?.status === 'running' && action === 'start' ? 'This group’s timer is running: reset it first.' : null;
  if (t === null) return 'This group follows the session timer: say how many minutes its own timer runs.';
  if (action === 'start' && t.status === 'running') return 'This group’s timer is running already.';
  if (action === 'pause' && t.status !== 'running') return 'This group’s timer is not running.';
  return null;
}

/** A group's own timer, and the facilitator's messages and time warnings (to all groups, or to one). */
export function decideTimers(s: SessionState, cmd: TimerCommand, { newId, now }: Pick<DecideContext, 'newId' | 'now'>): Decision {
  const wg = workGroupsOf(s);
  if (cmd.type === 'workgroup.timer') {
    const { workGroupId, action, minutes } = cmd.payload;
    const g = wg.groups.find((x) => x.id === workGroupId);
    if (!g) return fail('not_found', NO_SUCH_GROUP);
    const refused = timerRefusal(g.timer, action, minutes);
    if (refused) return fail('conflict', refused);
    const e: WorkGroupEvent = { type: 'workgroup.timed', workGroupId, action, ...(minutes !== undefined ? { minutes } : {}) };
    return { ok: true, events: [e] };
  }
  const { workGroupId, text, warning = false } = cmd.payload;
  if (workGroupId !== null && !wg.groups.some((g) => g.id === workGroupId)) return fail('not_found', NO_SUCH_GROUP);
  const message: GroupMessage = {
    id: newId(),
    workGroupId,
    text,
    warning,
    at: now,
    ...(workGroupId !== null ? { to: membersOf(s, workGroupId) } : {}),
  };
  const over = wg.messages.length + 1 - MAX_MESSAGES;
  const dropIds = over > 0 ? wg.messages.slice(0, over).map((m) => m.id) : [];
  return { ok: true, events: [{ type: 'workgroup.messaged', message, dropIds }] };
}
