import { defineModule } from '../../session/module.js';
import { applyRehearsal, decideRehearsal } from './rehearsal.logic.js';
import { REHEARSAL, type RehearsalCommand, type RehearsalEvent } from './rehearsal.state.js';

/** A rehearsal's settings in the log (its pace, paused or not), so they survive a restart or an idle unload. */
export const rehearsalModule = defineModule<RehearsalCommand, RehearsalEvent>({
  name: REHEARSAL,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./rehearsal.commands.js')).REHEARSAL_COMMANDS,
  facilitatorOnly: ['rehearsal.pace'],
  apply: applyRehearsal,
  decide: (s, _actor, cmd) => decideRehearsal(s, cmd),
});
