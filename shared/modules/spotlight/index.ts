import { defineModule } from '../../session/module.js';
import { applySpotlight, decideSpotlight } from './spotlight.logic.js';
import { SPOTLIGHT, type SpotlightCommand, type SpotlightEvent } from './spotlight.state.js';

/** The board's spotlight (one note or group shown large) and whether its pages turn by themselves. */
export const spotlightModule = defineModule<SpotlightCommand, SpotlightEvent>({
  name: SPOTLIGHT,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./spotlight.commands.js')).SPOTLIGHT_COMMANDS,
  facilitatorOnly: ['spotlight.show', 'spotlight.clear', 'spotlight.paging'],
  apply: applySpotlight,
  decide: (s, _actor, cmd, ctx) => decideSpotlight(s, cmd, ctx),
});
