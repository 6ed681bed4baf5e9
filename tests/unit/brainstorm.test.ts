import { beforeEach, describe, expect, it } from 'vitest';
import { flowOf, tallyDots } from '../../shared/modules/flow/flow.logic.js';
import { carriedForward, rankedByColumn } from '../../shared/modules/flow/flow.results.js';
import { initialFlow, PHASES, type Phase } from '../../shared/modules/flow/flow.state.js';
import { noteById } from '../../shared/session/notes.js';
import type { Actor } from '../../shared/session/permissions.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { kinds, reduce } from '../../shared/modules/registry.js';

let m: SessionModel;
let ana: Actor;
let ben: Actor;
const last = () => m.events.at(-1)!;
const advanceTo = (phase: Phase, itemId = 'swot') => {
  while (flowOf(m.state, itemId).phase !== phase) {
    const next = PHASES[PHASES.indexOf(flowOf(m.state, itemId).phase) + 1]!;
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId, to: next } });
  }
};
const post = (who: Actor, id: string, column = 'Strengths', itemId = 'swot') =>
  m.ok(who, { type: 'note.add', payload: { itemId, column, text: `text ${id}` } }, id);
const group = (who: Actor, noteId: string, kind: 'note' | 'group', id: string) => m.run(who, { type: 'flow.group', payload: { noteId, onto: { kind, id } } });
const groupOf = (noteId: string) => noteById(m.state, noteId)!.groupId!;

beforeEach(() => {
  m = new SessionModel([agendaItem('swot', 'swot'), agendaItem('open', 'board', ['Ideas']), agendaItem('swot2', 'swot')]);
  ana = m.join('ana', 'Ana');
  ben = m.join('ben', 'Ben');
});

describe('which items run the brainstorm', () => {
  it('SWOT and vision items do; open boards and missing items do not', () => {
    const isFlowItem = (item: Parameters<typeof kinds.runs>[0]) => kinds.runs(item, 'flow');
    expect(isFlowItem(agendaItem('x', 'swot'))).toBe(true);
    expect(isFlowItem(agendaItem('x', 'vision'))).toBe(true);
    expect(isFlowItem(agendaItem('x', 'board'))).toBe(false);
    expect(isFlowItem(undefined)).toBe(false);
  });

  it('brainstorm steps on an open board or a missing item are refused with a reason', () => {
    expect(m.run(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'open', to: 'reveal' } })).toEqual({
      code: 'conflict',
      message: 'This agenda item has no brainstorm.',
    });
    expect(m.run(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'gone', to: 'reveal' } })).toEqual({
      code: 'not_found',
      message: 'That item, note or group no longer exists.',
    });
    expect(group(ana, 'no-such-note', 'note', 'x')?.code).toBe('not_found');
    expect(m.run(ana, { type: 'flow.nameGroup', payload: { groupId: 'no-such-group', name: 'x' } })?.code).toBe('not_found');
  });

  it('a new item starts at the silent brainstorm with 5 dots each, at most 3 on one item', () => {
    expect(flowOf(m.state, 'swot')).toEqual(initialFlow());
    expect(initialFlow()).toEqual({ phase: 'brainstorm', groups: {}, dotsPerPerson: 5, maxPerItem: 3, dots: {}, totals: null, carried: [] });
  });
});

