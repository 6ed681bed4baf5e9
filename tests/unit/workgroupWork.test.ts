import { beforeEach, describe, expect, it } from 'vitest';
import { groupRemainingMs } from '../../shared/modules/workgroup/workgroup.timers.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { workGroupReport } from '../../shared/modules/workgroup/workgroup.report.js';
import { groupOverview, mayAdd, mayChange, mayLead, myGroup } from '../../shared/modules/workgroup/workgroup.view.js';
import { eventFor, personalTo, reduce, stateFor } from '../../shared/modules/registry.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
let ana: Actor, ben: Actor, cy: Actor, dee: Actor;
let A: string, B: string;
const wg = () => workGroupsOf(m.state);
const refusal = (actor: Actor, body: CommandBody) => m.run(actor, body)?.message ?? null;
const lastStrategy = () => Object.values(wg().strategies).at(-1)!.id;
const lastAnswer = () => Object.values(wg().answers).at(-1)!.id;

/** Two groups: Ana (leader) and Ben in A; Cy in B; Dee in no group. */
beforeEach(() => {
  m = new SessionModel([agendaItem('groups1', 'workgroups')]);
  [ana, ben, cy, dee] = ['ana', 'ben', 'cy', 'dee'].map((id) => m.join(id, id[0]!.toUpperCase() + id.slice(1))) as [Actor, Actor, Actor, Actor];
  for (const name of ['Permanency', 'Safety']) m.ok(FACILITATOR, { type: 'workgroup.addGroup', payload: { name } });
  [A, B] = wg().groups.map((g) => g.id) as [string, string];
  for (const [who, g] of [[ana, A], [ben, A], [cy, B]] as const) m.ok(who, { type: 'workgroup.join', payload: { workGroupId: g } });
  m.ok(ana, { type: 'workgroup.lead', payload: { workGroupId: A } });
});

describe('who changes a group’s work', () => {
  it('members add; outsiders are told to pick a group; a member of another group never changes this one', () => {
    m.ok(ben, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Kinship first' } });
    const strategyId = lastStrategy();
    m.ok(ben, { type: 'workgroup.addStep', payload: { strategyId, what: 'Train staff', owner: 'State', byWhen: 'March' } });
    m.ok(ben, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'recommendations', text: 'Fund kin' } });
    const answerId = lastAnswer();
    expect(refusal(dee, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'x' } })).toBe('Pick a work group first.');
    const other = 'You can only change your own work group’s work.';
    expect(refusal(cy, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'x' } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.editStrategy', payload: { strategyId, text: 'x' } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.removeStrategy', payload: { strategyId } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.addStep', payload: { strategyId, what: 'x', owner: '', byWhen: '' } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'assistance', text: 'x' } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.editAnswer', payload: { answerId, text: 'x' } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.removeAnswer', payload: { answerId } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } })).toBe(other);
    expect(refusal(cy, { type: 'workgroup.moveStrategy', payload: { strategyId, toIndex: 0 } })).toBe(other);
    // A member who moves to another group loses the rights over what they wrote in the first.
    m.ok(ben, { type: 'workgroup.join', payload: { workGroupId: B } });
    expect(refusal(ben, { type: 'workgroup.editStrategy', payload: { strategyId, text: 'mine?' } })).toBe(other);
  });

  it('the leader or the author edits and removes; only the leader orders and marks ready; the facilitator does all', () => {
    m.ok(ben, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'First' } });
    const first = lastStrategy();
    m.ok(ana, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Second' } });
    const second = lastStrategy();
    expect(refusal(ben, { type: 'workgroup.editStrategy', payload: { strategyId: second, text: 'x' } })).toBe(
      'Only the group’s leader or the person who wrote it can change it.',
    );
    expect(refusal(ben, { type: 'workgroup.editStrategy', payload: { strategyId: first, text: 'First, reworded' } })).toBeNull();
    expect(refusal(ana, { type: 'workgroup.editStrategy', payload: { strategyId: first, text: 'First, by the leader' } })).toBeNull();
    expect(refusal(ben, { type: 'workgroup.moveStrategy', payload: { strategyId: second, toIndex: 0 } })).toBe('Only the group’s leader can do that.');
    m.ok(ana, { type: 'workgroup.moveStrategy', payload: { strategyId: second, toIndex: 0 } });
    expect(wg().groups[0]!.strategyOrder).toEqual([second, first]);
    expect(refusal(ben, { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } })).toBe('Only the group’s leader can do that.');
    m.ok(ana, { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } });
    expect(wg().groups[0]!.readyAt).toBe(m.now);
    // Still editable by the leader once ready, and editing does not unmark it.
    m.ok(ana, { type: 'workgroup.editStrategy', payload: { strategyId: first, text: 'Late fix' } });
    expect(wg().groups[0]!.readyAt).toBe(m.now);
    expect(refusal(ana, { type: 'workgroup.ready', payload: { workGroupId: A, ready: true } })).toBe('The report-out is marked ready already.');
    m.ok(FACILITATOR, { type: 'workgroup.removeStrategy', payload: { strategyId: first } });
    expect(wg().groups[0]!.strategyOrder).toEqual([second]);
  });

  it('refers to nothing that is gone, and caps what grows', () => {
    m.ok(ana, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'S' } });
    const strategyId = lastStrategy();
    for (const id of ['gone', 'constructor', '__proto__']) {
      expect(refusal(ana, { type: 'workgroup.editStrategy', payload: { strategyId: id, text: 'x' } })).toBe('That strategy no longer exists.');
      expect(refusal(ana, { type: 'workgroup.removeStep', payload: { strategyId, stepId: id } })).toBe('That action step no longer exists.');
      expect(refusal(ana, { type: 'workgroup.editAnswer', payload: { answerId: id, text: 'x' } })).toBe('That answer no longer exists.');
      expect(refusal(ana, { type: 'workgroup.addAnswer', payload: { workGroupId: id, field: 'information', text: 'x' } })).toBe('That work group no longer exists.');
    }
    for (let i = 0; i < 20; i++) m.ok(ana, { type: 'workgroup.addStep', payload: { strategyId, what: `Step ${i}`, owner: '', byWhen: '' } });
    expect(refusal(ana, { type: 'workgroup.addStep', payload: { strategyId, what: 'one more', owner: '', byWhen: '' } })).toBe(
      'A strategy can have at most 20 action steps.',
    );
    for (let i = 0; i < 40; i++) m.ok(ben, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'information', text: `Need ${i}` } });
    expect(refusal(ben, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'information', text: 'x' } })).toBe(
      '“Additional information the work group needs” can have at most 40 answers.',
    );
  });
});

