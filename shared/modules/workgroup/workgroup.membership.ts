import { fail } from '../../protocol/results.js';
import { dictGet } from '../../session/dict.js';
import type { Decision } from '../../session/decide.js';
import type { EventBody } from '../../session/events.js';
import { allParticipants, participantById } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import type { WorkGroupCommand, WorkGroupEvent } from './workgroup.events.js';
import { capacityOf, FROM_A_PHONE, hasRoom, membersOf, NO_SUCH_GROUP } from './workgroup.rules.js';
import { workGroupsOf } from './workgroup.state.js';

type MembershipCommand = Extract<WorkGroupCommand, { type: `workgroup.${'balance' | 'assign' | 'join' | 'leave' | 'setLeader' | 'lead'}` }>;

const NO_SUCH_PARTICIPANT = 'That participant is not in this session.';
const ok = (...events: WorkGroupEvent[]): Decision => ({ ok: true, events });

/**
 * "Balance": everyone in no group goes, in the order they joined, to the group with room that has the fewest
 * members (the first such group in the console's order on a tie). Those for whom no group has room stay out.
 */
export function balanced(s: SessionState): WorkGroupEvent[] {
  const wg = workGroupsOf(s);
  const counts = new Map(wg.groups.map((g) => [g.id, membersOf(s, g.id).length]));
  const room = (id: string): boolean => {
    const g = wg.groups.find((x) => x.id === id)!;
    const cap = capacityOf(wg, g);
    return cap === null || counts.get(id)! < cap;
  };
  const out: WorkGroupEvent[] = [];
  const unassigned = allParticipants(s)
    .filter((p) => dictGet(wg.members, p.id) === undefined)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
  for (const p of unassigned) {
    const open = wg.groups.filter((g) => room(g.id));
    if (!open.length) break;
    const target = open.reduce((best, g) => (counts.get(g.id)! < counts.get(best.id)! ? g : best));
    counts.set(target.id, counts.get(target.id)! + 1);
    out.push({ type: 'workgroup.assigned', participantId: p.id, workGroupId: target.id });
  }
  return out;
}

/** A participant the facilitator removes leaves their group (and its leadership) first. */
export function participantLeaving(s: SessionState, participantId: string): EventBody[] {
  return dictGet(workGroupsOf(s).members, participantId) === undefined ? [] : [{ type: 'workgroup.assigned', participantId, workGroupId: null }];
}

/** Who is in which group and who leads it: the facilitator's assignments and the participants' own choices. */
export function decideMembership(s: SessionState, actor: Actor, cmd: MembershipCommand): Decision {
  const wg = workGroupsOf(s);
  const group = (id: string) => wg.groups.find((g) => g.id === id);
  const me = actor.role === 'participant' ? actor.participantId : null;
  switch (cmd.type) {
    case 'workgroup.balance': {
      if (!wg.groups.length) return fail('conflict', 'Add the work groups first.');
      const events = balanced(s);
      if (events.length) return ok(...events);
      const anyone = allParticipants(s).some((p) => dictGet(wg.members, p.id) === undefined);
      return fail('conflict', anyone ? 'Every work group is full: raise the capacity first.' : 'Everyone is in a work group already.');
    }
    case 'workgroup.assign': {
      const { participantId, workGroupId } = cmd.payload;
      if (!participantById(s, participantId)) return fail('not_found', NO_SUCH_PARTICIPANT);
      if (workGroupId !== null && !group(workGroupId)) return fail('not_found', NO_SUCH_GROUP);
      const now = dictGet(wg.members, participantId) ?? null;
      if (now === workGroupId) return fail('conflict', workGroupId === null ? 'That participant is in no work group.' : 'That participant is in this group already.');
      return ok({ type: 'workgroup.assigned', participantId, workGroupId });
    }
    case 'workgroup.join': {
      if (me === null) return fail('forbidden', FROM_A_PHONE);
      const g = group(cmd.payload.workGroupId);
      if (!g) return fail('not_found', NO_SUCH_GROUP);
      if (!wg.selfSelect) return fail('forbidden', 'The facilitator assigns the work groups: wait for yours.');
      if (dictGet(wg.members, me) === g.id) return fail('conflict', 'You are in this group already.');
      if (!hasRoom(s, g)) return fail('conflict', `“${g.name}” is full: pick another group.`);
      return ok({ type: 'workgroup.assigned', participantId: me, workGroupId: g.id });
    }
    case 'workgroup.leave':
      if (me === null) return fail('forbidden', FROM_A_PHONE);
      if (!wg.selfSelect) return fail('forbidden', 'The facilitator assigns the work groups: ask them to move you.');
      if (dictGet(wg.members, me) === undefined) return fail('conflict', 'You are in no work group.');
      return ok({ type: 'workgroup.assigned', participantId: me, workGroupId: null });
    case 'workgroup.setLeader': {
      const { workGroupId, participantId } = cmd.payload;
      const g = group(workGroupId);
      if (!g) return fail('not_found', NO_SUCH_GROUP);
      if (participantId !== null && !participantById(s, participantId)) return fail('not_found', NO_SUCH_PARTICIPANT);
      if (participantId !== null && dictGet(wg.members, participantId) !== g.id) return fail('conflict', 'A group’s leader is one of its members: put them in the group first.');
      if (g.leaderId === participantId) return fail('conflict', participantId === null ? 'This group has no leader.' : 'They lead this group already.');
      return ok({ type: 'workgroup.leaderSet', workGroupId, participantId });
    }
    case 'workgroup.lead': {
      if (me === null) return fail('forbidden', 'A member takes the lead from their phone; the facilitator picks the leader on the console.');
      const g = group(cmd.payload.workGroupId);
      if (!g) return fail('not_found', NO_SUCH_GROUP);
      if (dictGet(wg.members, me) !== g.id) return fail('forbidden', 'Join this group before you lead it.');
      if (g.leaderId === me) return fail('conflict', 'You lead this group already.');
      if (g.leaderId !== null) return fail('conflict', 'This group has a leader already: ask the facilitator to change it.');
      return ok({ type: 'workgroup.leaderSet', workGroupId: g.id, participantId: me });
    }
  }
}
