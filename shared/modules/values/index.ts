import { emptyDict } from '../../session/dict.js';
import { defineModule } from '../../session/module.js';
import { applyValues } from './values.apply.js';
import type { ValuesCommand, ValuesEvent } from './values.events.js';
import { decideValues } from './values.logic.js';
import { valuesReport } from './values.report.js';
import { VALUES } from './values.state.js';
import { valuesEventFor, valuesPersonalFor, valuesStateFor } from './values.visibility.js';

/**
 * The core-values survey (seed 000): candidate values, proposals from phones, anonymous ratings of importance and
 * practice, the values ranked by gap, and the follow-up for the top-gap ones. `values.rate` is anonymous (see
 * SessionModule.anonymous and server/ballots.ts): its events name a ballot, never the participant.
 */
export const valuesModule = defineModule<ValuesCommand, ValuesEvent>({
  name: VALUES,
  rehearsal: async () => (await import('./values.simulate.js')).valuesRehearsal,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./values.commands.js')).VALUES_COMMANDS,
  facilitatorOnly: [
    'values.addValue',
    'values.addValues',
    'values.editValue',
    'values.removeValue',
    'values.moveValue',
    'values.mergeValues',
    'values.acceptProposal',
    'values.mergeProposal',
    'values.declineProposal',
    'values.setPhase',
    'values.showResults',
    'values.setInvolve',
    'values.setAction',
    'values.removeAction',
  ],
  afterEnd: ['values.showResults'],
  anonymous: ['values.rate'],
  slice: { field: 'values', initial: emptyDict },
  apply: applyValues,
  decide: (s, actor, cmd, ctx) => decideValues(s, actor, cmd, ctx),
  personalFor: valuesPersonalFor,
  eventFor: valuesEventFor,
  stateFor: valuesStateFor,
  kinds: [{ type: VALUES, label: 'Core-values survey', hasBoard: false, runs: [VALUES], defaultColumns: [], report: valuesReport }],
});
