import { beforeEach, describe, expect, it } from 'vitest';
import { membersOf } from '../../shared/modules/workgroup/workgroup.rules.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { dictGet } from '../../shared/session/dict.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
let people: Actor[];
const wg = () => workGroupsOf(m.state);
const groupIds = () => wg().groups.map((g) => g.id);
const sizes = () => groupIds().map((id) => membersOf(m.state, id).length);
const fac = (body: CommandBody) => m.ok(FACILITATOR, body);
const refusal = (actor: Actor, body: CommandBody) => m.run(actor, body)?.message;

/** Three themes, one group each, and `n` participants p1..pn in no group. */
function setUp(n: number): void {
  m = new SessionModel([agendaItem('themes1', 'themes'), agendaItem('groups1', 'workgroups')]);
  people = Array.from({ length: n }, (_, i) => m.join(`p${i + 1}`, `Person ${i + 1}`));
  for (const title of ['Permanency', 'Safety', 'Well-being']) fac({ type: 'workgroup.addTheme', payload: { title } });
  fac({ type: 'workgroup.makeGroups', payload: {} });
}

beforeEach(() => setUp(7));

describe('themes and groups', () => {
  it('one group per theme, named after it; again only for themes without one; a removed theme leaves its group', () => {
    expect(wg().groups.map((g) => g.name)).toEqual(['Permanency', 'Safety', 'Well-being']);
    expect(refusal(FACILITATOR, { type: 'workgroup.makeGroups', payload: {} })).toBe('Every theme has its work group already.');
    fac({ type: 'workgroup.addTheme', payload: { title: 'Workforce' } });
    fac({ type: 'workgroup.makeGroups', payload: {} });
    expect(wg().groups.map((g) => g.name)).toEqual(['Permanency', 'Safety', 'Well-being', 'Workforce']);
    const safety = wg().themes[1]!.id;
    fac({ type: 'workgroup.moveTheme', payload: { themeId: safety, toIndex: 99 } });
    expect(wg().themes.map((t) => t.title)).toEqual(['Permanency', 'Well-being', 'Workforce', 'Safety']);
    fac({ type: 'workgroup.removeTheme', payload: { themeId: safety } });
    expect(wg().groups[1]).toMatchObject({ name: 'Safety', themeId: null });
    expect(refusal(FACILITATOR, { type: 'workgroup.renameTheme', payload: { themeId: safety, title: 'X' } })).toBe('That theme no longer exists.');
  });

  it('a theme promoted from a note must name a note that exists; participants set no themes', () => {
    expect(refusal(FACILITATOR, { type: 'workgroup.addTheme', payload: { title: 'T', source: 'note:nope' } })).toBe(
      'The note or group that theme comes from no longer exists.',
    );
    expect(m.run(people[0]!, { type: 'workgroup.addTheme', payload: { title: 'T' } })?.code).toBe('forbidden');
  });

  it('caps the themes and the groups with a sentence', () => {
    for (let i = 0; i < 5; i++) fac({ type: 'workgroup.addTheme', payload: { title: `T${i}` } });
    expect(refusal(FACILITATOR, { type: 'workgroup.addTheme', payload: { title: 'one too many' } })).toBe('A session can have at most 8 themes.');
    for (let i = 0; i < 9; i++) fac({ type: 'workgroup.addGroup', payload: { name: `G${i}` } });
    expect(refusal(FACILITATOR, { type: 'workgroup.addGroup', payload: { name: 'G' } })).toBe('A session can have at most 12 work groups.');
  });
});

