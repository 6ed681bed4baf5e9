import { emptyDict } from '../../session/dict.js';
import { defineModule } from '../../session/module.js';
import { applyEcoMap } from './ecomap.apply.js';
import type { EcoMapCommand, EcoMapEvent } from './ecomap.events.js';
import { closedMark, decideEcoMap } from './ecomap.logic.js';
import { ecoMapReport } from './ecomap.report.js';
import { ECOMAP } from './ecomap.state.js';
import { ecoMapEventFor, ecoMapPersonalFor, ecoMapStateFor } from './ecomap.visibility.js';

/**
 * The stakeholder eco-map (seed 001): the agency's partners around it, the room's secret marks (green, yellow, red,
 * no dot) shown when the facilitator says, and the engagement plan grouped by the room's consensus colour.
 */
export const ecoMapModule = defineModule<EcoMapCommand, EcoMapEvent>({
  name: ECOMAP,
  rehearsal: async () => (await import('./ecomap.simulate.js')).ecoMapRehearsal,
  // Loaded on demand: the schemas (zod) stay out of the phone's first load.
  commands: async () => (await import('./ecomap.commands.js')).ECOMAP_COMMANDS,
  facilitatorOnly: [
    'ecomap.setCentre',
    'ecomap.addPartner',
    'ecomap.addPartners',
    'ecomap.editPartner',
    'ecomap.removePartner',
    'ecomap.movePartner',
    'ecomap.mergePartners',
    'ecomap.acceptProposal',
    'ecomap.mergeProposal',
    'ecomap.declineProposal',
    'ecomap.setVote',
    'ecomap.showResults',
    'ecomap.setScribe',
  ],
  afterEnd: ['ecomap.showResults'],
  slice: { field: 'ecomaps', initial: emptyDict },
  apply: applyEcoMap,
  decide: decideEcoMap,
  personalFor: ecoMapPersonalFor,
  eventFor: ecoMapEventFor,
  stateFor: ecoMapStateFor,
  lateInputs: ['ecomap.mark'],
  closedStep: (s, _actor, input, ctx) => closedMark(s, input, ctx.kinds),
  kinds: [{ type: ECOMAP, label: 'Stakeholder eco-map', hasBoard: false, runs: [ECOMAP], defaultColumns: [], report: ecoMapReport }],
});
