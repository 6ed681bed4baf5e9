import { beforeEach, describe, expect, it } from 'vitest';
import { currentRound, visionOf } from '../../shared/modules/vision/vision.logic.js';
import { swotOf } from '../../shared/modules/swot/swot.logic.js';
import type { Actor } from '../../shared/session/permissions.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
let people: Actor[];
const fist = (who: Actor, value: number) => m.run(who, { type: 'vision.fist', payload: { itemId: 'v', value } });

beforeEach(() => {
  m = new SessionModel([agendaItem('v', 'vision'), agendaItem('s', 'swot')]);
  people = ['a', 'b', 'c', 'd'].map((p) => m.join(p));
});

describe('preferred-future statement and fist-to-five', () => {
  it('drafts live, asks, tallies, re-asks after a revision, and records the final statement with its distribution', () => {
    expect(m.run(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } })?.message).toBe('Write a draft statement first.');
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'Every child safe' } });
    expect(m.run(people[0]!, { type: 'vision.draft', payload: { itemId: 'v', text: 'x' } })?.code).toBe('forbidden');
    expect(fist(people[0]!, 3)?.message).toBe('There is no fist-to-five open right now.');
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } });
    [2, 3, 3, 5].forEach((v, i) => expect(fist(people[i]!, v)).toBeNull());
    expect(fist(people[0]!, 4)).toBeNull(); // changes their answer: counted once
    expect(currentRound(visionOf(m.state, 'v'))!.distribution).toEqual([0, 0, 0, 2, 1, 1]);

    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'Every child safe, at home, with family' } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } });
    const v = visionOf(m.state, 'v');
    expect(v.rounds).toHaveLength(2);
    expect(v.rounds[0]!.closed).toBe(true);
    [5, 4, 4, 5].forEach((x, i) => fist(people[i]!, x));
    m.ok(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'v' } });
    expect(visionOf(m.state, 'v').final).toMatchObject({
      statement: 'Every child safe, at home, with family',
      distribution: [0, 0, 0, 0, 2, 2],
    });
    expect(fist(people[0]!, 1)?.code).toBe('conflict');
    expect(m.run(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'later' } })?.message).toBe('The statement is final.');
  });

  it('tallies the CFSR crosswalk per outcome, one rating per person and outcome', () => {
    expect(m.run(people[0]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'incorporated' } })?.message).toBe(
      'The crosswalk is not open.',
    );
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'v', open: true } });
    m.ok(people[0]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'incorporated' } });
    m.ok(people[1]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'expounds' } });
    m.ok(people[0]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'expounds' } });
    m.ok(people[2]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'WB3', rating: 'beyond' } });
    const tally = visionOf(m.state, 'v').crosswalk.tally;
    expect(tally.S1).toEqual({ incorporated: 0, expounds: 2, conflicts: 0, beyond: 0 });
    expect(tally.WB3).toEqual({ incorporated: 0, expounds: 0, conflicts: 0, beyond: 1 });
  });

  it('keeps the mission, vision, values and pasted carried items', () => {
    m.ok(FACILITATOR, {
      type: 'vision.setContext',
      payload: { itemId: 'v', mission: 'Protect children', vision: 'Safe families', values: 'Respect', pastedCarried: ['Strong courts'] },
    });
    expect(visionOf(m.state, 'v')).toMatchObject({ mission: 'Protect children', pastedCarried: ['Strong courts'] });
  });
});

describe('SWOT data cards', () => {
  it('adds, edits and removes cards; facilitator only; only on SWOT items', () => {
    const card = { title: 'Children in care', value: '1,204', note: 'FY2025' };
    expect(m.run(people[0]!, { type: 'swot.addCard', payload: { itemId: 's', card } })?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 'v', card } })?.code).toBe('conflict');
    m.ok(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 's', card } });
    const id = swotOf(m.state, 's').cards[0]!.id;
    m.ok(FACILITATOR, { type: 'swot.editCard', payload: { itemId: 's', cardId: id, card: { ...card, value: '1,210' } } });
    expect(swotOf(m.state, 's').cards).toEqual([{ id, ...card, value: '1,210' }]);
    m.ok(FACILITATOR, { type: 'swot.removeCard', payload: { itemId: 's', cardId: id } });
    expect(swotOf(m.state, 's').cards).toEqual([]);
  });
});
