import type { CommandBody } from '../../protocol/commands.js';
import type { RehearsalHooks } from '../../session/module.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { phrase } from '../../rehearsal/phrases.js';
import type { Rng } from '../../rehearsal/rng.js';
import { flowOf } from '../flow/flow.state.js';
import { driveWorkGroup, simulateWorkGroup } from '../workgroup/workgroup.simulate.js';
import { groupOfParticipant, workGroupsOf } from '../workgroup/workgroup.state.js';
import { pullablesOf, pulledNotes, type PullField } from './plenary.pull.js';
import { plenaryOf, presentingNow, SYNTHESIS_COLUMNS } from './plenary.state.js';

/** How many report-out entries the facilitator pulls into a synthesis, and how many next steps a rehearsal writes. */
const PULLS = 8;
const NEXT_STEPS = 2;

/** Where a pulled entry goes among the seed's four headings. */
const COLUMN_OF: Record<PullField, string> = {
  recommendations: SYNTHESIS_COLUMNS[3],
  information: SYNTHESIS_COLUMNS[0],
  stakeholders: SYNTHESIS_COLUMNS[0],
  assistance: SYNTHESIS_COLUMNS[2],
  strategy: SYNTHESIS_COLUMNS[1],
};

/** The item as a step of the work groups' afternoon (its themes, its groups), for the work groups' own hooks. */
const asStep = (item: AgendaItem, moduleType: 'themes' | 'workgroups'): AgendaItem => ({ ...item, moduleType });

/**
 * A simulated participant asks each presenting group, other than their own, one question. Before the first group
 * presents, groups the report-out formed itself (nothing was imported: see `drivePlenary`) do their work first.
 */
export function simulatePlenary(s: SessionState, item: AgendaItem, me: string, rng: Rng): CommandBody | null {
  if (item.moduleType !== 'reportout') return null;
  const now = presentingNow(s);
  if (!now && plenaryOf(s).presented.length === 0) {
    const work = simulateWorkGroup(s, asStep(item, 'workgroups'), me, rng);
    if (work) return work;
  }
  if (!now || now.itemId !== item.id || groupOfParticipant(s, me)?.id === now.workGroupId) return null;
  if (plenaryOf(s).reactions.some((r) => r.authorId === me && r.workGroupId === now.workGroupId)) return null;
  return { type: 'plenary.react', payload: { workGroupId: now.workGroupId, kind: 'question', text: phrase(rng, item.prompt) } };
}

/**
 * The facilitator's steps: each group presents in turn, then nobody; the synthesis pulls report-out entries under the
 * seed's headings while its brainstorm is open (the flow does the rest); next steps are written.
 */
export function drivePlenary(s: SessionState, item: AgendaItem, rng: Rng): CommandBody | null {
  const p = plenaryOf(s);
  const groups = workGroupsOf(s).groups;
  if (item.moduleType === 'reportout') {
    // Nothing to hear (a debrief rehearsed without a kick-off to import): the room forms groups on the item's themes.
    if (groups.length === 0) return driveWorkGroup(s, asStep(item, 'themes')) ?? driveWorkGroup(s, asStep(item, 'workgroups'));
    const next = groups.find((g) => !p.presented.includes(g.id) && presentingNow(s)?.workGroupId !== g.id);
    if (next) return { type: 'plenary.present', payload: { itemId: item.id, workGroupId: next.id } };
    return presentingNow(s) ? { type: 'plenary.present', payload: { itemId: item.id, workGroupId: null } } : null;
  }
  if (item.moduleType === 'synthesis') {
    if (flowOf(s, item.id).phase !== 'brainstorm') return null;
    const pulled = Object.values(p.links).length;
    const entry = groups.flatMap((g) => pullablesOf(s, g)).find((e) => pulledNotes(s, item.id, e.sourceId).length === 0);
    if (!entry || pulled >= PULLS) return null;
    return { type: 'plenary.pull', payload: { itemId: item.id, column: COLUMN_OF[entry.field], workGroupId: entry.workGroupId, field: entry.field, sourceId: entry.sourceId } };
  }
  if (item.moduleType !== 'nextsteps' || p.nextSteps.filter((n) => n.itemId === item.id).length >= NEXT_STEPS) return null;
  const term = p.nextSteps.some((n) => n.itemId === item.id) ? 'long' : 'short';
  return { type: 'plenary.addNextStep', payload: { itemId: item.id, what: phrase(rng, item.prompt), owner: '', partner: null, term, date: '' } };
}

export const plenaryRehearsal: RehearsalHooks = { simulate: simulatePlenary, drive: drivePlenary };
