import { defineModule } from '../../session/module.js';
import type { CarryCommand, CarryEvent } from './carry.events.js';
import { applyCarry, decideCarry } from './carry.logic.js';
import { CARRY, initialCarry } from './carry.state.js';
import { carryEventFor, carryStateFor } from './carry.visibility.js';

/**
 * Carrying forward across sessions: a code this session's console shows, and the carried lists imported from
 * earlier sessions as this session's own data. The carried items of this session itself are the flow's (flow.carry).
 */
export const carryModule = defineModule<CarryCommand, CarryEvent>({
  name: CARRY,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./carry.commands.js')).CARRY_COMMANDS,
  facilitatorOnly: ['carry.makeCode', 'carry.import', 'carry.receive', 'carry.removeImport'],
  // A finished session can still hand its carried items on.
  afterEnd: ['carry.makeCode'],
  slice: { field: 'carry', initial: initialCarry },
  apply: applyCarry,
  decide: (s, _actor, cmd, ctx) => decideCarry(s, cmd, ctx),
  eventFor: carryEventFor,
  stateFor: (s) => carryStateFor(s),
});
