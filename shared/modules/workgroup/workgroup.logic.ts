import type { Decision } from '../../session/decide.js';
import type { DecideContext } from '../../session/module.js';
import type { Actor } from '../../session/permissions.js';
import type { SessionState } from '../../session/state.js';
import type { WorkGroupCommand } from './workgroup.events.js';
import { decideStructure } from './workgroup.groups.js';
import { decideMembership } from './workgroup.membership.js';
import { decideTimers } from './workgroup.timers.js';
import { decideWork } from './workgroup.work.js';

/**
 * The decision for a work-group command, by what it is about: the facilitator's themes and groups
 * (workgroup.groups.ts), who is in which group (workgroup.membership.ts), a group's own work and report-out
 * (workgroup.work.ts, with the permission rules of workgroup.rules.ts), group timers and messages
 * (workgroup.timers.ts). The events are applied in workgroup.apply.ts.
 */
export function decideWorkGroup(s: SessionState, actor: Actor, cmd: WorkGroupCommand, ctx: Pick<DecideContext, 'newId' | 'now'>): Decision {
  switch (cmd.type) {
    case 'workgroup.addTheme':
    case 'workgroup.renameTheme':
    case 'workgroup.removeTheme':
    case 'workgroup.moveTheme':
    case 'workgroup.makeGroups':
    case 'workgroup.addGroup':
    case 'workgroup.renameGroup':
    case 'workgroup.mergeGroups':
    case 'workgroup.configure':
    case 'workgroup.setCapacity':
      return decideStructure(s, cmd, ctx);
    case 'workgroup.balance':
    case 'workgroup.assign':
    case 'workgroup.join':
    case 'workgroup.leave':
    case 'workgroup.setLeader':
    case 'workgroup.lead':
      return decideMembership(s, actor, cmd);
    case 'workgroup.timer':
    case 'workgroup.message':
      return decideTimers(s, cmd, ctx);
    default:
      return decideWork(s, actor, cmd, ctx);
  }
}
