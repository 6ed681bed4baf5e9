import { defineModule } from '../../session/module.js';
import { FLOW } from '../flow/flow.state.js';
import { flowGroupReport, groupLabel } from '../flow/flow.report.js';
import { applyPlenary } from './plenary.apply.js';
import type { PlenaryCommand, PlenaryEvent } from './plenary.events.js';
import { decidePlenary } from './plenary.logic.js';
import { nextStepsReport, reportOutReport, synthesisReport } from './plenary.report.js';
import { initialPlenary, PLENARY, SYNTHESIS_COLUMNS } from './plenary.state.js';
import { plenaryPersonalFor, plenaryEventFor, plenaryStateFor } from './plenary.visibility.js';

/**
 * The large group after the work groups (seed 003): report-out mode with questions and reactions, the synthesis
 * (the brainstorm flow's board and dot vote, with notes pulled from the groups' report-outs), next steps, and
 * a debrief or follow-up session starting from a kick-off session's groups and results.
 */
export const plenaryModule = defineModule<PlenaryCommand, PlenaryEvent>({
  name: PLENARY,
  rehearsal: async () => (await import('./plenary.simulate.js')).plenaryRehearsal,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./plenary.commands.js')).PLENARY_COMMANDS,
  facilitatorOnly: [
    'plenary.present',
    'plenary.presentTimer',
    'plenary.pull',
    'plenary.addNextStep',
    'plenary.editNextStep',
    'plenary.removeNextStep',
    'plenary.import',
    'plenary.receive',
  ],
  slice: { field: 'plenary', initial: initialPlenary },
  apply: applyPlenary,
  decide: (s, actor, cmd, ctx) => decidePlenary(s, actor, cmd, ctx),
  personalFor: plenaryPersonalFor,
  eventFor: plenaryEventFor,
  stateFor: plenaryStateFor,
  kinds: [
    { type: 'reportout', label: 'Report-outs', hasBoard: false, runs: [PLENARY], defaultColumns: [], report: (s, item, options) => reportOutReport(s, item, options) },
    { type: 'synthesis', label: 'Large-group synthesis', hasBoard: true, runs: [FLOW, PLENARY], defaultColumns: SYNTHESIS_COLUMNS,
      report: synthesisReport, groupReport: flowGroupReport, groupTitle: groupLabel },
    { type: 'nextsteps', label: 'Next steps', hasBoard: false, runs: [PLENARY], defaultColumns: [], report: (s, item) => nextStepsReport(s, item) },
  ],
});
