import { emptyDict } from '../../session/dict.js';
import { defineModule } from '../../session/module.js';
import { SWOT_COMMANDS, SWOT_FACILITATOR_ONLY } from './swot.commands.js';
import type { SwotCommand, SwotEvent } from './swot.events.js';
import { applySwot, decideSwot } from './swot.logic.js';
import { SWOT, SWOT_QUADRANTS } from './swot.state.js';
import { FLOW } from '../flow/flow.state.js';

/** The SWOT analysis: its data cards, and the brainstorm flow in four quadrants. */
export const swotModule = defineModule<SwotCommand, SwotEvent>({
  name: SWOT,
  commands: SWOT_COMMANDS,
  facilitatorOnly: SWOT_FACILITATOR_ONLY,
  slice: { field: 'swot', initial: emptyDict },
  apply: applySwot,
  decide: (s, _actor, cmd, ctx) => decideSwot(s, cmd, ctx),
  kinds: [{ type: SWOT, label: 'SWOT analysis', hasBoard: true, runs: [FLOW, SWOT], defaultColumns: SWOT_QUADRANTS }],
});