describe('group timers', () => {
  it('follows the session timer until the facilitator sets it apart; start, pause, reset, follow', () => {
    const g = () => wg().groups[0]!;
    expect(g().timer).toBeNull();
    expect(refusal(FACILITATOR, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'start' } })).toBe(
      'This group follows the session timer: say how many minutes its own timer runs.',
    );
    m.ok(FACILITATOR, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'start', minutes: 20 } });
    expect(g().timer).toMatchObject({ status: 'running', endsAt: m.now + 20 * 60_000 });
    m.now += 5 * 60_000;
    expect(groupRemainingMs(m.state, g(), m.now)).toBe(15 * 60_000);
    m.ok(FACILITATOR, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'pause' } });
    expect(g().timer).toMatchObject({ status: 'paused', remainingMs: 15 * 60_000, endsAt: null });
    m.now += 60_000;
    m.ok(FACILITATOR, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'start' } });
    expect(g().timer).toMatchObject({ status: 'running', endsAt: m.now + 15 * 60_000 });
    m.ok(FACILITATOR, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'reset' } });
    expect(g().timer).toMatchObject({ status: 'idle', remainingMs: 20 * 60_000 });
    m.ok(FACILITATOR, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'follow' } });
    expect(g().timer).toBeNull();
    expect(groupRemainingMs(m.state, g(), m.now)).toBe(30 * 60_000);
    expect(m.run(ana, { type: 'workgroup.timer', payload: { workGroupId: A, action: 'follow' } })?.code).toBe('forbidden');
  });
});

