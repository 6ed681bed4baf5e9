import { fail } from '../../protocol/results.js';
import { dictGet } from '../../session/dict.js';
import type { Refusal } from '../../session/module.js';
import { allParticipants } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import { workGroupsOf, type WorkGroup, type WorkGroupsState } from './workgroup.state.js';

/** The sentences people read when the work groups refuse something. */
export const PICK_A_GROUP = 'Pick a work group first.';
export const NOT_YOUR_GROUP = 'You can only change your own work group’s work.';
export const LEADER_OR_AUTHOR = 'Only the group’s leader or the person who wrote it can change it.';
export const LEADER_ONLY = 'Only the group’s leader can do that.';
export const NO_SUCH_GROUP = 'That work group no longer exists.';
export const FROM_A_PHONE = 'Only participants join work groups, from their phones.';

/** The members of a group, in the order they joined the session. */
export function membersOf(s: SessionState, workGroupId: string): string[] {
  const members = workGroupsOf(s).members;
  return allParticipants(s)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    .filter((p) => dictGet(members, p.id) === workGroupId)
    .map((p) => p.id);
}

/** How many people a group takes: its own capacity, or the session's default (null: no limit). */
export const capacityOf = (wg: WorkGroupsState, g: WorkGroup): number | null => g.capacity ?? wg.capacity;

/** Whether a group has room for one more person. */
export const hasRoom = (s: SessionState, g: WorkGroup): boolean => {
  const cap = capacityOf(workGroupsOf(s), g);
  return cap === null || membersOf(s, g.id).length < cap;
};

/** The group a participant is in (by id), or undefined. */
const memberOf = (s: SessionState, participantId: string): string | undefined => dictGet(workGroupsOf(s).members, participantId);

/**
 * Whether this actor may change a group's work (add a strategy, a step, an answer): the facilitator always, a
 * participant only in their own group. Null: yes; otherwise our sentence.
 */
export function workRefusal(s: SessionState, actor: Actor, workGroupId: string): Refusal | null {
  if (actor.role === 'facilitator') return null;
  if (actor.role !== 'participant') return fail('forbidden', 'Only the facilitator and the group’s members can do that.');
  const mine = memberOf(s, actor.participantId);
  if (mine === undefined) return fail('forbidden', PICK_A_GROUP);
  return mine === workGroupId ? null : fail('forbidden', NOT_YOUR_GROUP);
}

/** Whether this actor leads the group (the facilitator counts as every group's leader). */
export function leads(s: SessionState, actor: Actor, g: WorkGroup): boolean {
  if (actor.role === 'facilitator') return true;
  return actor.role === 'participant' && g.leaderId === actor.participantId && memberOf(s, actor.participantId) === g.id;
}

/** A change to something written in a group: its members only, and of them its leader or its author. */
export function editRefusal(s: SessionState, actor: Actor, g: WorkGroup, authorId: string | null): Refusal | null {
  const refused = workRefusal(s, actor, g.id);
  if (refused) return refused;
  if (leads(s, actor, g)) return null;
  return actor.role === 'participant' && authorId === actor.participantId ? null : fail('forbidden', LEADER_OR_AUTHOR);
}

/** What only the group's leader (or the facilitator) does: ordering strategies, marking the report-out ready. */
export function leaderRefusal(s: SessionState, actor: Actor, g: WorkGroup): Refusal | null {
  return workRefusal(s, actor, g.id) ?? (leads(s, actor, g) ? null : fail('forbidden', LEADER_ONLY));
}

/** The author of something a person writes: a participant by id and name, the facilitator by role. */
export const authorOf = (actor: Actor): { authorId: string | null; authorName: string } =>
  actor.role === 'participant' ? { authorId: actor.participantId, authorName: actor.name } : { authorId: null, authorName: 'Facilitator' };
