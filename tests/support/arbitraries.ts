import fc from 'fast-check';
import type { CommandBody, CommandInput, CommandType } from '../../shared/protocol/commands.js';
import { plenaryOf } from '../../shared/modules/plenary/plenary.state.js';
import { ecoMapOf, MARKS, PARTNER_CATEGORIES } from '../../shared/modules/ecomap/ecomap.state.js';
import { PHASES } from '../../shared/modules/flow/flow.state.js';
import { STARTER_VALUES, surveyOf } from '../../shared/modules/values/values.state.js';
import { CROSSWALK_RATINGS, OUTCOME_IDS } from '../../shared/modules/vision/cfsr.js';
import { columnsOf, MODULE_TYPES } from '../../shared/modules/registry.js';
import { REPORT_FIELDS, workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { allNotes, allParticipants } from '../../shared/session/notes.js';
import { dictGet } from '../../shared/session/dict.js';
import { keyedGet, keyedValues } from '../../shared/session/keyed.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { ModuleType, SessionState } from '../../shared/session/state.js';

/** The names of `Object.prototype`'s members ("constructor", "toString", "__proto__"...): ids a hostile phone tries. */
export const PROTOTYPE_NAMES: string[] = Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[A-Za-z0-9_-]+$/.test(n));

/** Every command type a client can send (kept in step with the schema by the test that uses it). */
export const COMMAND_TYPES: CommandType[] = [
  'timer.start', 'timer.pause', 'timer.resume', 'timer.extend', 'timer.reset',
  'agenda.next', 'agenda.previous', 'agenda.goto', 'agenda.addItem', 'agenda.removeItem', 'agenda.moveItem', 'agenda.updateItem',
  'note.add', 'note.edit', 'note.move', 'note.delete', 'note.restore', 'board.lock',
  'flow.advance', 'flow.configure', 'flow.group', 'flow.ungroup', 'flow.nameGroup', 'flow.moveGroup', 'flow.dot', 'flow.carry', 'flow.hide',
  'swot.addCard', 'swot.editCard', 'swot.removeCard',
  'people.rename', 'people.remove',
  'vision.setContext', 'vision.draft', 'vision.askFist', 'vision.closeFist', 'vision.fist', 'vision.finalize', 'vision.openCrosswalk', 'vision.rate',
  'late.accept', 'late.dismiss', 'note.erase', 'session.end', 'session.delete', 'report.share', 'report.unshare',
  'carry.makeCode', 'carry.import', 'carry.removeImport',
  'spotlight.show', 'spotlight.clear', 'spotlight.paging',
  'workgroup.addTheme', 'workgroup.renameTheme', 'workgroup.removeTheme', 'workgroup.moveTheme', 'workgroup.makeGroups',
  'workgroup.addGroup', 'workgroup.renameGroup', 'workgroup.mergeGroups', 'workgroup.configure', 'workgroup.setCapacity',
  'workgroup.balance', 'workgroup.assign', 'workgroup.join', 'workgroup.leave', 'workgroup.setLeader', 'workgroup.lead',
  'workgroup.timer', 'workgroup.message', 'workgroup.addStrategy', 'workgroup.editStrategy', 'workgroup.removeStrategy',
  'workgroup.moveStrategy', 'workgroup.addStep', 'workgroup.editStep', 'workgroup.removeStep', 'workgroup.addAnswer',
  'workgroup.editAnswer', 'workgroup.removeAnswer', 'workgroup.ready',
  'plenary.present', 'plenary.presentTimer', 'plenary.react', 'plenary.pull', 'plenary.addNextStep', 'plenary.editNextStep',
  'plenary.removeNextStep', 'plenary.import',
  'ecomap.setCentre', 'ecomap.addPartner', 'ecomap.addPartners', 'ecomap.editPartner', 'ecomap.removePartner', 'ecomap.movePartner',
  'ecomap.mergePartners', 'ecomap.propose', 'ecomap.acceptProposal', 'ecomap.mergeProposal', 'ecomap.declineProposal',
  'ecomap.setVote', 'ecomap.showResults', 'ecomap.mark', 'ecomap.setScribe', 'ecomap.plan',
  'values.addValue', 'values.addValues', 'values.editValue', 'values.removeValue', 'values.moveValue', 'values.mergeValues',
  'values.propose', 'values.acceptProposal', 'values.mergeProposal', 'values.declineProposal', 'values.setPhase',
  'values.showResults', 'values.rate', 'values.setInvolve', 'values.setAction', 'values.removeAction',
  'rehearsal.pace',
];

