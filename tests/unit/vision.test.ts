import { beforeEach, describe, expect, it } from 'vitest';
import { currentRound, visionOf } from '../../shared/modules/vision/vision.logic.js';
import { swotOf } from '../../shared/modules/swot/swot.logic.js';
import type { Actor } from '../../shared/session/permissions.js';
import { eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
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

    m.ok(FACILITATOR, { type: 'vision.closeFist', payload: { itemId: 'v' } });
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

describe('vision retreat rules', () => {
  const askWith = (text: string) => {
    const round = currentRound(visionOf(m.state, 'v'));
    if (round && !round.closed) m.ok(FACILITATOR, { type: 'vision.closeFist', payload: { itemId: 'v' } });
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } });
  };

  it('vision steps belong to a vision item that exists', () => {
    expect(m.run(FACILITATOR, { type: 'vision.draft', payload: { itemId: 's', text: 'x' } })).toEqual({
      code: 'conflict',
      message: 'This agenda item is not a vision retreat.',
    });
    expect(m.run(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'gone', text: 'x' } })).toEqual({ code: 'not_found', message: 'No such agenda item.' });
    expect(m.run(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 'gone', card: { title: 't', value: '1', note: '' } } })?.code).toBe('not_found');
  });

  it('a draft of blanks cannot be put to the room', () => {
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: '   ' } });
    expect(m.run(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } })?.message).toBe('Write a draft statement first.');
  });

  it('only phones answer fist-to-five and rate the crosswalk', () => {
    askWith('Every child safe');
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'v', open: true } });
    expect(m.run(FACILITATOR, { type: 'vision.fist', payload: { itemId: 'v', value: 5 } })).toEqual({
      code: 'forbidden',
      message: 'Fist-to-five is answered from a phone.',
    });
    expect(m.run(FACILITATOR, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'beyond' } })).toEqual({
      code: 'forbidden',
      message: 'The crosswalk is answered from a phone.',
    });
  });

  it('an answer to an earlier round no longer counts once the statement is asked again', () => {
    askWith('First wording');
    expect(fist(people[0]!, 2)).toBeNull();
    askWith('Second wording');
    expect(fist(people[0]!, 5)).toBeNull();
    const [first, second] = visionOf(m.state, 'v').rounds;
    expect(first).toMatchObject({ statement: 'First wording', distribution: [0, 0, 1, 0, 0, 0], answers: { a: 2 }, closed: true });
    expect(second).toMatchObject({ statement: 'Second wording', distribution: [0, 0, 0, 0, 0, 1], answers: { a: 5 }, closed: false });
    // Changing an answer moves it between values; answering the same again leaves the count alone.
    expect(fist(people[0]!, 0)).toBeNull();
    expect(fist(people[0]!, 0)).toBeNull();
    expect(currentRound(visionOf(m.state, 'v'))?.distribution).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('the statement made final is the one last asked, with its answers, and closes the round', () => {
    expect(m.run(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'v' } })?.message).toBe('Ask the room for a fist-to-five on the statement first.');
    askWith('Asked wording');
    fist(people[1]!, 4);
    m.ok(FACILITATOR, { type: 'vision.closeFist', payload: { itemId: 'v' } });
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'Typed after asking' } });
    m.now = 7_000;
    m.ok(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'v' } });
    const v = visionOf(m.state, 'v');
    expect(v.final).toEqual({ statement: 'Asked wording', distribution: [0, 0, 0, 0, 1, 0], at: 7_000 });
    expect(v.draft).toBe('Asked wording');
    expect(v.rounds.every((r) => r.closed)).toBe(true);
    expect(m.run(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'v' } })?.message).toBe('The statement is already final.');
    expect(m.run(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } })?.message).toBe('The statement is final.');
  });

  it('the crosswalk closes again, and a changed rating moves between answers', () => {
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'v', open: true } });
    m.ok(people[0]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'P1', rating: 'conflicts' } });
    m.ok(people[0]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S2', rating: 'beyond' } });
    m.ok(people[0]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'P1', rating: 'incorporated' } });
    const cw = visionOf(m.state, 'v').crosswalk;
    expect(cw.ratings).toEqual({ a: { P1: 'incorporated', S2: 'beyond' } });
    expect(cw.tally.P1).toEqual({ incorporated: 1, expounds: 0, conflicts: 0, beyond: 0 });
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'v', open: false } });
    expect(m.run(people[1]!, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'P1', rating: 'beyond' } })?.code).toBe('conflict');
  });

  it('setting the context without carried items keeps an empty list', () => {
    m.ok(FACILITATOR, { type: 'vision.setContext', payload: { itemId: 'v', mission: 'M', vision: 'V', values: 'Va' } } as Parameters<SessionModel['ok']>[1]);
    expect(visionOf(m.state, 'v')).toMatchObject({ mission: 'M', vision: 'V', values: 'Va', pastedCarried: [] });
  });
});