describe('assignment with capacity', () => {
  it('participants pick their group within capacity; a full group is refused with its name', () => {
    fac({ type: 'workgroup.configure', payload: { capacity: 2, selfSelect: true } });
    const [a] = groupIds();
    m.ok(people[0]!, { type: 'workgroup.join', payload: { workGroupId: a! } });
    m.ok(people[1]!, { type: 'workgroup.join', payload: { workGroupId: a! } });
    expect(refusal(people[2]!, { type: 'workgroup.join', payload: { workGroupId: a! } })).toBe('“Permanency” is full: pick another group.');
    // A group's own capacity wins over the session's.
    fac({ type: 'workgroup.setCapacity', payload: { workGroupId: a!, capacity: 3 } });
    m.ok(people[2]!, { type: 'workgroup.join', payload: { workGroupId: a! } });
    expect(membersOf(m.state, a!)).toEqual(['p1', 'p2', 'p3']);
    // The facilitator may go over capacity: they decide.
    fac({ type: 'workgroup.assign', payload: { participantId: 'p4', workGroupId: a! } });
    expect(membersOf(m.state, a!)).toHaveLength(4);
  });

  it('without self-selection participants wait to be assigned; the facilitator assigns and moves', () => {
    fac({ type: 'workgroup.configure', payload: { capacity: null, selfSelect: false } });
    const [a, b] = groupIds();
    expect(refusal(people[0]!, { type: 'workgroup.join', payload: { workGroupId: a! } })).toBe('The facilitator assigns the work groups: wait for yours.');
    fac({ type: 'workgroup.assign', payload: { participantId: 'p1', workGroupId: a! } });
    fac({ type: 'workgroup.assign', payload: { participantId: 'p1', workGroupId: b! } });
    expect(dictGet(wg().members, 'p1')).toBe(b);
    expect(refusal(FACILITATOR, { type: 'workgroup.assign', payload: { participantId: 'p1', workGroupId: b! } })).toBe('That participant is in this group already.');
    expect(refusal(FACILITATOR, { type: 'workgroup.assign', payload: { participantId: 'constructor', workGroupId: b! } })).toBe('That participant is not in this session.');
    expect(refusal(FACILITATOR, { type: 'workgroup.assign', payload: { participantId: 'p1', workGroupId: 'gone' } })).toBe('That work group no longer exists.');
    fac({ type: 'workgroup.assign', payload: { participantId: 'p1', workGroupId: null } });
    expect(dictGet(wg().members, 'p1')).toBeUndefined();
  });

  it('balance spreads the unassigned over groups with room, fewest members first, and says when it cannot', () => {
    const [a] = groupIds();
    fac({ type: 'workgroup.assign', payload: { participantId: 'p1', workGroupId: a! } });
    fac({ type: 'workgroup.assign', payload: { participantId: 'p2', workGroupId: a! } });
    fac({ type: 'workgroup.balance', payload: {} });
    expect(sizes()).toEqual([3, 2, 2]);
    expect(refusal(FACILITATOR, { type: 'workgroup.balance', payload: {} })).toBe('Everyone is in a work group already.');
    // Capacity 3: two newcomers fill the two groups with room; the third stays out.
    fac({ type: 'workgroup.configure', payload: { capacity: 3, selfSelect: true } });
    for (const id of ['q1', 'q2', 'q3']) m.join(id);
    fac({ type: 'workgroup.balance', payload: {} });
    expect(sizes()).toEqual([3, 3, 3]);
    expect(dictGet(wg().members, 'q3')).toBeUndefined();
    expect(refusal(FACILITATOR, { type: 'workgroup.balance', payload: {} })).toBe('Every work group is full: raise the capacity first.');
  });
});

