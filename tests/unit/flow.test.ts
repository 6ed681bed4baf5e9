import { beforeEach, describe, expect, it } from 'vitest';
import { flowOf, targetKey } from '../../shared/modules/flow/flow.logic.js';
import { carriedForward, rankedByColumn } from '../../shared/modules/flow/flow.results.js';
import { PHASES, type Phase } from '../../shared/modules/flow/flow.state.js';
import { noteById, notesOfItem } from '../../shared/session/notes.js';
import type { Actor } from '../../shared/session/permissions.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { kinds } from '../../shared/modules/registry.js';

const QUADS = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];
let m: SessionModel;
let ana: Actor;
let ben: Actor;

const advanceTo = (phase: Phase) => {
  while (flowOf(m.state, 'swot').phase !== phase) {
    const next = PHASES[PHASES.indexOf(flowOf(m.state, 'swot').phase) + 1]!;
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: next } });
  }
};
const post = (who: Actor, text: string, column = 'Strengths', id = `note-${text.replace(/\W/g, '')}`) => {
  m.ok(who, { type: 'note.add', payload: { itemId: 'swot', column, text } }, id);
  return id;
};
const dot = (who: Actor, id: string, delta: 1 | -1 = 1, kind: 'note' | 'group' = 'note', onBehalfOf?: string) =>
  m.run(who, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind, id }, delta, ...(onBehalfOf ? { onBehalfOf } : {}) } });

beforeEach(() => {
  m = new SessionModel([agendaItem('swot', 'swot'), agendaItem('vision', 'vision', ['Phrases'])]);
  ana = m.join('ana');
  ben = m.join('ben');
});

describe('phase rules', () => {
  it('moves forward one step at a time, facilitator only', () => {
    expect(m.run(ana, { type: 'flow.advance', payload: { itemId: 'swot', to: 'reveal' } })?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'vote' } })?.message).toBe('The next step is reveal.');
    advanceTo('results');
    expect(m.run(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'brainstorm' } })?.message).toBe('The results are final.');
  });

  it('takes participant notes only during the brainstorm, and fixes them once the vote starts', () => {
    const id = post(ana, 'Strong courts partnership');
    advanceTo('reveal');
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'late' } })?.message).toBe(
      'Posting is closed: the brainstorm is over.',
    );
    expect(m.run(ana, { type: 'note.edit', payload: { noteId: id, text: 'Strong court partnership' } })).toBeNull();
    advanceTo('vote');
    expect(m.run(ana, { type: 'note.edit', payload: { noteId: id, text: 'x' } })?.message).toBe('Notes are fixed once the vote starts.');
    expect(m.run(ana, { type: 'note.delete', payload: { noteId: id } })?.code).toBe('conflict');
  });

  it('marks brainstorm notes private and anonymous', () => {
    post(ana, 'Caseloads are high', 'Weaknesses');
    const added = m.events.at(-1)!;
    expect(added).toMatchObject({ type: 'note.added', private: true, note: { anonymous: true, authorId: 'ana' } });
    advanceTo('reveal');
    const reveal = m.events.at(-1)!;
    expect(reveal.type === 'flow.advanced' && reveal.revealed?.map((n) => n.text)).toEqual(['Caseloads are high']);
  });
});

