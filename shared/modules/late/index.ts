import { emptyKeyed } from '../../session/keyed.js';
import { defineModule } from '../../session/module.js';
import type { LateCommand, LateEvent } from './late.events.js';
import { applyLate, decideLate, keepLate } from './late.logic.js';
import { LATE } from './late.state.js';
import { latePersonalFor, lateEventFor, lateStateFor } from './late.visibility.js';

/**
 * Late input: a participant's input refused only because its step closed meanwhile (a phone was offline) is kept
 * for the facilitator to add or dismiss; which inputs and why they were late come from the modules that own them.
 */
export const lateModule = defineModule<LateCommand, LateEvent>({
  name: LATE,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./late.commands.js')).LATE_COMMANDS,
  facilitatorOnly: ['late.accept', 'late.dismiss'],
  slice: { field: 'late', initial: emptyKeyed },
  apply: applyLate,
  decide: (s, _actor, cmd, ctx) => decideLate(s, cmd, ctx),
  personalFor: latePersonalFor,
  eventFor: lateEventFor,
  stateFor: lateStateFor,
  refused: keepLate,
});