describe('steps', () => {
  it('only the reveal carries the notes, only the results carry the totals', () => {
    post(ana, 'n1');
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'reveal' } });
    expect(last()).toHaveProperty('revealed');
    expect(last()).not.toHaveProperty('totals');
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'cluster' } });
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'vote' } });
    expect(last()).not.toHaveProperty('revealed');
    expect(last()).not.toHaveProperty('totals');
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'results' } });
    expect(last()).toMatchObject({ phase: 'results', totals: {} });
    expect(last()).not.toHaveProperty('revealed');
  });

  it('a clustering move out of step names the step the room is in', () => {
    post(ana, 'n1');
    post(ben, 'n2');
    advanceTo('reveal');
    expect(group(ana, 'n1', 'note', 'n2')?.message).toBe('Not now: this is the reveal step.');
    expect(m.run(ana, { type: 'flow.ungroup', payload: { noteId: 'n1' } })?.message).toBe('Not now: this is the reveal step.');
  });

  it('the facilitator may change the dots until the results, not after', () => {
    advanceTo('vote');
    expect(m.run(FACILITATOR, { type: 'flow.configure', payload: { itemId: 'swot', dotsPerPerson: 7, maxPerItem: 4 } })).toBeNull();
    expect(flowOf(m.state, 'swot')).toMatchObject({ dotsPerPerson: 7, maxPerItem: 4 });
    advanceTo('results');
    expect(m.run(FACILITATOR, { type: 'flow.configure', payload: { itemId: 'swot', dotsPerPerson: 2, maxPerItem: 1 } })).toEqual({
      code: 'conflict',
      message: 'The vote is over.',
    });
  });

  it('the facilitator may add and tidy notes until the vote, and edit wording in every step', () => {
    post(ana, 'n1');
    advanceTo('cluster');
    expect(m.run(FACILITATOR, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'from the room' } }, 'n-fac')).toBeNull();
    expect(m.run(FACILITATOR, { type: 'note.move', payload: { noteId: 'n1', column: 'Threats' } })).toBeNull();
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'late idea' } })?.code).toBe('conflict');
    advanceTo('vote');
    expect(m.run(FACILITATOR, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'too late' } })?.message).toBe('Notes stay where they are during the vote.');
    advanceTo('results');
    expect(m.run(FACILITATOR, { type: 'note.move', payload: { noteId: 'n1', column: 'Strengths' } })).toEqual({
      code: 'conflict',
      message: 'The results are in: notes are fixed now.',
    });
    // Moderation stays open: the facilitator still rewords or deletes a note.
    expect(m.run(FACILITATOR, { type: 'note.edit', payload: { noteId: 'n1', text: 'after' } })).toBeNull();
  });

  it('a participant may reword their note up to the vote, and delete it', () => {
    post(ana, 'n1');
    post(ana, 'n2');
    advanceTo('cluster');
    expect(m.run(ana, { type: 'note.edit', payload: { noteId: 'n1', text: 'clearer' } })).toBeNull();
    expect(last()).not.toHaveProperty('private');
    expect(m.run(ana, { type: 'note.delete', payload: { noteId: 'n2' } })).toBeNull();
    expect(noteById(m.state, 'n2')).toBeUndefined();
  });
});