describe('clustering', () => {
  beforeEach(() => {
    post(ana, 'Data team', 'Strengths', 'n-data');
    post(ben, 'Data reports on time', 'Strengths', 'n-reports');
    post(ben, 'Court delays', 'Threats', 'n-court');
    post(ana, 'Staff turnover', 'Weaknesses', 'n-turnover');
  });

  it('only clusters in the cluster step', () => {
    advanceTo('reveal');
    expect(m.run(ana, { type: 'flow.group', payload: { noteId: 'n-data', onto: { kind: 'note', id: 'n-reports' } } })?.code).toBe('conflict');
  });

  it('drops a note onto another to make a group, into and out of groups, across quadrants, and names it', () => {
    advanceTo('cluster');
    m.ok(ana, { type: 'flow.group', payload: { noteId: 'n-data', onto: { kind: 'note', id: 'n-reports' } } });
    const gid = noteById(m.state, 'n-data')!.groupId!;
    expect(gid).toMatch(/^id\d+$/);
    expect(noteById(m.state, 'n-reports')!.groupId).toBe(gid);
    // Across quadrants: a threat dropped onto the group joins it and takes its quadrant.
    m.ok(ben, { type: 'flow.group', payload: { noteId: 'n-court', onto: { kind: 'group', id: gid } } });
    expect(noteById(m.state, 'n-court')).toMatchObject({ groupId: gid, column: 'Strengths' });
    // Dropping onto a grouped note joins that note's group.
    m.ok(ben, { type: 'flow.group', payload: { noteId: 'n-turnover', onto: { kind: 'note', id: 'n-data' } } });
    expect(noteById(m.state, 'n-turnover')!.groupId).toBe(gid);
    m.ok(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'Data capacity' } });
    expect(flowOf(m.state, 'swot').groups[gid]?.name).toBe('Data capacity');
    // Out of a group, and moving a grouped note to another quadrant takes it out too.
    m.ok(ana, { type: 'flow.ungroup', payload: { noteId: 'n-turnover' } });
    m.ok(ana, { type: 'note.move', payload: { noteId: 'n-court', column: 'Threats' } });
    expect(noteById(m.state, 'n-turnover')!.groupId).toBeNull();
    expect(noteById(m.state, 'n-court')).toMatchObject({ groupId: null, column: 'Threats' });
    // Moving a whole group to another quadrant.
    m.ok(FACILITATOR, { type: 'flow.moveGroup', payload: { groupId: gid, column: 'Opportunities' } });
    expect(notesOfItem(m.state, 'swot').filter((n) => n.groupId === gid).map((n) => n.column)).toEqual(['Opportunities', 'Opportunities']);
    // The last note out dissolves the group.
    m.ok(ana, { type: 'flow.ungroup', payload: { noteId: 'n-data' } });
    m.ok(ana, { type: 'flow.ungroup', payload: { noteId: 'n-reports' } });
    expect(flowOf(m.state, 'swot').groups[gid]).toBeUndefined();
  });

  it('refuses nonsense groupings with a reason', () => {
    advanceTo('cluster');
    expect(m.run(ana, { type: 'flow.group', payload: { noteId: 'n-data', onto: { kind: 'note', id: 'n-data' } } })?.message).toBe(
      'Drop the note onto another note.',
    );
    expect(m.run(ana, { type: 'flow.group', payload: { noteId: 'n-data', onto: { kind: 'group', id: 'nope' } } })?.code).toBe('not_found');
    expect(m.run(ana, { type: 'flow.ungroup', payload: { noteId: 'n-data' } })?.message).toBe('That note is not in a group.');
    expect(m.run(ana, { type: 'note.move', payload: { noteId: 'n-data', column: 'Strengths' } })?.code).toBe('conflict');
  });
});

describe('dot voting', () => {
  let gid: string;
  beforeEach(() => {
    for (const t of ['a', 'b', 'c', 'd', 'e', 'f']) post(ana, `idea ${t}`, 'Strengths', `n-${t}`);
    advanceTo('cluster');
    m.ok(FACILITATOR, { type: 'flow.group', payload: { noteId: 'n-e', onto: { kind: 'note', id: 'n-f' } } });
    gid = noteById(m.state, 'n-e')!.groupId!;
  });

  it('opens only in the vote step', () => {
    expect(dot(ana, 'n-a')?.message).toBe('Voting has not started yet.');
    advanceTo('vote');
    expect(dot(ana, 'n-a')).toBeNull();
  });

  it('limits dots per person and per item, lets a dot be taken back, and closes at results', () => {
    m.ok(FACILITATOR, { type: 'flow.configure', payload: { itemId: 'swot', dotsPerPerson: 4, maxPerItem: 2 } });
    advanceTo('vote');
    expect(dot(ana, 'n-a')).toBeNull();
    expect(dot(ana, 'n-a')).toBeNull();
    expect(dot(ana, 'n-a')?.message).toBe('At most 2 dots on one item.');
    expect(dot(ana, 'n-b')).toBeNull();
    expect(dot(ana, gid, 1, 'group')).toBeNull();
    expect(dot(ana, 'n-c')?.message).toBe('All 4 dots are used. Take one back to move it.');
    expect(dot(ana, 'n-a', -1)).toBeNull();
    expect(dot(ana, 'n-c')).toBeNull();
    expect(dot(ana, 'n-d', -1)?.message).toBe('There is no dot there to take back.');
    expect(dot(ana, 'n-e')?.code).toBe('not_found'); // grouped notes take dots through their group
    advanceTo('results');
    expect(dot(ana, 'n-d')?.message).toBe('The vote is over.');
    expect(dot(ana, 'n-a', -1)?.message).toBe('The vote is over.');
    expect(flowOf(m.state, 'swot').totals).toEqual({ 'note:n-a': 1, 'note:n-b': 1, 'note:n-c': 1, [`group:${gid}`]: 1 });
  });

  it('lets the facilitator vote for someone without a phone, by name, and no one else', () => {
    advanceTo('vote');
    expect(dot(FACILITATOR, 'n-a')?.message).toMatch(/Say whose dot this is/);
    expect(dot(ana, 'n-a', 1, 'note', 'Grandma Jo')?.code).toBe('forbidden');
    for (let i = 0; i < 3; i++) expect(dot(FACILITATOR, 'n-a', 1, 'note', 'Judge Lee')).toBeNull();
    expect(dot(FACILITATOR, 'n-a', 1, 'note', 'Judge Lee')?.message).toBe('At most 3 dots on one item.');
    expect(dot(FACILITATOR, 'n-a', 1, 'note', 'Elder Ray')).toBeNull();
    expect(flowOf(m.state, 'swot').dots['proxy:Judge Lee']).toEqual({ 'note:n-a': 3 });
  });

  it('ranks results per quadrant and carries the marked items forward', () => {
    advanceTo('vote');
    dot(ana, gid, 1, 'group');
    dot(ana, gid, 1, 'group');
    dot(ben, gid, 1, 'group');
    dot(ben, 'n-c');
    dot(ben, 'n-c');
    dot(ana, 'n-a');
    expect(m.run(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'group', id: gid }, carried: true } })?.message).toBe(
      'Items carry forward once the results are in.',
    );
    m.ok(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'Ideas e and f' } });
    advanceTo('results');
    const strengths = rankedByColumn(m.state, 'swot', QUADS).get('Strengths')!;
    expect(strengths.map((e) => [e.label, e.dots])).toEqual([
      ['Ideas e and f', 3],
      ['idea c', 2],
      ['idea a', 1],
      ['idea b', 0],
      ['idea d', 0],
    ]);
    expect(strengths[0]!.notes.map((n) => n.text).sort()).toEqual(['idea e', 'idea f']);
    expect(m.run(ana, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-c' }, carried: true } })?.code).toBe('forbidden');
    m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'group', id: gid }, carried: true } });
    m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-c' }, carried: true } });
    m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-a' }, carried: true } });
    m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-a' }, carried: false } });
    expect(flowOf(m.state, 'swot').carried).toEqual([targetKey({ kind: 'group', id: gid }), 'note:n-c']);
    expect(carriedForward(m.state, kinds)).toEqual([
      { itemId: 'swot', column: 'Strengths', label: 'Ideas e and f', dots: 3 },
      { itemId: 'swot', column: 'Strengths', label: 'idea c', dots: 2 },
    ]);
  });
});

