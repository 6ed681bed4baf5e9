import { defineModule } from '../../session/module.js';
import { applyWorkGroup } from './workgroup.apply.js';
import type { WorkGroupCommand, WorkGroupEvent } from './workgroup.events.js';
import { decideWorkGroup } from './workgroup.logic.js';
import { themesReport, workGroupReport, workGroupsReport, workGroupTitle } from './workgroup.report.js';
import { initialWorkGroups, WORKGROUP } from './workgroup.state.js';
import { workGroupEventFor, workGroupPersonalFor, workGroupStateFor } from './workgroup.visibility.js';

/**
 * Theme work groups (the PIP kick-off day's afternoon, seed 003): the facilitator's themes and groups, who is in which
 * group and who leads it, each group's strategies with action steps, its structured report-out, its own timer, and
 * the facilitator's messages to all groups or to one.
 */
export const workGroupModule = defineModule<WorkGroupCommand, WorkGroupEvent>({
  name: WORKGROUP,
  rehearsal: async () => (await import('./workgroup.simulate.js')).workGroupRehearsal,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./workgroup.commands.js')).WORKGROUP_COMMANDS,
  facilitatorOnly: [
    'workgroup.addTheme',
    'workgroup.renameTheme',
    'workgroup.removeTheme',
    'workgroup.moveTheme',
    'workgroup.makeGroups',
    'workgroup.addGroup',
    'workgroup.renameGroup',
    'workgroup.mergeGroups',
    'workgroup.configure',
    'workgroup.setCapacity',
    'workgroup.balance',
    'workgroup.assign',
    'workgroup.setLeader',
    'workgroup.timer',
    'workgroup.message',
  ],
  slice: { field: 'workgroups', initial: initialWorkGroups },
  apply: applyWorkGroup,
  decide: (s, actor, cmd, ctx) => decideWorkGroup(s, actor, cmd, ctx),
  personalFor: workGroupPersonalFor,
  eventFor: workGroupEventFor,
  stateFor: workGroupStateFor,
  kinds: [
    { type: 'themes', label: 'PIP themes', hasBoard: false, runs: [WORKGROUP], defaultColumns: [], report: themesReport },
    {
      type: 'workgroups',
      label: 'Theme work groups',
      hasBoard: false,
      runs: [WORKGROUP],
      defaultColumns: [],
      report: workGroupsReport,
      groupReport: workGroupReport,
      groupTitle: workGroupTitle,
    },
  ],
});