describe('SWOT data card rules', () => {
  const card = { title: 'Re-entries', value: '8%', note: '' };
  it('refuses a card that is gone, and a 25th card', () => {
    expect(m.run(FACILITATOR, { type: 'swot.editCard', payload: { itemId: 's', cardId: 'gone', card } })).toEqual({
      code: 'not_found',
      message: 'That data card no longer exists.',
    });
    expect(m.run(FACILITATOR, { type: 'swot.removeCard', payload: { itemId: 's', cardId: 'gone' } })?.code).toBe('not_found');
    for (let i = 0; i < 24; i++) m.ok(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 's', card: { ...card, title: `Card ${i}` } } });
    expect(m.run(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 's', card } })).toEqual({ code: 'conflict', message: 'At most 24 data cards.' });
    expect(m.run(FACILITATOR, { type: 'swot.editCard', payload: { itemId: 's', cardId: 'gone', card } })?.code).toBe('not_found');
    expect(m.run(FACILITATOR, { type: 'swot.removeCard', payload: { itemId: 's', cardId: 'gone' } })?.code).toBe('not_found');
    const [first, second] = swotOf(m.state, 's').cards;
    m.ok(FACILITATOR, { type: 'swot.editCard', payload: { itemId: 's', cardId: second!.id, card: { ...card, value: '9%' } } });
    m.ok(FACILITATOR, { type: 'swot.removeCard', payload: { itemId: 's', cardId: first!.id } });
    expect(swotOf(m.state, 's').cards.slice(0, 2)).toEqual([{ id: second!.id, ...card, value: '9%' }, expect.objectContaining({ title: 'Card 2' })]);
    expect(swotOf(m.state, 's').cards).toHaveLength(23);
  });

  it('a card sent without a note gets an empty one', () => {
    m.ok(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 's', card: { title: 'T', value: '1' } } } as Parameters<SessionModel['ok']>[1]);
    const id = swotOf(m.state, 's').cards[0]!.id;
    m.ok(FACILITATOR, { type: 'swot.editCard', payload: { itemId: 's', cardId: id, card: { title: 'T2', value: '2' } } } as Parameters<SessionModel['ok']>[1]);
    expect(swotOf(m.state, 's').cards).toEqual([{ id, title: 'T2', value: '2', note: '' }]);
  });
});

describe('a vision item before anything is typed', () => {
  it('starts blank: no mission, vision, values or carried items, no rounds, crosswalk closed', () => {
    expect(visionOf(m.state, 'v')).toEqual({
      mission: '',
      vision: '',
      values: '',
      pastedCarried: [],
      draft: '',
      rounds: [],
      final: null,
      crosswalk: { open: false, tally: {}, ratings: {} },
    });
  });
});