/**
 * A command as random choices, resolved against the state it is sent in: every id is picked from the ids that exist,
 * the prototype member names and a few that never existed, so runs mix real references with hostile ones.
 */
export interface CommandRecipe {
  type: CommandType;
  actor: number;
  picks: number[];
  text: string;
  flag: boolean;
  num: number;
}

/** The commands that build up what the others refer to come more often, so runs get to groups, dots and results. */
const BUILDERS: CommandType[] = [
  'note.add', 'note.add', 'note.add', 'flow.advance', 'flow.group', 'flow.dot', 'swot.addCard', 'vision.askFist', 'late.accept',
  'workgroup.join', 'workgroup.addStrategy', 'workgroup.addStep', 'workgroup.addAnswer',
  'ecomap.addPartner', 'ecomap.setVote', 'ecomap.mark', 'ecomap.propose',
  'values.addValue', 'values.setPhase', 'values.rate', 'values.rate', 'values.propose',
];

export const commandRecipe: fc.Arbitrary<CommandRecipe> = fc.record({
  type: fc.oneof({ arbitrary: fc.constantFrom(...COMMAND_TYPES), weight: 3 }, { arbitrary: fc.constantFrom(...BUILDERS), weight: 2 }),
  actor: fc.nat(9),
  picks: fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }),
  text: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ minLength: 1, maxLength: 20 })),
  flag: fc.boolean(),
  num: fc.nat(6),
});

const HOSTILE = [...PROTOTYPE_NAMES, 'missing-id', 'zzzzzzzzzzzz'];

function pick<T>(pool: readonly T[], n: number | undefined): T {
  return pool[(n ?? 0) % pool.length]!;
}

/** Three times in four something that exists (when anything does), else a prototype member name or an unknown id. */
const choose = (real: readonly string[], n: number | undefined): string =>
  real.length && (n ?? 0) % 4 !== 0 ? pick(real, (n ?? 0) >> 2) : pick(HOSTILE, (n ?? 0) >> 2);

/** A participant's ballot in these tests (the server's is an HMAC of the id: see server/ballots.ts). */
export const ballotOf = (participantId: string): string => `ballot-${participantId}`;

/** The actors a run uses: mostly the facilitator (who moves the steps on), participants, and the board. */
export function actorFor(state: SessionState, n: number): Actor {
  const people = allParticipants(state);
  if (n < 4 || people.length === 0) return n === 9 ? { role: 'board' } : { role: 'facilitator' };
  const p = pick(people, n);
  // The ballot the server would derive (server/ballots.ts); any opaque string unique to the person will do here.
  return { role: 'participant', participantId: p.id, name: p.name, ballot: ballotOf(p.id) };
}

/**
 * The command a recipe stands for in this state. Ending and deleting the session come rarely (they end a run's
 * interest), and deleting only where the caller can take it (`deletes`).
 */