describe('clustering', () => {
  beforeEach(() => {
    post(ana, 'n1', 'Strengths');
    post(ben, 'n2', 'Threats');
    post(ana, 'n3', 'Weaknesses');
    post(ben, 'n4', 'Opportunities');
    post(ana, 'other-item', 'Strengths', 'swot2');
  });

  it('a note dropped onto another makes a group in the other note\'s quadrant', () => {
    advanceTo('cluster');
    expect(group(ana, 'n1', 'note', 'n2')).toBeNull();
    const gid = groupOf('n1');
    expect(last()).toMatchObject({ type: 'flow.grouped', noteIds: ['n2', 'n1'], created: true, group: { id: gid, itemId: 'swot', name: '', column: 'Threats' } });
    expect(flowOf(m.state, 'swot').groups[gid]).toEqual({ id: gid, itemId: 'swot', name: '', column: 'Threats' });
    expect(noteById(m.state, 'n1')).toMatchObject({ groupId: gid, column: 'Threats' });
    expect(group(ben, 'n1', 'group', gid)).toEqual({ code: 'conflict', message: 'The note is already in that group.' });
  });

  it('a note cannot be dropped onto a note of another item', () => {
    advanceTo('cluster');
    expect(group(ana, 'n1', 'note', 'other-item')).toEqual({ code: 'not_found', message: 'That note no longer exists.' });
    expect(group(ana, 'n1', 'note', 'never-was')).toEqual({ code: 'not_found', message: 'That note no longer exists.' });
    expect(group(ana, 'n1', 'group', 'never-was')).toEqual({ code: 'not_found', message: 'That group no longer exists.' });
  });

  it('moving a note from one group to another leaves the first group, which dissolves when empty', () => {
    advanceTo('cluster');
    group(ana, 'n1', 'note', 'n2');
    const first = groupOf('n1');
    group(ana, 'n3', 'note', 'n4');
    const second = groupOf('n3');
    expect(group(ana, 'n1', 'group', second)).toBeNull();
    expect(m.events.at(-2)).toMatchObject({ type: 'flow.ungrouped', noteId: 'n1', dissolved: null });
    expect(last()).toMatchObject({ type: 'flow.grouped', noteIds: ['n1'], created: false });
    expect(noteById(m.state, 'n1')).toMatchObject({ groupId: second, column: 'Opportunities' });
    // n2 is alone in the first group now; dropping it onto n3 joins n3's group and dissolves the first.
    expect(group(ben, 'n2', 'note', 'n3')).toBeNull();
    expect(m.events.at(-2)).toMatchObject({ type: 'flow.ungrouped', noteId: 'n2', dissolved: first });
    expect(flowOf(m.state, 'swot').groups[first]).toBeUndefined();
    expect(Object.keys(flowOf(m.state, 'swot').groups)).toEqual([second]);
    expect(['n1', 'n2', 'n3', 'n4'].map(groupOf)).toEqual([second, second, second, second]);
  });

  it('a group is named and moved to another quadrant with all its notes; unknown quadrants are refused', () => {
    advanceTo('cluster');
    group(ana, 'n1', 'note', 'n2');
    const gid = groupOf('n1');
    expect(m.run(ana, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'Partners' } })).toBeNull();
    expect(last()).toMatchObject({ type: 'flow.groupRenamed', itemId: 'swot', groupId: gid, name: 'Partners' });
    expect(m.run(ana, { type: 'flow.moveGroup', payload: { groupId: gid, column: 'Nowhere' } })).toEqual({ code: 'not_found', message: 'No column "Nowhere".' });
    expect(m.run(ben, { type: 'flow.moveGroup', payload: { groupId: gid, column: 'Strengths' } })).toBeNull();
    expect(flowOf(m.state, 'swot').groups[gid]).toMatchObject({ name: 'Partners', column: 'Strengths' });
    expect([noteById(m.state, 'n1')?.column, noteById(m.state, 'n2')?.column, noteById(m.state, 'n3')?.column]).toEqual(['Strengths', 'Strengths', 'Weaknesses']);
    advanceTo('vote');
    expect(m.run(ana, { type: 'flow.moveGroup', payload: { groupId: gid, column: 'Threats' } })?.code).toBe('conflict');
    expect(m.run(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'Our partners' } })).toBeNull();
    advanceTo('results');
    expect(m.run(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'Too late' } })?.message).toBe('Not now: this is the results step.');
  });

  it('deleting a grouped note takes it out of its group first', () => {
    advanceTo('cluster');
    expect(m.run(FACILITATOR, { type: 'note.delete', payload: { noteId: 'n4' } })).toBeNull();
    expect(last()).toMatchObject({ type: 'note.deleted', noteId: 'n4' });
    expect(m.events.at(-2)?.type).not.toBe('flow.ungrouped');
    group(ana, 'n1', 'note', 'n3');
    const gid = groupOf('n1');
    expect(m.run(ana, { type: 'note.delete', payload: { noteId: 'n1' } })).toBeNull();
    expect(m.events.slice(-2).map((e) => e.type)).toEqual(['flow.ungrouped', 'note.deleted']);
    expect(m.events.at(-2)).toMatchObject({ dissolved: null });
    expect(m.run(ana, { type: 'note.delete', payload: { noteId: 'n3' } })).toBeNull();
    expect(m.events.at(-2)).toMatchObject({ type: 'flow.ungrouped', dissolved: gid });
    expect(flowOf(m.state, 'swot').groups).toEqual({});
  });
});

