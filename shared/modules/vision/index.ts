import { emptyDict } from '../../session/dict.js';
import { defineModule } from '../../session/module.js';
import { FLOW } from '../flow/flow.state.js';
import { flowGroupReport, groupLabel } from '../flow/flow.report.js';
import { crosswalkReport, visionReport } from './vision.report.js';
import { CROSSWALK } from './vision.context.js';
import type { VisionCommand, VisionEvent } from './vision.events.js';
import { applyVision, closedVision, decideVision } from './vision.logic.js';
import { VISION } from './vision.state.js';
import { visionEventFor, visionPersonalFor, visionStateFor } from './vision.visibility.js';

/** The vision retreat: context, the preferred-future statement with fist-to-five rounds, the CFSR crosswalk. */
export const visionModule = defineModule<VisionCommand, VisionEvent>({
  name: VISION,
  rehearsal: async () => (await import('./vision.simulate.js')).visionRehearsal,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./vision.commands.js')).VISION_COMMANDS,
  facilitatorOnly: [
  'vision.setContext',
  'vision.draft',
  'vision.askFist',
  'vision.closeFist',
  'vision.finalize',
  'vision.openCrosswalk',
],
  slice: { field: 'vision', initial: emptyDict },
  apply: applyVision,
  decide: (s, actor, cmd, ctx) => decideVision(s, actor, cmd, ctx),
  personalFor: visionPersonalFor,
  eventFor: visionEventFor,
  stateFor: visionStateFor,
  lateInputs: ['vision.fist', 'vision.rate'],
  closedStep: (s, _actor, input) => closedVision(s, input),
  kinds: [
    { type: VISION, label: 'Vision retreat', hasBoard: true, runs: [FLOW, VISION], defaultColumns: ['Preferred future'],
      report: visionReport, groupReport: flowGroupReport, groupTitle: groupLabel },
    { type: CROSSWALK, label: 'CFSR crosswalk', hasBoard: false, runs: [VISION], defaultColumns: [], report: crosswalkReport },
  ],
});