export function resolveRecipe(state: SessionState, r: CommandRecipe, deletes = false): CommandInput {
  const [a, b, c, d] = r.picks;
  const itemId = choose(state.agenda.map((i) => i.id), a);
  const item = state.agenda.find((i) => i.id === itemId);
  const noteIds = allNotes(state).map((n) => n.id);
  const groupIds = Object.values(state.flows).flatMap((f) => Object.keys(f.groups));
  const cardIds = item ? (dictGet(state.swot, item.id)?.cards ?? []).map((x) => x.id) : [];
  const column = choose(item ? columnsOf(item) : [], b);
  const target = { kind: r.flag ? ('note' as const) : ('group' as const), id: choose(r.flag ? noteIds : groupIds, c) };
  const noteId = choose(noteIds, b);
  const groupId = choose(groupIds, d);
  const text = r.text;
  const cmd = (type: CommandType, payload: object) => ({ type, payload }) as CommandInput;
  const wg = workGroupsOf(state);
  const workGroupId = choose(wg.groups.map((g) => g.id), a);
  const themeId = choose(wg.themes.map((t) => t.id), c);
  const participantId = choose(allParticipants(state).map((p) => p.id), c);
  const strategyId = choose(Object.keys(wg.strategies), b);
  const stepId = choose(Object.values(wg.strategies).find((x) => x.id === strategyId)?.steps.map((x) => x.id) ?? [], d);
  const answerId = choose(Object.keys(wg.answers), b);
  const step = { what: text, owner: r.flag ? text : '', byWhen: 'March' };
  const workGroupIds = wg.groups.map((g) => g.id);
  const sourceIds = [...Object.keys(wg.answers), ...Object.keys(wg.strategies)];
  const nextStepIds = plenaryOf(state).nextSteps.map((n) => n.id);
  // The large group's commands name an item of their own kind three times in four (else any item).
  const itemOf = (type: ModuleType): string => (r.num % 4 ? (state.agenda.find((i) => i.moduleType === type)?.id ?? itemId) : itemId);
  switch (r.type) {
    case 'timer.start':
    case 'timer.pause':
    case 'timer.resume':
    case 'timer.reset':
    case 'agenda.next':
    case 'agenda.previous':
      return cmd(r.type, {});
    case 'timer.extend':
      return cmd(r.type, { minutes: r.flag ? 1 : 5 });
    case 'agenda.goto':
    case 'agenda.removeItem':
      return cmd(r.type, { itemId });
    case 'agenda.addItem':
      return cmd(r.type, { item: { title: text, plannedMinutes: 10, moduleType: pick(MODULE_TYPES, c), columns: r.flag ? [text] : undefined } });
    case 'agenda.moveItem':
      return cmd(r.type, { itemId, toIndex: r.num });
    case 'agenda.updateItem':
      return cmd(r.type, { itemId, patch: r.flag ? { title: text } : { columns: [text, 'Other'] } });
    case 'note.add':
      return cmd(r.type, { itemId, column, text });
    case 'note.edit':
      return cmd(r.type, { noteId, text });
    case 'note.move':
      return cmd(r.type, { noteId, column });
    case 'note.delete':
      return cmd(r.type, { noteId });
    case 'note.restore':
      return cmd(r.type, { noteId: choose(Object.keys(state.recentlyDeleted ?? {}), b) });
    case 'board.lock':
      return cmd(r.type, { itemId, locked: r.flag });
    case 'flow.advance': {
      const phase = dictGet(state.flows, itemId)?.phase ?? 'brainstorm';
      return cmd(r.type, { itemId, to: r.num < 5 ? (PHASES[PHASES.indexOf(phase) + 1] ?? 'results') : pick(PHASES, c) });
    }
    case 'flow.configure':
      return cmd(r.type, { itemId, dotsPerPerson: 1 + r.num, maxPerItem: 1 + (r.num % 3), trim: r.flag });
    case 'flow.group':
      return cmd(r.type, { noteId, onto: target });
    case 'flow.ungroup':
      return cmd(r.type, { noteId });
    case 'flow.nameGroup':
      return cmd(r.type, { groupId, name: text });
    case 'flow.moveGroup':
      return cmd(r.type, { groupId, column });
    case 'flow.dot':
      return cmd(r.type, { itemId, target, delta: r.num === 0 ? -1 : 1, onBehalfOf: r.actor < 4 ? text : undefined });
    case 'flow.carry':
      return cmd(r.type, { itemId, target, carried: r.flag });
    case 'flow.hide':
      return cmd(r.type, { noteId, hidden: r.flag });
    case 'swot.addCard':
      return cmd(r.type, { itemId, card: { title: text, value: '42%', note: '' } });
    case 'swot.editCard':
      return cmd(r.type, { itemId, cardId: choose(cardIds, c), card: { title: text, value: '43%', note: '' } });
    case 'swot.removeCard':
      return cmd(r.type, { itemId, cardId: choose(cardIds, c) });
    case 'vision.setContext':
      return cmd(r.type, { itemId, mission: text, vision: text, values: text });
    case 'vision.draft':
      return cmd(r.type, { itemId, text });
    case 'vision.askFist':
      return cmd(r.type, { itemId, hideDistribution: r.flag });
    case 'vision.closeFist':
    case 'vision.finalize':
      return cmd(r.type, { itemId });
    case 'vision.fist':
      return cmd(r.type, { itemId, value: r.num % 6 });
    case 'vision.openCrosswalk':
      return cmd(r.type, { itemId, open: r.flag });
    case 'vision.rate':
      return cmd(r.type, { itemId, outcomeId: pick(OUTCOME_IDS, c), rating: pick(CROSSWALK_RATINGS, d) });
    case 'note.erase':
      return cmd(r.type, { noteId });
    case 'session.end':
      return r.num === 6 ? cmd(r.type, {}) : cmd('timer.reset', {});
    case 'session.delete':
      return deletes && r.num === 6 ? cmd(r.type, {}) : cmd('agenda.next', {});
    case 'report.share': {
      const scopes = [{ kind: 'session' }, { kind: 'item', itemId }, { kind: 'group', itemId, groupId }];
      return cmd(r.type, { scope: pick(scopes, d) });
    }
    case 'report.unshare':
    case 'carry.makeCode':
      return cmd(r.type, {});
    case 'carry.import':
      return cmd(r.type, { from: r.flag ? { code: `${state.id}.${text}` } : { sessionId: choose([state.id, ...groupIds], c), facilitatorKey: text || 'k' } });
    case 'carry.removeImport':
      return cmd(r.type, { importId: choose(state.carry.imports.map((i) => i.id), c) });
    case 'carry.receive':
      return cmd('agenda.next', {}); // the server's own, never sent by a client
    case 'people.rename':
      return cmd(r.type, { name: text });
    case 'people.remove':
      return cmd(r.type, { participantId: r.flag ? `p${1 + (r.num % 2)}` : text });
    case 'spotlight.clear':
      return cmd(r.type, {});
    case 'spotlight.show':
      return cmd(r.type, { target: { itemId, ...target } });
    case 'spotlight.paging':
      return cmd(r.type, { paused: r.flag });
    case 'rehearsal.pace':
      return cmd(r.type, r.num % 3 ? { pace: 1 + r.num, paused: r.flag } : { paused: r.flag });
    case 'plenary.present':
      return cmd(r.type, { itemId: itemOf('reportout'), workGroupId: r.flag && r.num % 2 ? null : choose(workGroupIds, c), minutes: 1 + r.num });
    case 'plenary.presentTimer':
      return cmd(r.type, { action: pick(['start', 'pause', 'reset'], r.num) });
    case 'plenary.react':
      return cmd(r.type, { workGroupId: choose(workGroupIds, c), kind: r.flag ? 'question' : 'reaction', text });
    case 'plenary.pull': {
      // Mostly an entry as it is (its group and heading), now and then one named under another group or heading.
      const sourceId = choose(sourceIds, d);
      const entry = dictGet(wg.answers, sourceId) ?? dictGet(wg.strategies, sourceId);
      const field = entry && r.num % 3 ? ('field' in entry ? entry.field : 'strategy') : r.flag ? 'strategy' : 'recommendations';
      const from = entry && r.num % 3 ? entry.workGroupId : choose(workGroupIds, c);
      const into = state.agenda.find((i) => i.id === itemOf('synthesis'));
      return cmd(r.type, { itemId: into?.id ?? itemId, column: choose(into ? columnsOf(into) : [], b), workGroupId: from, field, sourceId });
    }
    case 'plenary.addNextStep':
      return cmd(r.type, { itemId: itemOf('nextsteps'), what: text, owner: text, partner: r.flag ? 'state' : null, term: r.flag ? 'short' : 'long', date: '' });
    case 'plenary.editNextStep':
      return cmd(r.type, { nextStepId: choose(nextStepIds, c), what: text, owner: '', partner: null, term: 'long', date: '2026-12-01' });
    case 'plenary.removeNextStep':
      return cmd(r.type, { nextStepId: choose(nextStepIds, c) });
    case 'plenary.import':
      return cmd(r.type, { from: { code: `${state.id}.${text}` } });
    case 'plenary.receive':
      return cmd('agenda.next', {}); // the server's own, never sent by a client
    case 'late.accept':
    case 'late.dismiss':
      return cmd(r.type, { entryId: choose(state.late ? keyedValues(state.late).map((e) => e.id) : [], c) });
    case 'workgroup.addTheme':
      return cmd(r.type, { title: text, ...(r.flag ? { source: r.num % 2 ? `note:${noteId}` : `group:${groupId}` } : {}) });
    case 'workgroup.renameTheme':
      return cmd(r.type, { themeId, title: text });
    case 'workgroup.removeTheme':
      return cmd(r.type, { themeId });
    case 'workgroup.moveTheme':
      return cmd(r.type, { themeId, toIndex: r.num });
    case 'workgroup.makeGroups':
    case 'workgroup.balance':
    case 'workgroup.leave':
      return cmd(r.type, {});
    case 'workgroup.addGroup':
      return cmd(r.type, { name: text, themeId: r.flag ? themeId : null });
    case 'workgroup.renameGroup':
      return cmd(r.type, { workGroupId, name: text });
    case 'workgroup.mergeGroups':
      return cmd(r.type, { workGroupId, intoId: choose(wg.groups.map((g) => g.id), d) });
    case 'workgroup.configure':
      return cmd(r.type, { capacity: r.num === 0 ? null : r.num, selfSelect: r.flag || r.num > 1 });
    case 'workgroup.setCapacity':
      return cmd(r.type, { workGroupId, capacity: r.flag ? null : 1 + r.num });
    case 'workgroup.assign':
      return cmd(r.type, { participantId, workGroupId: r.num === 0 ? null : workGroupId });
    case 'workgroup.join':
    case 'workgroup.lead':
      return cmd(r.type, { workGroupId });
    case 'workgroup.setLeader':
      return cmd(r.type, { workGroupId, participantId: r.num === 0 ? null : participantId });
    case 'workgroup.timer':
      return cmd(r.type, { workGroupId, action: pick(['start', 'pause', 'reset', 'follow'], c), ...(r.flag || r.num % 2 ? { minutes: 1 + r.num } : {}) });
    case 'workgroup.message':
      return cmd(r.type, { workGroupId: r.num === 0 ? null : workGroupId, text, warning: r.flag });
    case 'workgroup.addStrategy':
      return cmd(r.type, { workGroupId, text });
    case 'workgroup.editStrategy':
      return cmd(r.type, { strategyId, text });
    case 'workgroup.removeStrategy':
      return cmd(r.type, { strategyId });
    case 'workgroup.moveStrategy':
      return cmd(r.type, { strategyId, toIndex: r.num });
    case 'workgroup.addStep':
      return cmd(r.type, { strategyId, ...step });
    case 'workgroup.editStep':
      return cmd(r.type, { strategyId, stepId, ...step });
    case 'workgroup.removeStep':
      return cmd(r.type, { strategyId, stepId });
    case 'workgroup.addAnswer':
      return cmd(r.type, { workGroupId, field: pick(REPORT_FIELDS, c), text });
    case 'workgroup.editAnswer':
      return cmd(r.type, { answerId, text });
    case 'workgroup.removeAnswer':
      return cmd(r.type, { answerId });
    case 'workgroup.ready':
      return cmd(r.type, { workGroupId, ready: r.flag });
    default:
      return r.type.startsWith('values.') ? valuesRecipe(state, r, itemOf('values'), text) : ecoMapRecipe(state, r, itemOf('ecomap'), participantId);
  }
}