describe('dots', () => {
  beforeEach(() => {
    post(ana, 'n1');
    post(ben, 'n2');
    post(ana, 'n3');
    advanceTo('cluster');
    group(ana, 'n2', 'note', 'n3');
  });
  const dot = (who: Actor, kind: 'note' | 'group', id: string, delta: 1 | -1 = 1, onBehalfOf?: string) =>
    m.run(who, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind, id }, delta, ...(onBehalfOf ? { onBehalfOf } : {}) } });

  it('a dot goes on a group or a note of this item, and the last dot taken back leaves no trace', () => {
    advanceTo('vote');
    expect(dot(ana, 'group', 'no-group')).toEqual({ code: 'not_found', message: 'That group no longer exists.' });
    expect(dot(ana, 'note', 'n2')).toEqual({ code: 'not_found', message: 'That note is in a group now or gone: vote for the group.' });
    m.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 'swot2', column: 'Strengths', text: 'elsewhere' } }, 'n-else');
    expect(dot(ana, 'note', 'n-else')?.code).toBe('not_found');
    expect(dot(ana, 'group', groupOf('n2'))).toBeNull();
    expect(dot(ana, 'note', 'n1')).toBeNull();
    expect(last()).toMatchObject({ type: 'flow.dotted', voter: 'ana', target: { kind: 'note', id: 'n1' }, delta: 1 });
    expect(dot(ana, 'note', 'n1', -1)).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { [`group:${groupOf('n2')}`]: 1 } });
  });

  it('the facilitator\'s dots for someone without a phone count as that person\'s, under their own limit', () => {
    advanceTo('vote');
    m.ok(FACILITATOR, { type: 'flow.configure', payload: { itemId: 'swot', dotsPerPerson: 2, maxPerItem: 2 } });
    expect(dot(FACILITATOR, 'note', 'n1', 1, 'Judge Lee')).toBeNull();
    expect(last()).toMatchObject({ voter: 'proxy:Judge Lee' });
    expect(dot(ana, 'note', 'n1')).toBeNull();
    expect(dot(ana, 'note', 'n1')).toBeNull();
    expect(dot(ana, 'group', groupOf('n2'))).toEqual({ code: 'conflict', message: 'All 2 dots are used. Take one back to move it.' });
    expect(dot(FACILITATOR, 'note', 'n1', 1, 'Judge Lee')).toBeNull();
    expect(tallyDots(flowOf(m.state, 'swot'))).toEqual({ 'note:n1': 4 });
  });

  it('the totals count only dots still placed', () => {
    const flow = { ...initialFlow(), dots: { a: { 'note:x': 2, 'note:y': 0 }, b: { 'note:x': 1 } } };
    expect(tallyDots(flow)).toEqual({ 'note:x': 3 });
  });

  it('carrying forward is for things still on the board', () => {
    advanceTo('results');
    expect(m.run(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n2' }, carried: true } })).toEqual({
      code: 'not_found',
      message: 'That item no longer exists.',
    });
    m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n1' }, carried: true } });
    m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n1' }, carried: true } });
    expect(flowOf(m.state, 'swot').carried).toEqual(['note:n1']);
  });
});

describe('a stored brainstorm event about something that is gone', () => {
  it('changes nothing and adds no phantom note or group', () => {
    post(ana, 'n1');
    advanceTo('cluster');
    const before = m.state;
    const at = { seq: 900, at: 1 };
    const group = { id: 'g-gone', itemId: 'swot', name: 'Gone', column: 'Threats' };
    let s = reduce([{ type: 'flow.grouped', itemId: 'swot', noteIds: ['n-gone'], group, created: true, ...at }], before);
    expect(noteById(s, 'n-gone')).toBeUndefined();
    s = reduce(
      [
        { type: 'flow.ungrouped', itemId: 'swot', noteId: 'n-gone', dissolved: null, ...at },
        { type: 'flow.groupRenamed', itemId: 'swot', groupId: 'g-nope', name: 'x', ...at },
        { type: 'flow.groupMoved', itemId: 'swot', groupId: 'g-nope', column: 'Threats', ...at },
      ],
      before,
    );
    expect(s.notes).toBe(before.notes);
    expect(flowOf(s, 'swot').groups).toEqual({});
    expect(noteById(s, 'n1')?.column).toBe('Strengths');
  });
});

