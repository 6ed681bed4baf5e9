import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { viewerId, type Viewer } from '../../session/visibility.js';
import type { WorkGroupEvent } from './workgroup.events.js';
import { workGroupsOf, type GroupMessage } from './workgroup.state.js';

/** Whether a screen that is not the facilitator's may read a message: one to all groups, or one it was sent to. */
const readable = (m: GroupMessage, viewer: Viewer): boolean => {
  if (!m.to) return true;
  const me = viewerId(viewer);
  return me !== null && m.to.includes(me);
};

/** The participants a message to one group is for: each of them gets their own frame (see `personalFor`). */
export const workGroupPersonalFor = (e: WorkGroupEvent): readonly string[] | null =>
  e.type === 'workgroup.messaged' && e.message?.to ? e.message.to : null;

/**
 * Everything of the work groups is for every screen (the room hears the report-outs anyway) but a message to one
 * group, which reaches only the members it was sent to (and the console). A screen it is not for learns only which
 * old messages fell off the capped list, so its own list stays what a fresh join would show it.
 */
export function workGroupEventFor(e: WorkGroupEvent & EventMeta, viewer: Viewer, hidden: SessionEvent): SessionEvent {
  if (e.type !== 'workgroup.messaged' || !e.message || readable(e.message, viewer)) return e;
  return e.dropIds.length ? { ...e, message: null } : hidden;
}

export const workGroupStateFor = (s: SessionState, viewer: Viewer): Pick<SessionState, 'workgroups'> => {
  const wg = workGroupsOf(s);
  return { workgroups: { ...wg, messages: wg.messages.filter((m) => readable(m, viewer)) } };
};