/** An eco-map command: partners and proposals picked from the item's own (or hostile ids), marks of every kind. */
function ecoMapRecipe(state: SessionState, r: CommandRecipe, itemId: string, participantId: string): CommandInput {
  const [, b, c, d] = r.picks;
  const m = ecoMapOf(state, itemId);
  const partnerId = choose(m.order, b);
  const proposalId = choose(Object.keys(m.proposals), c);
  const place = { category: pick(PARTNER_CATEGORIES, c), side: r.flag ? 'internal' : 'external' };
  const cmd = (type: CommandType, payload: object) => ({ type, payload: { itemId, ...payload } }) as CommandInput;
  switch (r.type) {
    case 'ecomap.setCentre':
      return cmd(r.type, { centre: r.text });
    case 'ecomap.addPartner':
      return cmd(r.type, { name: r.text, ...place, ...(r.num % 2 ? { index: r.num } : {}) });
    case 'ecomap.addPartners':
      return cmd(r.type, { names: r.flag ? ['Courts and judges', 'Tribes', r.text] : [r.text] });
    case 'ecomap.editPartner':
      return cmd(r.type, { partnerId, name: r.text, ...place });
    case 'ecomap.removePartner':
      return cmd(r.type, { partnerId });
    case 'ecomap.movePartner':
      return cmd(r.type, { partnerId, toIndex: r.num });
    case 'ecomap.mergePartners':
      return cmd(r.type, { fromId: partnerId, intoId: choose(m.order, d) });
    case 'ecomap.propose':
      return cmd(r.type, { name: r.text, ...(r.flag ? place : {}) });
    case 'ecomap.acceptProposal':
      return cmd(r.type, { proposalId, ...(r.flag ? { name: r.text, ...place } : {}) });
    case 'ecomap.mergeProposal':
      return cmd(r.type, { proposalId, intoId: partnerId });
    case 'ecomap.declineProposal':
      return cmd(r.type, { proposalId, ...(r.flag ? { reason: r.text } : {}) });
    case 'ecomap.setVote':
      return cmd(r.type, { vote: pick(['open', 'closed', 'open', 'setup'], r.num) });
    case 'ecomap.showResults':
      return cmd(r.type, { shown: r.flag });
    case 'ecomap.mark':
      return cmd(r.type, { partnerId, mark: r.num === 0 ? null : pick(MARKS, d) });
    case 'ecomap.setScribe':
      return cmd(r.type, { participantId: r.num === 0 ? null : participantId });
    case 'ecomap.plan':
      return cmd(r.type, { partnerId, how: r.text, who: r.flag ? r.text : '', when: 'Spring' });
    default:
      return cmd('agenda.next', {});
  }
}