describe('leaders', () => {
  it('a member claims an unled group; the facilitator picks only a member; moving away leaves it leaderless', () => {
    const [a, b] = groupIds();
    m.ok(people[0]!, { type: 'workgroup.join', payload: { workGroupId: a! } });
    m.ok(people[1]!, { type: 'workgroup.join', payload: { workGroupId: a! } });
    expect(refusal(people[2]!, { type: 'workgroup.lead', payload: { workGroupId: a! } })).toBe('Join this group before you lead it.');
    m.ok(people[0]!, { type: 'workgroup.lead', payload: { workGroupId: a! } });
    expect(refusal(people[1]!, { type: 'workgroup.lead', payload: { workGroupId: a! } })).toBe('This group has a leader already: ask the facilitator to change it.');
    expect(refusal(FACILITATOR, { type: 'workgroup.setLeader', payload: { workGroupId: a!, participantId: 'p3' } })).toBe(
      'A group’s leader is one of its members: put them in the group first.',
    );
    fac({ type: 'workgroup.setLeader', payload: { workGroupId: a!, participantId: 'p2' } });
    expect(wg().groups[0]!.leaderId).toBe('p2');
    m.ok(people[1]!, { type: 'workgroup.join', payload: { workGroupId: b! } });
    expect(wg().groups[0]!.leaderId).toBeNull();
  });

  it('a removed participant who led a group leaves it, it has no leader, and their answers lose their name', () => {
    const [a] = groupIds();
    m.ok(people[0]!, { type: 'workgroup.join', payload: { workGroupId: a! } });
    m.ok(people[0]!, { type: 'workgroup.lead', payload: { workGroupId: a! } });
    m.ok(people[0]!, { type: 'workgroup.addAnswer', payload: { workGroupId: a!, field: 'recommendations', text: 'Fund kin' } });
    m.ok(people[0]!, { type: 'people.rename', payload: { name: 'Ana' } });
    expect(Object.values(wg().answers)[0]!.authorName).toBe('Ana');
    fac({ type: 'people.remove', payload: { participantId: 'p1' } });
    // What they wrote stays, without their name.
    expect(Object.values(wg().answers)[0]).toMatchObject({ text: 'Fund kin', authorName: '' });
    expect(wg().groups[0]!.leaderId).toBeNull();
    expect(membersOf(m.state, a!)).toEqual([]);
    expect(dictGet(wg().members, 'p1')).toBeUndefined();
  });
});

describe('merging groups', () => {
  it('members, strategies and answers move; the kept group keeps its leader; the merged one is gone', () => {
    const [a, b] = groupIds();
    m.ok(people[0]!, { type: 'workgroup.join', payload: { workGroupId: a! } });
    m.ok(people[0]!, { type: 'workgroup.lead', payload: { workGroupId: a! } });
    m.ok(people[1]!, { type: 'workgroup.join', payload: { workGroupId: b! } });
    m.ok(people[1]!, { type: 'workgroup.lead', payload: { workGroupId: b! } });
    m.ok(people[0]!, { type: 'workgroup.addStrategy', payload: { workGroupId: a!, text: 'Kinship first' } });
    m.ok(people[1]!, { type: 'workgroup.addStrategy', payload: { workGroupId: b!, text: 'Peer mentors' } });
    m.ok(people[1]!, { type: 'workgroup.addAnswer', payload: { workGroupId: b!, field: 'stakeholders', text: 'Courts' } });
    fac({ type: 'workgroup.mergeGroups', payload: { workGroupId: a!, intoId: b! } });
    expect(groupIds()).not.toContain(a);
    const into = wg().groups.find((g) => g.id === b)!;
    expect(into.leaderId).toBe('p2');
    expect(membersOf(m.state, b!)).toEqual(['p1', 'p2']);
    expect(into.strategyOrder.map((id) => dictGet(wg().strategies, id)!.text)).toEqual(['Peer mentors', 'Kinship first']);
    expect(Object.values(wg().strategies).every((x) => x.workGroupId === b)).toBe(true);
    expect(Object.values(wg().answers).every((x) => x.workGroupId === b)).toBe(true);
    expect(refusal(FACILITATOR, { type: 'workgroup.mergeGroups', payload: { workGroupId: b!, intoId: b! } })).toBe('Pick another group to merge this one into.');
    expect(refusal(FACILITATOR, { type: 'workgroup.mergeGroups', payload: { workGroupId: a!, intoId: b! } })).toBe('That work group no longer exists.');
  });
});
