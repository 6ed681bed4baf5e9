import { beforeEach, describe, expect, it } from 'vitest';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { PHASES, type Phase } from '../../shared/modules/flow/flow.state.js';
import { noteById } from '../../shared/session/notes.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
let ana: Actor;
const BOARD: Viewer = { role: 'board' };
const BEN: Viewer = { role: 'participant', participantId: 'ben' };
const screen = (v: Viewer) => reduce(m.events.map((e) => eventFor(e, v)));
const advanceTo = (to: Phase) => {
  for (let p = flowOf(m.state, 'swot').phase; p !== to; p = flowOf(m.state, 'swot').phase)
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: PHASES[PHASES.indexOf(p) + 1]! } });
};
const del = (noteId: string) => m.run(FACILITATOR, { type: 'note.delete', payload: { noteId } });
const undo = (noteId: string) => m.run(FACILITATOR, { type: 'note.restore', payload: { noteId } });

beforeEach(() => {
  m = new SessionModel([agendaItem('swot', 'swot'), agendaItem('open', 'board', ['Ideas'])]);
  ana = m.join('ana', 'Ana');
  m.join('ben', 'Ben');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'open', column: 'Ideas', text: 'Open idea' } }, 'n-open');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'Ana one' } }, 'n-1');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'Ana two' } }, 'n-2');
});