/** The survey's commands: ids picked from the survey's own values, proposals and actions (and hostile ones). */
function valuesRecipe(state: SessionState, r: CommandRecipe, itemId: string, text: string): CommandInput {
  const [, b, c, d] = r.picks;
  const survey = surveyOf(state, itemId);
  const valueId = choose(survey.order, b);
  const proposalId = choose(Object.keys(survey.proposals), c);
  const actionId = choose(Object.keys(survey.actions), d);
  const cmd = (type: CommandType, payload: object) => ({ type, payload: { itemId, ...payload } }) as CommandInput;
  switch (r.type) {
    case 'values.addValue':
      return cmd(r.type, { name: text, ...(r.flag ? { description: text, index: r.num } : {}) });
    case 'values.addValues':
      return cmd(r.type, { values: STARTER_VALUES.slice(0, 1 + r.num).map((v) => (r.flag ? v : { name: v.name })) });
    case 'values.editValue':
      return cmd(r.type, { valueId, name: text, description: r.flag ? text : '' });
    case 'values.removeValue':
      return cmd(r.type, { valueId });
    case 'values.moveValue':
      return cmd(r.type, { valueId, toIndex: r.num });
    case 'values.mergeValues':
      return cmd(r.type, { fromId: valueId, intoId: choose(survey.order, d) });
    case 'values.propose':
      return cmd(r.type, { text });
    case 'values.acceptProposal':
      return cmd(r.type, { proposalId, ...(r.flag ? { name: text } : {}) });
    case 'values.mergeProposal':
      return cmd(r.type, { proposalId, intoId: valueId });
    case 'values.declineProposal':
      return cmd(r.type, { proposalId, ...(r.flag ? { reason: text } : {}) });
    case 'values.setPhase':
      return cmd(r.type, { phase: r.num < 4 ? 'open' : r.num === 4 ? 'closed' : 'setup' });
    case 'values.showResults':
      return cmd(r.type, { shown: r.flag });
    case 'values.rate':
      return cmd(r.type, { valueId, scale: r.flag ? 'importance' : 'practice', score: r.num === 0 ? null : 1 + (r.num % 5) });
    case 'values.setInvolve':
      return cmd(r.type, { involve: r.flag ? [text, 'Staff'] : [] });
    case 'values.setAction':
      return cmd(r.type, { valueId, what: text, owner: r.flag ? text : '', byWhen: 'March', ...(r.num % 2 ? { actionId } : {}) });
    case 'values.removeAction':
      return cmd(r.type, { actionId });
    default:
      return cmd('agenda.next', {});
  }
}