describe('results', () => {
  it('a group without a name is called by its first two notes and how many more', () => {
    for (const id of ['a', 'b', 'c', 'd']) post(ana, id);
    post(ana, 'solo', 'Threats');
    advanceTo('cluster');
    group(ana, 'b', 'note', 'a');
    group(ana, 'c', 'group', groupOf('a'));
    group(ana, 'd', 'group', groupOf('a'));
    const ranked = rankedByColumn(m.state, 'swot', ['Strengths', 'Weaknesses', 'Opportunities', 'Threats']);
    expect(ranked.get('Strengths')?.map((e) => e.label)).toEqual(['text a / text b (+2)']);
    expect(ranked.get('Threats')?.map((e) => [e.label, e.carried, e.dots])).toEqual([['text solo', false, 0]]);
    expect(ranked.get('Weaknesses')).toEqual([]);
    m.ok(ana, { type: 'flow.ungroup', payload: { noteId: 'c' } });
    m.ok(ana, { type: 'flow.ungroup', payload: { noteId: 'd' } });
    expect(rankedByColumn(m.state, 'swot', ['Strengths']).get('Strengths')?.map((e) => e.label)).toEqual(['text a / text b', 'text c', 'text d', 'text solo']);
  });

  it('ranks ties in the order the notes were posted', () => {
    m.now = 3_000;
    post(ana, 'zebra');
    m.now = 2_000;
    post(ben, 'yak');
    m.now = 2_000;
    post(ben, 'aardvark');
    expect(rankedByColumn(m.state, 'swot', ['Strengths']).get('Strengths')?.map((e) => e.key)).toEqual(['note:aardvark', 'note:yak', 'note:zebra']);
  });

  it('ranks most dots first, and files a note whose column is gone under the first column', () => {
    post(ana, 'x', 'Strengths');
    post(ana, 'y', 'Threats');
    advanceTo('vote');
    m.ok(ben, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'y' }, delta: 1 } });
    advanceTo('results');
    const ranked = rankedByColumn(m.state, 'swot', ['Strengths', 'Opportunities']);
    expect(ranked.get('Strengths')?.map((e) => [e.key, e.dots])).toEqual([
      ['note:y', 1],
      ['note:x', 0],
    ]);
    expect(rankedByColumn(m.state, 'swot', []).size).toBe(0);
  });

  it('carried items come out in the order the facilitator marked them, per item', () => {
    post(ana, 'p', 'Strengths');
    post(ana, 'q', 'Threats');
    post(ana, 'r', 'Strengths', 'swot2');
    advanceTo('results');
    advanceTo('results', 'swot2');
    expect(carriedForward(m.state, kinds)).toEqual([]);
    for (const [itemId, id] of [['swot', 'q'], ['swot2', 'r'], ['swot', 'p']] as const)
      m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId, target: { kind: 'note', id }, carried: true } });
    expect(rankedByColumn(m.state, 'swot', ['Strengths', 'Threats']).get('Threats')?.map((e) => e.carried)).toEqual([true]);
    expect(rankedByColumn(m.state, 'swot2', ['Strengths']).get('Strengths')?.map((e) => e.carried)).toEqual([true]);
    expect(carriedForward(m.state, kinds)).toEqual([
      { itemId: 'swot', column: 'Threats', label: 'text q', dots: 0 },
      { itemId: 'swot', column: 'Strengths', label: 'text p', dots: 0 },
      { itemId: 'swot2', column: 'Strengths', label: 'text r', dots: 0 },
    ]);
  });
});
