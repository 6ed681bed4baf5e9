import { emptyDict } from '../../session/dict.js';
import { defineModule } from '../../session/module.js';
import type { SwotCommand, SwotEvent } from './swot.events.js';
import { applySwot, decideSwot } from './swot.logic.js';
import { SWOT, SWOT_QUADRANTS } from './swot.state.js';
import { FLOW } from '../flow/flow.state.js';
import { flowGroupReport, groupLabel } from '../flow/flow.report.js';
import { swotReport } from './swot.report.js';

/** The SWOT analysis: its data cards, and the brainstorm flow in four quadrants. */
export const swotModule = defineModule<SwotCommand, SwotEvent>({
  name: SWOT,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./swot.commands.js')).SWOT_COMMANDS,
  facilitatorOnly: ['swot.addCard', 'swot.editCard', 'swot.removeCard'],
  slice: { field: 'swot', initial: emptyDict },
  apply: applySwot,
  decide: (s, _actor, cmd, ctx) => decideSwot(s, cmd, ctx),
  kinds: [
    { type: SWOT, label: 'SWOT analysis', hasBoard: true, runs: [FLOW, SWOT], defaultColumns: SWOT_QUADRANTS,
      report: swotReport, groupReport: flowGroupReport, groupTitle: groupLabel },
  ],
});
