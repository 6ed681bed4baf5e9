import { emptyDict } from '../../session/dict.js';
import { defineModule } from '../../session/module.js';
import { applyFlow } from './flow.apply.js';
import type { FlowCommand, FlowEvent } from './flow.events.js';
import { closedDot, decideFlow } from './flow.logic.js';
import { FLOW_NOTES, noteLeavingFlow, noteReturningFlow } from './flow.notes.js';
import { FLOW } from './flow.state.js';
import { noteReturnedFlow } from './flow.undo.js';
import { flowEventFor, flowPersonalFor, flowStateFor } from './flow.visibility.js';

/**
 * The brainstorm flow (silent brainstorm -> reveal -> cluster -> dot vote -> results -> carry forward), run by the
 * item kinds that name it in `runs` (SWOT, vision retreat). It provides no kind of its own.
 */
export const flowModule = defineModule<FlowCommand, FlowEvent>({
  name: FLOW,
  rehearsal: async () => (await import('./flow.simulate.js')).flowRehearsal,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./flow.commands.js')).FLOW_COMMANDS,
  facilitatorOnly: ['flow.advance', 'flow.configure', 'flow.carry', 'flow.hide'],
  slice: { field: 'flows', initial: emptyDict },
  apply: applyFlow,
  decide: decideFlow,
  personalFor: flowPersonalFor,
  eventFor: flowEventFor,
  stateFor: flowStateFor,
  notes: FLOW_NOTES,
  noteLeaving: noteLeavingFlow,
  noteReturning: noteReturningFlow,
  noteReturned: noteReturnedFlow,
  lateInputs: ['flow.dot'],
  closedStep: (s, _actor, input, ctx) => closedDot(s, input, ctx),
});