describe('messages', () => {
  const view = (viewer: Viewer) => workGroupsOf(reduce(m.events.map((e) => eventFor(e, viewer)))).messages.map((x) => x.text);
  const fresh = (viewer: Viewer) => workGroupsOf(stateFor(m.state, viewer)).messages.map((x) => x.text);

  it('a message to one group reaches its members and the console only; one to all reaches every screen', () => {
    m.ok(FACILITATOR, { type: 'workgroup.message', payload: { workGroupId: A, text: 'Ten minutes left', warning: true } });
    m.ok(FACILITATOR, { type: 'workgroup.message', payload: { workGroupId: null, text: 'Back at 3' } });
    for (const who of ['ana', 'ben']) expect(view({ role: 'participant', participantId: who })).toEqual(['Ten minutes left', 'Back at 3']);
    for (const viewer of [{ role: 'participant', participantId: 'cy' }, { role: 'participant', participantId: null }, { role: 'board' }] as Viewer[]) {
      expect(view(viewer)).toEqual(['Back at 3']);
      expect(fresh(viewer)).toEqual(['Back at 3']);
    }
    expect(fresh({ role: 'participant', participantId: 'ben' })).toEqual(['Ten minutes left', 'Back at 3']);
    expect(wg().messages.map((x) => x.text)).toEqual(['Ten minutes left', 'Back at 3']);
    // The server sends the one to group A in a frame of their own to each of its members, the other to everyone alike.
    const [toA, toAll] = m.events.filter((e) => e.type === 'workgroup.messaged');
    expect([personalTo(toA!), personalTo(toAll!)]).toEqual([['ana', 'ben'], []]);
  });

  it('keeps the latest 50 on every screen alike', () => {
    for (let i = 0; i < 52; i++) m.ok(FACILITATOR, { type: 'workgroup.message', payload: { workGroupId: i % 2 ? B : A, text: `m${i}` } });
    expect(wg().messages).toHaveLength(50);
    for (const who of ['ana', 'cy', null]) {
      const viewer: Viewer = { role: 'participant', participantId: who };
      expect(view(viewer)).toEqual(fresh(viewer));
    }
    expect(view({ role: 'participant', participantId: 'cy' })).toHaveLength(25);
  });
});

describe('a group’s report-out', () => {
  it('holds its own group only: theme, leader, members, strategies with steps, the four headings, ready', () => {
    m.ok(ana, { type: 'workgroup.addStrategy', payload: { workGroupId: A, text: 'Kinship first' } });
    m.ok(ben, { type: 'workgroup.addStep', payload: { strategyId: lastStrategy(), what: 'Train staff', owner: 'State', byWhen: 'March' } });
    m.ok(ben, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'stakeholders', text: 'Tribal courts' } });
    m.ok(cy, { type: 'workgroup.addAnswer', payload: { workGroupId: B, field: 'stakeholders', text: 'Schools' } });
    const item = m.state.agenda[0]!;
    const text = JSON.stringify(workGroupReport(m.state, item, A, { scope: { kind: 'session' }, names: false, at: m.now }));
    for (const s of ['No theme', 'Members', '"2"', 'Kinship first', 'Train staff', 'March', 'Tribal courts', 'Basic recommendations', 'Technical-assistance needs', 'Being written'])
      expect(text).toContain(s);
    expect(text).not.toContain('Schools');
    expect(text).not.toContain('Ana');
    const named = JSON.stringify(workGroupReport(m.state, item, A, { scope: { kind: 'session' }, names: true, at: m.now }));
    expect(named).toContain('"Leader","Ana"');
    expect(workGroupReport(m.state, item, 'gone', { scope: { kind: 'session' }, names: false, at: m.now })).toBeNull();
  });
});

describe('what the screens read', () => {
  it('the console’s overview: members, fill per heading, time left; a phone’s rights', () => {
    m.ok(ben, { type: 'workgroup.addAnswer', payload: { workGroupId: A, field: 'assistance', text: 'Coaching' } });
    const g = wg().groups[0]!;
    expect(groupOverview(m.state, g, m.now)).toMatchObject({ members: ['ana', 'ben'], strategies: 0, remainingMs: 30 * 60_000, fill: { assistance: 1, recommendations: 0 } });
    expect(myGroup(m.state, 'cy')?.id).toBe(B);
    expect([mayAdd(m.state, ben, g), mayAdd(m.state, cy, g), mayAdd(m.state, dee, g)]).toEqual([true, false, false]);
    expect([mayChange(m.state, ben, g, 'ben'), mayChange(m.state, ben, g, 'ana'), mayChange(m.state, ana, g, 'ben')]).toEqual([true, false, true]);
    expect([mayLead(m.state, ana, g), mayLead(m.state, ben, g), mayLead(m.state, FACILITATOR, g)]).toEqual([true, false, true]);
  });
});