/**
 * The references a command makes to things that must exist when it is accepted. A dot taken back refers to the dot
 * (which the decision checks), not to its target, so it is left out.
 */
type Ref = {
  kind:
    | 'item' | 'note' | 'deleted' | 'group' | 'card' | 'late' | 'import' | 'participant' | 'workGroup' | 'theme' | 'strategy' | 'step'
    | 'answer' | 'nextstep' | 'value' | 'proposal' | 'action' | 'partner' | 'partnerProposal';
  id: string;
};

/** The work-group fields that name something of the work groups, and what they name. */
const WORK_GROUP_REFS = [
  ['workGroupId', 'workGroup'],
  ['intoId', 'workGroup'],
  ['themeId', 'theme'],
  ['strategyId', 'strategy'],
  ['stepId', 'step'],
  ['answerId', 'answer'],
] as const;


/** The survey's fields that name something of the survey (a survey's `intoId` is a value, not a work group). */
const VALUES_REFS = [
  ['valueId', 'value'],
  ['fromId', 'value'],
  ['intoId', 'value'],
  ['proposalId', 'proposal'],
  ['actionId', 'action'],
] as const;

export function referencesOf(body: CommandBody): Ref[] {
  const payload = body.payload as Record<string, unknown>;
  if (body.type.startsWith('values.')) {
    const refs: Ref[] = [{ kind: 'item', id: String(payload.itemId) }];
    for (const [key, kind] of VALUES_REFS) if (typeof payload[key] === 'string') refs.push({ kind, id: payload[key] });
    return refs;
  }
  // A report's scope names its item and group one level down.
  const p =
    body.type === 'report.share' ? { ...payload, ...body.payload.scope } : body.type === 'spotlight.show' ? { ...payload, itemId: body.payload.target.itemId } : payload;
  const out: Ref[] = [];
  if (typeof p.entryId === 'string') out.push({ kind: 'late', id: p.entryId });
  if (typeof p.itemId === 'string') out.push({ kind: 'item', id: p.itemId });
  if (typeof p.noteId === 'string') out.push({ kind: body.type === 'note.restore' ? 'deleted' : 'note', id: p.noteId });
  if (typeof p.groupId === 'string') out.push({ kind: 'group', id: p.groupId });
  if (typeof p.cardId === 'string') out.push({ kind: 'card', id: p.cardId });
  if (typeof p.importId === 'string') out.push({ kind: 'import', id: p.importId });
  if (typeof p.participantId === 'string') out.push({ kind: 'participant', id: p.participantId });
  if (body.type.startsWith('ecomap.')) {
    // An eco-map command names its partners and proposals (`intoId` is a partner here).
    for (const key of ['partnerId', 'fromId', 'intoId'] as const) if (typeof p[key] === 'string') out.push({ kind: 'partner', id: p[key] });
    if (typeof p.proposalId === 'string') out.push({ kind: 'partnerProposal', id: p.proposalId });
    return out;
  }
  for (const [key, kind] of WORK_GROUP_REFS) if (typeof p[key] === 'string') out.push({ kind, id: p[key] });
  // A theme promoted from a note or a cluster ("note:<id>", "group:<id>").
  if (typeof p.source === 'string') {
    const at = p.source.indexOf(':');
    out.push({ kind: p.source.slice(0, at) === 'note' ? 'note' : 'group', id: p.source.slice(at + 1) });
  }
  if (typeof p.nextStepId === 'string') out.push({ kind: 'nextstep', id: p.nextStepId });
  const takesBack = body.type === 'flow.dot' && body.payload.delta === -1;
  for (const key of ['target', 'onto'] as const) {
    const t = p[key] as { kind: 'note' | 'group'; id: string } | undefined;
    if (t && !takesBack) out.push({ kind: t.kind, id: t.id });
  }
  return out;
}