describe('delete and undo', () => {
  it('brings a deleted note back on every screen within 10 seconds, as it was', () => {
    const before = noteById(m.state, 'n-open');
    expect(del('n-open')).toBeNull();
    expect(noteById(screen(BOARD), 'n-open')).toBeUndefined();
    m.now += 9_000;
    expect(undo('n-open')).toBeNull();
    expect(noteById(m.state, 'n-open')).toEqual(before);
    expect(noteById(screen(BOARD), 'n-open')).toMatchObject({ text: 'Open idea', authorName: 'Ana' });
    expect(undo('n-open')?.message).toBe('That note cannot be brought back: it was not deleted in the last 10 seconds.');
  });

  it('refuses an undo that comes too late, for a note never deleted, and from a participant', () => {
    del('n-open');
    expect(m.run(ana, { type: 'note.restore', payload: { noteId: 'n-open' } })?.code).toBe('forbidden');
    m.now += 16_000;
    expect(undo('n-open')?.message).toBe('Too late to undo: the note was deleted more than 10 seconds ago.');
    expect(undo('nothing')?.code).toBe('not_found');
    expect(undo('constructor')?.code).toBe('not_found');
    expect(noteById(m.state, 'n-open')).toBeUndefined();
  });

  it('refuses to bring back a note over another that took its id meanwhile', () => {
    del('n-open');
    m.ok({ role: 'participant', participantId: 'ben', name: 'Ben' }, { type: 'note.add', payload: { itemId: 'open', column: 'Ideas', text: 'Same id' } }, 'n-open');
    expect(undo('n-open')?.message).toBe('That note cannot be brought back: another note took its place.');
    expect(noteById(m.state, 'n-open')?.text).toBe('Same id');
  });

  it('never shows the deleted notes kept for the undo to the board or phones', () => {
    del('n-open');
    for (const v of [BOARD, BEN]) expect(JSON.stringify(stateFor(m.state, v))).not.toContain('Open idea');
    expect(m.state.recentlyDeleted?.['n-open']?.note.text).toBe('Open idea');
  });

  it('a private brainstorm note comes back private: the board and other phones get a stand-in', () => {
    del('n-1');
    undo('n-1');
    const restored = m.events.at(-1)!;
    expect(restored).toMatchObject({ type: 'note.restored', private: true });
    for (const v of [BOARD, BEN]) expect(JSON.stringify(eventFor(restored, v))).not.toContain('Ana one');
    expect(noteById(screen({ role: 'participant', participantId: 'ana' }), 'n-1')?.text).toBe('Ana one');
  });

  it('back into its group when the group is still there; the group rebuilt around it when it was its last note', () => {
    advanceTo('cluster');
    m.ok(FACILITATOR, { type: 'flow.group', payload: { noteId: 'n-1', onto: { kind: 'note', id: 'n-2' } } });
    const gid = noteById(m.state, 'n-1')!.groupId!;
    m.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'Third' } }, 'n-3');
    m.ok(FACILITATOR, { type: 'flow.group', payload: { noteId: 'n-3', onto: { kind: 'group', id: gid } } });
    del('n-1');
    undo('n-1');
    expect(noteById(m.state, 'n-1')?.groupId).toBe(gid);
    del('n-1');
    del('n-2');
    del('n-3');
    expect(flowOf(m.state, 'swot').groups[gid]).toBeUndefined();
    // n-1 was not the group's last note: it comes back alone; n-3 was, and brings the group back for n-2 to return to.
    undo('n-1');
    expect(noteById(m.state, 'n-1')?.groupId).toBeNull();
    undo('n-3');
    expect(noteById(m.state, 'n-3')?.groupId).toBe(gid);
    undo('n-2');
    expect(flowOf(screen(BOARD), 'swot').groups[gid]).toMatchObject({ column: 'Strengths' });
    expect(noteById(screen(BOARD), 'n-2')?.groupId).toBe(gid);
  });

  it('during the vote the facilitator may delete a note: its dots go back to their voters', () => {
    advanceTo('vote');
    m.ok(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-1' }, delta: 1 } });
    m.ok(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-1' }, delta: 1 } });
    m.ok(FACILITATOR, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-1' }, delta: 1, onBehalfOf: 'Judge Lee' } });
    expect(del('n-1')).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: {}, 'proxy:Judge Lee': {} });
    // Nobody else's phone hears whose dots they were.
    expect(JSON.stringify(m.events.slice(-4).map((e) => eventFor(e, BEN)))).not.toContain('ana');
    expect(m.run(FACILITATOR, { type: 'note.move', payload: { noteId: 'n-2', column: 'Threats' } })?.message).toBe('Notes stay where they are during the vote.');
    expect(m.run(FACILITATOR, { type: 'note.edit', payload: { noteId: 'n-2', text: 'Ana two, reworded' } })).toBeNull();
    advanceTo('results');
    expect(del('n-2')).toBeNull();
  });

  const dot = (who: Actor, target: { kind: 'note' | 'group'; id: string }, onBehalfOf?: string) =>
    m.ok(who, { type: 'flow.dot', payload: { itemId: 'swot', target, delta: 1, ...(onBehalfOf ? { onBehalfOf } : {}) } });

  it('an undone delete during the vote brings back the dots that were on the note, to each voter', () => {
    advanceTo('vote');
    const ben: Actor = { role: 'participant', participantId: 'ben', name: 'Ben' };
    dot(ana, { kind: 'note', id: 'n-1' });
    dot(ana, { kind: 'note', id: 'n-1' });
    dot(ben, { kind: 'note', id: 'n-1' });
    dot(FACILITATOR, { kind: 'note', id: 'n-1' }, 'Judge Lee');
    const before = flowOf(m.state, 'swot').dots;
    del('n-1');
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: {}, ben: {}, 'proxy:Judge Lee': {} });
    m.now += 9_000;
    expect(undo('n-1')).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual(before);
    // Each phone hears of its own dots only; the board of none.
    expect(flowOf(screen({ role: 'participant', participantId: 'ana' }), 'swot').dots).toEqual({ ana: { 'note:n-1': 2 } });
    expect(flowOf(screen(BEN), 'swot').dots).toEqual({ ben: { 'note:n-1': 1 } });
    expect(flowOf(screen(BOARD), 'swot').dots).toEqual({});
    advanceTo('results');
    expect(flowOf(m.state, 'swot').totals).toEqual({ 'note:n-1': 4 });
  });

  it('the last note of a cluster deleted mid-vote and undone: the cluster comes back with its dots', () => {
    advanceTo('cluster');
    m.ok(FACILITATOR, { type: 'flow.group', payload: { noteId: 'n-1', onto: { kind: 'note', id: 'n-2' } } });
    const gid = noteById(m.state, 'n-1')!.groupId!;
    m.ok(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId: gid, name: 'Staff' } });
    advanceTo('vote');
    dot(ana, { kind: 'group', id: gid });
    dot(ana, { kind: 'group', id: gid });
    del('n-1');
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { [`group:${gid}`]: 2 } });
    del('n-2');
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: {} });
    expect(undo('n-2')).toBeNull();
    expect(flowOf(m.state, 'swot').groups[gid]).toMatchObject({ name: 'Staff', column: 'Strengths' });
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { [`group:${gid}`]: 2 } });
    expect(undo('n-1')).toBeNull();
    expect(noteById(m.state, 'n-1')?.groupId).toBe(gid);
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { [`group:${gid}`]: 2 } });
  });

  it('gives back only the dots that still fit: a voter who spent the freed dots elsewhere keeps those', () => {
    m.ok(FACILITATOR, { type: 'flow.configure', payload: { itemId: 'swot', dotsPerPerson: 2, maxPerItem: 2 } });
    advanceTo('vote');
    dot(ana, { kind: 'note', id: 'n-1' });
    dot(ana, { kind: 'note', id: 'n-1' });
    del('n-1');
    dot(ana, { kind: 'note', id: 'n-2' });
    undo('n-1');
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { 'note:n-1': 1, 'note:n-2': 1 } });
  });

  it('after the vote closed, an undone delete brings the note back without dots (the totals are public)', () => {
    advanceTo('vote');
    dot(ana, { kind: 'note', id: 'n-1' });
    del('n-1');
    advanceTo('results');
    expect(undo('n-1')).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: {} });
    expect(m.events.at(-1)?.type).toBe('note.restored');
  });
});