describe('what the review found', () => {
  it('keeps dots safe: nothing voted on moves during the vote, and a note deleted then gives its dots back', () => {
    post(ana, 'keep me', 'Strengths', 'n-keep');
    advanceTo('vote');
    expect(dot(ana, 'n-keep')).toBeNull();
    expect(m.run(FACILITATOR, { type: 'note.move', payload: { noteId: 'n-keep', column: 'Threats' } })?.message).toBe('Notes stay where they are during the vote.');
    expect(m.run(FACILITATOR, { type: 'note.edit', payload: { noteId: 'n-keep', text: 'keep me (typo fixed)' } })).toBeNull();
    expect(m.run(FACILITATOR, { type: 'note.delete', payload: { noteId: 'n-keep' } })).toBeNull();
    expect(dot(ana, 'n-keep', -1)?.message).toBe('There is no dot there to take back.');
  });

  it('a locked board takes no clustering or dots from participants', () => {
    post(ana, 'one', 'Strengths', 'n-one');
    post(ben, 'two', 'Threats', 'n-two');
    advanceTo('cluster');
    m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId: 'swot', locked: true } });
    expect(m.run(ana, { type: 'flow.group', payload: { noteId: 'n-one', onto: { kind: 'note', id: 'n-two' } } })?.message).toBe('The board is locked.');
    expect(m.run(FACILITATOR, { type: 'flow.group', payload: { noteId: 'n-one', onto: { kind: 'note', id: 'n-two' } } })).toBeNull();
    const gid = noteById(m.state, 'n-one')!.groupId!;
    m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId: 'swot', locked: false } });
    advanceTo('vote');
    expect(m.run(ana, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'mine now' } })?.code).toBe('conflict');
    expect(m.run(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'Both' } })).toBeNull();
    m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId: 'swot', locked: true } });
    expect(dot(ana, gid, 1, 'group')?.message).toBe('The board is locked.');
  });

  it('a brainstorm note stays private after its item is removed, and an item with notes keeps its kind', () => {
    post(ana, 'private thought', 'Strengths', 'n-private');
    expect(m.run(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'swot', patch: { moduleType: 'board' } } })?.code).toBe('conflict');
    m.ok(FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'swot' } });
    m.ok(ana, { type: 'note.edit', payload: { noteId: 'n-private', text: 'still private' } });
    expect(m.events.at(-1)).toMatchObject({ type: 'note.edited', private: true, authorId: 'ana' });
  });
});