/** Whether a referenced thing exists in the state. */
export function exists(state: SessionState, ref: Ref): boolean {
  switch (ref.kind) {
    case 'item':
      return state.agenda.some((i) => i.id === ref.id);
    case 'note':
      return allNotes(state).some((n) => n.id === ref.id);
    case 'deleted':
      return Object.hasOwn(state.recentlyDeleted ?? {}, ref.id);
    case 'group':
      return Object.values(state.flows).some((f) => Object.keys(f.groups).includes(ref.id));
    case 'card':
      return Object.values(state.swot).some((s) => s.cards.some((c) => c.id === ref.id));
    case 'late':
      return !!state.late && keyedGet(state.late, ref.id) !== undefined;
    case 'import':
      return state.carry.imports.some((i) => i.id === ref.id);
    case 'participant':
      return keyedGet(state.participants, ref.id) !== undefined;
    case 'workGroup':
      return workGroupsOf(state).groups.some((g) => g.id === ref.id);
    case 'theme':
      return workGroupsOf(state).themes.some((t) => t.id === ref.id);
    case 'strategy':
      return Object.hasOwn(workGroupsOf(state).strategies, ref.id);
    case 'step':
      return Object.values(workGroupsOf(state).strategies).some((x) => x.steps.some((st) => st.id === ref.id));
    case 'answer':
      return Object.hasOwn(workGroupsOf(state).answers, ref.id);
    case 'nextstep':
      return (state.plenary?.nextSteps ?? []).some((n) => n.id === ref.id);
    case 'partner':
      return Object.values(state.ecomaps).some((m) => Object.hasOwn(m.partners, ref.id));
    case 'partnerProposal':
      return Object.values(state.ecomaps).some((m) => Object.hasOwn(m.proposals, ref.id));
    case 'value':
      return Object.values(state.values).some((v) => v.order.includes(ref.id) && Object.hasOwn(v.values, ref.id));
    case 'proposal':
      return Object.values(state.values).some((v) => Object.hasOwn(v.proposals, ref.id));
    case 'action':
      return Object.values(state.values).some((v) => Object.hasOwn(v.actions, ref.id));
  }
}