describe('fist-to-five rounds are closed explicitly', () => {
  const draft = (text: string) => m.run(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text } });
  const ask = (hideDistribution?: boolean) => m.run(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v', hideDistribution } });
  const close = () => m.run(FACILITATOR, { type: 'vision.closeFist', payload: { itemId: 'v' } });

  it('a closed round takes no answers; the statement is revised and asked again only when no round is open', () => {
    expect(close()?.message).toBe('There is no fist-to-five round open to close.');
    expect(draft('Every child safe')).toBeNull();
    expect(ask()).toBeNull();
    expect(fist(people[0]!, 4)).toBeNull();
    expect(draft('Every child safe at home')).toEqual({ code: 'conflict', message: 'Close the fist-to-five round before revising the statement.' });
    expect(ask()?.message).toBe('A fist-to-five round is already open: close it first.');
    expect(visionOf(m.state, 'v').draft).toBe('Every child safe');
    expect(close()).toBeNull();
    expect(currentRound(visionOf(m.state, 'v'))).toMatchObject({ closed: true, distribution: [0, 0, 0, 0, 1, 0] });
    expect(fist(people[1]!, 2)?.message).toBe('There is no fist-to-five open right now.');
    expect(close()?.message).toBe('There is no fist-to-five round open to close.');
    expect(draft('Every child safe at home')).toBeNull();
    expect(ask()).toBeNull();
    expect(visionOf(m.state, 'v').rounds.map((r) => [r.statement, r.closed])).toEqual([
      ['Every child safe', true],
      ['Every child safe at home', false],
    ]);
  });

  it('a late answer to a closed round waits as late input', () => {
    draft('Every child safe');
    ask();
    close();
    expect(m.run(people[2]!, { type: 'vision.fist', payload: { itemId: 'v', value: 3 } }, 'late-1', true)).toBeNull();
    expect(Object.values(m.state.late ?? {}).length).toBeGreaterThan(0);
    expect(currentRound(visionOf(m.state, 'v'))?.distribution).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a hidden round shows its distribution to the facilitator only, until it closes', () => {
    draft('Every child safe');
    expect(ask(true)).toBeNull();
    fist(people[0]!, 5);
    fist(people[1]!, 1);
    const answered = m.events.filter((e) => e.type === 'vision.fistAnswered');
    expect(answered).toHaveLength(2);
    for (const viewer of [{ role: 'board' } as const, { role: 'participant', participantId: 'a' } as const, { role: 'participant', participantId: 'c' } as const]) {
      for (const e of answered) expect(eventFor(e, viewer)).toMatchObject({ distribution: [0, 0, 0, 0, 0, 0] });
      expect(currentRound(visionOf(stateFor(m.state, viewer) as typeof m.state, 'v'))?.distribution).toEqual([0, 0, 0, 0, 0, 0]);
    }
    // Her own answer still reaches Ana's phone.
    expect(eventFor(answered[0]!, { role: 'participant', participantId: 'a' })).toMatchObject({ participantId: 'a', value: 5 });
    expect(eventFor(answered[0]!, { role: 'facilitator' })).toMatchObject({ distribution: [0, 0, 0, 0, 0, 1] });
    expect(currentRound(visionOf(m.state, 'v'))?.distribution).toEqual([0, 1, 0, 0, 0, 1]);
    close();
    const closed = m.events.at(-1)!;
    expect(eventFor(closed, { role: 'board' })).toMatchObject({ type: 'vision.fistClosed', distribution: [0, 1, 0, 0, 0, 1] });
    const board = reduce(m.events.map((e) => eventFor(e, { role: 'board' })));
    expect(currentRound(visionOf(board, 'v'))).toMatchObject({ closed: true, hidden: true, distribution: [0, 1, 0, 0, 0, 1] });
    expect(currentRound(visionOf(stateFor(m.state, { role: 'board' }) as typeof m.state, 'v'))?.distribution).toEqual([0, 1, 0, 0, 0, 1]);
  });

  it('a round asked without hiding shows its distribution to everyone at once', () => {
    draft('Every child safe');
    ask(false);
    fist(people[0]!, 3);
    expect(eventFor(m.events.at(-1)!, { role: 'board' })).toMatchObject({ distribution: [0, 0, 0, 1, 0, 0] });
    expect(currentRound(visionOf(m.state, 'v'))).not.toHaveProperty('hidden');
  });
});
