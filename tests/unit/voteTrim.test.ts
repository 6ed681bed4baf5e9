import { beforeEach, describe, expect, it } from 'vitest';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { dotsOverLimits } from '../../shared/modules/flow/flow.trim.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
let ana: Actor;
let ben: Actor;
const ANA: Viewer = { role: 'participant', participantId: 'ana' };
const BEN: Viewer = { role: 'participant', participantId: 'ben' };
const screen = (v: Viewer) => reduce(m.events.map((e) => eventFor(e, v)));
const dot = (who: Actor, id: string) => m.ok(who, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id }, delta: 1 } });
const configure = (dotsPerPerson: number, maxPerItem: number, trim?: boolean) =>
  m.run(FACILITATOR, { type: 'flow.configure', payload: { itemId: 'swot', dotsPerPerson, maxPerItem, ...(trim === undefined ? {} : { trim }) } });

beforeEach(() => {
  m = new SessionModel([agendaItem('swot', 'swot')]);
  ana = m.join('ana');
  ben = m.join('ben');
  for (const id of ['a', 'b', 'c']) m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: `note ${id}` } }, `n-${id}`);
  for (const to of ['reveal', 'cluster', 'vote'] as const) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to } });
});

describe('lowering the vote limits mid-vote', () => {
  it('takes the latest dots first, over one item before over the total', () => {
    expect(dotsOverLimits(['x', 'y', 'x', 'z', 'x'], 5, 2)).toEqual(['x']);
    expect(dotsOverLimits(['x', 'y', 'x', 'z', 'y'], 3, 3)).toEqual(['y', 'z']);
    expect(dotsOverLimits(['x', 'x', 'x', 'y'], 1, 2)).toEqual(['x', 'y', 'x']);
    expect(dotsOverLimits(['x'], 5, 3)).toEqual([]);
  });

  it('asks for a confirmation first and changes nothing without it', () => {
    for (const id of ['a', 'b', 'c', 'a', 'b']) dot(ana, `n-${id}`);
    const before = m.events.length;
    expect(configure(3, 3)?.message).toBe("1 person has placed more dots than that. Confirm to take back each one's latest dots.");
    expect(m.events.length).toBe(before);
    expect(flowOf(m.state, 'swot').dotsPerPerson).toBe(5);
    // Raising or a limit nobody is over needs no confirmation.
    expect(configure(6, 3)).toBeNull();
  });

  it("trims each person's latest dots and tells that phone only, in a sentence", () => {
    for (const id of ['a', 'b', 'c', 'a', 'b']) dot(ana, `n-${id}`);
    dot(ben, 'n-c');
    expect(configure(3, 3, true)).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { 'note:n-a': 1, 'note:n-b': 1, 'note:n-c': 1 }, ben: { 'note:n-c': 1 } });
    const sentence = 'The facilitator lowered the dots to 3: your last 2 dots were taken back.';
    expect(flowOf(screen(ANA), 'swot').trimNotices).toEqual({ ana: sentence });
    expect(flowOf(stateFor(m.state, ANA), 'swot').trimNotices).toEqual({ ana: sentence });
    expect(flowOf(screen(ANA), 'swot').dots).toEqual({ ana: { 'note:n-a': 1, 'note:n-b': 1, 'note:n-c': 1 } });
    expect(JSON.stringify(m.events.map((e) => eventFor(e, BEN)))).not.toContain('taken back');
    expect(flowOf(screen(BEN), 'swot').trimNotices).toBeUndefined();
    // The next dot clears the notice.
    m.ok(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-c' }, delta: -1 } });
    expect(flowOf(screen(ANA), 'swot').trimNotices).toBeUndefined();
  });

  it('lowering the most on one item says so', () => {
    for (const id of ['a', 'a', 'a', 'b']) dot(ana, `n-${id}`);
    expect(configure(5, 1, true)).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { 'note:n-a': 1, 'note:n-b': 1 } });
    expect(flowOf(m.state, 'swot').trimNotices).toEqual({ ana: 'The facilitator lowered the dots on one item to at most 1: your last 2 dots were taken back.' });
  });
});
