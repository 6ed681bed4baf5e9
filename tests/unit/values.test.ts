import { describe, expect, it } from 'vitest';
import type { CommandBody, CommandInput } from '../../shared/protocol/commands.js';
import { describeIssues } from '../../shared/protocol/humanize.js';
import { apply, eventFor, loadProtocol, stateFor } from '../../shared/modules/registry.js';
import type { ValuesEvent } from '../../shared/modules/values/values.events.js';
import { MAX_ACTIONS_PER_VALUE, MAX_PROPOSALS_PER_PERSON, MAX_VALUES, STARTER_VALUES, surveyOf } from '../../shared/modules/values/values.state.js';
import { valuesReport } from '../../shared/modules/values/values.report.js';
import { toCsv } from '../../shared/report/csv.js';
import { toJsonExport } from '../../shared/report/json.js';
import { SessionExport } from '../../shared/report/json.schema.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { PROTOTYPE_NAMES } from '../support/arbitraries.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

const { Command } = await loadProtocol();

const ITEM = 'survey';
const setup = (): { m: SessionModel; ana: Actor; ben: Actor } => {
  const m = new SessionModel([agendaItem(ITEM, 'values'), agendaItem('board1', 'board', ['Notes'])]);
  const ana: Actor = { ...m.join('p1', 'Ana'), ballot: 'ballot-ana' } as Actor;
  const ben: Actor = { ...m.join('p2', 'Ben'), ballot: 'ballot-ben' } as Actor;
  m.ok(FACILITATOR, { type: 'values.addValues', payload: { itemId: ITEM, values: [{ name: 'Respect' }, { name: 'Partnership' }, { name: 'Empowerment' }] } });
  return { m, ana, ben };
};
const survey = (m: SessionModel) => surveyOf(m.state, ITEM);
const ids = (m: SessionModel) => survey(m).order;
const open = (m: SessionModel) => m.ok(FACILITATOR, { type: 'values.setPhase', payload: { itemId: ITEM, phase: 'open' } });
const rate = (valueId: string, scale: 'importance' | 'practice', score: number | null): CommandBody => ({ type: 'values.rate', payload: { itemId: ITEM, valueId, scale, score } });
const parse = (body: CommandInput): string | null => {
  const r = Command.safeParse({ id: 'values-cmd-1', ...body });
  return r.success ? null : describeIssues(r.error);
};

describe('rating', () => {
  it('refuses scores out of range, not whole, and an unknown scale in our words', () => {
    const msg = (score: unknown, scale: unknown = 'importance') => parse({ type: 'values.rate', payload: { itemId: ITEM, valueId: 'v1', scale, score } } as CommandInput);
    expect(msg(0)).toBe('A score is from 1 to 5.');
    expect(msg(6)).toBe('A score is from 1 to 5.');
    expect(msg(2.5)).toBe('A score is a whole number from 1 to 5.');
    expect(msg('3')).toBe('The score should be a number.');
    expect(msg(3, 'beauty')).toBe('Rate how important the value is or how consistently it is lived.');
    expect(msg(null)).toBeNull();
    expect(msg(5)).toBeNull();
  });

  it('refuses an unknown value, before the survey opens, after it closed, without a ballot, and from the console', () => {
    const { m, ana } = setup();
    const [respect] = ids(m);
    expect(m.run(ana, rate(respect!, 'importance', 4))?.message).toBe('The survey is not open yet: your answer was not counted.');
    open(m);
    expect(m.run(ana, rate('gone-value', 'importance', 4))?.message).toBe('That value is no longer in the survey. Your answer was not counted.');
    for (const name of PROTOTYPE_NAMES) expect(m.run(ana, rate(name, 'importance', 4))?.code).toBe('not_found');
    const { ballot: _b, ...anonymousLess } = ana as Extract<Actor, { role: 'participant' }>;
    expect(m.run(anonymousLess, rate(respect!, 'importance', 4))?.message).toMatch(/could not be filed anonymously/);
    expect(m.run(FACILITATOR, rate(respect!, 'importance', 4))?.message).toBe('Ratings are given from a phone.');
    m.ok(FACILITATOR, { type: 'values.setPhase', payload: { itemId: ITEM, phase: 'closed' } });
    const before = m.state;
    expect(m.run(ana, rate(respect!, 'importance', 4), 'late-one-1', true)?.message).toBe(
      'The survey closed before your answer arrived, so it was not counted.',
    );
    // Not kept as late input either: that would tie the rating to the participant.
    expect(m.state).toBe(before);
  });

  it('files ratings by ballot, never by participant, and withdraws one scale or the whole answer', () => {
    const { m, ana, ben } = setup();
    const [respect, partnership] = ids(m);
    open(m);
    m.ok(ana, rate(respect!, 'importance', 5));
    m.ok(ana, rate(respect!, 'practice', 2));
    m.ok(ben, rate(respect!, 'importance', 3));
    m.ok(ana, rate(partnership!, 'importance', 4));
    expect(JSON.stringify(m.events.filter((e) => e.type === 'values.rated'))).not.toMatch(/p1|p2|Ana|Ben/);
    let v = survey(m);
    expect(Object.keys(v.ballots).sort()).toEqual(['ballot-ana', 'ballot-ben']);
    expect(v.tally[respect!]).toEqual({ importance: [0, 0, 1, 0, 1], practice: [0, 1, 0, 0, 0] });
    expect([v.answered[respect!], v.answered[partnership!], v.respondents]).toEqual([2, 1, 2]);
    expect(m.run(ana, rate(respect!, 'importance', 5))?.message).toBe('That is already your answer.');
    m.ok(ana, rate(respect!, 'importance', 1)); // a change moves the answer, it does not add one
    expect(survey(m).tally[respect!]!.importance).toEqual([1, 0, 1, 0, 0]);
    m.ok(ana, rate(respect!, 'importance', null));
    m.ok(ana, rate(respect!, 'practice', null));
    m.ok(ben, rate(respect!, 'importance', null));
    expect(m.run(ben, rate(respect!, 'importance', null))?.message).toBe('You had not answered that yet, so there is nothing to withdraw.');
    v = survey(m);
    expect(v.tally[respect!]).toEqual({ importance: [0, 0, 0, 0, 0], practice: [0, 0, 0, 0, 0] });
    expect([v.answered[respect!], v.respondents]).toEqual([0, 1]);
    expect(Object.keys(v.ballots)).toEqual(['ballot-ana']);
  });
});

describe('visibility', () => {
  const anaPhone: Viewer = { role: 'participant', participantId: 'p1', ballot: 'ballot-ana' };
  const benPhone: Viewer = { role: 'participant', participantId: 'p2', ballot: 'ballot-ben' };
  const board: Viewer = { role: 'board' };

  it('the rater sees their own rating, others a blank one; tallies only once shown; counts always', () => {
    const { m, ana } = setup();
    const [respect] = ids(m);
    open(m);
    m.ok(ana, rate(respect!, 'importance', 5));
    const rated = m.events.at(-1) as SessionEvent & ValuesEvent & { type: 'values.rated' };
    const mine = eventFor(rated, anaPhone) as typeof rated;
    expect([mine.ballot, mine.rating]).toEqual(['ballot-ana', { importance: 5, practice: null }]);
    expect(mine.tally.importance).toEqual([0, 0, 0, 0, 0]);
    for (const v of [benPhone, board]) {
      const seen = eventFor(rated, v) as typeof rated;
      expect([seen.ballot, seen.rating, seen.answered, seen.respondents]).toEqual(['', { importance: null, practice: null }, 1, 1]);
      expect(seen.tally.importance).toEqual([0, 0, 0, 0, 0]);
    }
    expect(surveyOf(stateFor(m.state, benPhone), ITEM).ballots).toEqual({});
    expect(Object.keys(surveyOf(stateFor(m.state, anaPhone), ITEM).ballots)).toEqual(['ballot-ana']);
    expect(surveyOf(stateFor(m.state, board), ITEM).tally[respect!]!.importance).toEqual([0, 0, 0, 0, 0]);
    m.ok(FACILITATOR, { type: 'values.showResults', payload: { itemId: ITEM, shown: true } });
    const shown = eventFor(m.events.at(-1)!, board) as Extract<SessionEvent, { type: 'values.resultsShown' }>;
    expect(shown.tally[respect!]!.importance).toEqual([0, 0, 0, 0, 1]);
    expect(surveyOf(stateFor(m.state, board), ITEM).tally[respect!]!.importance).toEqual([0, 0, 0, 0, 1]);
  });

  it('a proposal’s author is seen by the facilitator and the author only', () => {
    const { m, ana } = setup();
    m.ok(ana, { type: 'values.propose', payload: { itemId: ITEM, text: 'Humility' } });
    const e = m.events.at(-1)!;
    expect((eventFor(e, anaPhone) as Extract<SessionEvent, { type: 'values.proposed' }>).proposal.authorId).toBe('p1');
    expect((eventFor(e, benPhone) as Extract<SessionEvent, { type: 'values.proposed' }>).proposal.authorId).toBeNull();
    expect(Object.values(surveyOf(stateFor(m.state, board), ITEM).proposals)[0]!.authorId).toBeNull();
  });
});

describe('merge and removal', () => {
  it('a merge moves answers only where the ballot had none on the target, and repoints proposals and actions', () => {
    const { m, ana, ben } = setup();
    const [respect, partnership] = ids(m);
    open(m);
    m.ok(ana, rate(respect!, 'importance', 5));
    m.ok(ana, rate(partnership!, 'importance', 2));
    m.ok(ben, rate(respect!, 'importance', 4));
    m.ok(ben, rate(respect!, 'practice', 1));
    m.ok(FACILITATOR, { type: 'values.setAction', payload: { itemId: ITEM, valueId: respect!, what: 'Training', owner: 'HR', byWhen: 'March' } });
    m.ok(ben, { type: 'values.propose', payload: { itemId: ITEM, text: 'Respectfulness' } });
    const proposalId = Object.keys(survey(m).proposals)[0]!;
    m.ok(FACILITATOR, { type: 'values.mergeProposal', payload: { itemId: ITEM, proposalId, intoId: respect! } });
    m.ok(FACILITATOR, { type: 'values.mergeValues', payload: { itemId: ITEM, fromId: respect!, intoId: partnership! } });
    const v = survey(m);
    expect(v.order).not.toContain(respect);
    expect(v.ballots['ballot-ana']).toEqual({ [partnership!]: { importance: 2, practice: null } });
    expect(v.ballots['ballot-ben']).toEqual({ [partnership!]: { importance: 4, practice: 1 } });
    expect(v.tally[partnership!]).toEqual({ importance: [0, 1, 0, 1, 0], practice: [1, 0, 0, 0, 0] });
    expect([v.answered[partnership!], v.tally[respect!], v.respondents]).toEqual([2, undefined, 2]);
    expect(Object.values(v.actions)[0]!.valueId).toBe(partnership);
    expect(v.proposals[proposalId]!.valueId).toBe(partnership);
    expect(m.run(FACILITATOR, { type: 'values.mergeValues', payload: { itemId: ITEM, fromId: partnership!, intoId: partnership! } })?.message).toBe(
      'A value cannot be merged into itself.',
    );
    expect(m.run(FACILITATOR, { type: 'values.mergeValues', payload: { itemId: ITEM, fromId: respect!, intoId: partnership! } })?.code).toBe('not_found');
  });

  it('a removal drops its answers and actions, and a ballot that rated nothing else stops counting', () => {
    const { m, ana, ben } = setup();
    const [respect, partnership] = ids(m);
    open(m);
    m.ok(ana, rate(respect!, 'importance', 5));
    m.ok(ben, rate(partnership!, 'practice', 3));
    m.ok(FACILITATOR, { type: 'values.setAction', payload: { itemId: ITEM, valueId: respect!, what: 'Training', owner: '', byWhen: '' } });
    m.ok(FACILITATOR, { type: 'values.removeValue', payload: { itemId: ITEM, valueId: respect! } });
    const v = survey(m);
    expect([v.respondents, Object.keys(v.ballots), Object.keys(v.actions).length, v.tally[respect!]]).toEqual([1, ['ballot-ben'], 0, undefined]);
    // The phones' copy (events as they see them) counts the same without any ballot of the others.
    const board = m.events.reduce((s, e) => apply(s, eventFor(e, { role: 'board' })), surveyless());
    expect(surveyOf(board, ITEM).respondents).toBe(1);
  });
});

const surveyless = () => new SessionModel([]).state;

describe('caps and our refusals', () => {
  it('values, names, proposals per person, actions per value', () => {
    const m = new SessionModel([agendaItem(ITEM, 'values')]);
    const ana: Actor = { ...m.join('p1', 'Ana'), ballot: 'b' } as Actor;
    for (let i = 0; i < MAX_VALUES; i++) m.ok(FACILITATOR, { type: 'values.addValue', payload: { itemId: ITEM, name: `Value ${i}` } });
    expect(m.run(FACILITATOR, { type: 'values.addValue', payload: { itemId: ITEM, name: 'One more' } })?.message).toBe(
      'The survey holds at most 30 values: merge or remove one first.',
    );
    expect(m.run(FACILITATOR, { type: 'values.addValues', payload: { itemId: ITEM, values: [{ name: 'value 1' }] } })?.message).toBe(
      'Every value of that list is already in the survey.',
    );
    m.ok(FACILITATOR, { type: 'values.removeValue', payload: { itemId: ITEM, valueId: ids(m)[0]! } });
    expect(m.run(FACILITATOR, { type: 'values.addValues', payload: { itemId: ITEM, values: STARTER_VALUES.slice(0, 2) } })?.message).toMatch(
      /^Only 1 more value fits in the survey/,
    );
    expect(m.run(FACILITATOR, { type: 'values.editValue', payload: { itemId: ITEM, valueId: ids(m)[0]!, name: ' VALUE 2 ', description: '' } })?.message).toBe(
      '“VALUE 2” is already in the survey.',
    );
    for (let i = 0; i < MAX_PROPOSALS_PER_PERSON; i++) m.ok(ana, { type: 'values.propose', payload: { itemId: ITEM, text: `Idea ${i}` } });
    expect(m.run(ana, { type: 'values.propose', payload: { itemId: ITEM, text: 'Idea 6' } })?.message).toBe(
      'You have 5 proposals waiting for the facilitator: wait until they are answered.',
    );
    const [first] = Object.keys(survey(m).proposals);
    m.ok(FACILITATOR, { type: 'values.declineProposal', payload: { itemId: ITEM, proposalId: first!, reason: 'Already covered by Respect' } });
    expect(survey(m).proposals[first!]).toMatchObject({ status: 'declined', reason: 'Already covered by Respect' });
    expect(m.run(FACILITATOR, { type: 'values.acceptProposal', payload: { itemId: ITEM, proposalId: first! } })?.message).toBe('That proposal was already answered.');
    m.ok(ana, { type: 'values.propose', payload: { itemId: ITEM, text: 'Idea 6' } });
    const valueId = ids(m)[0]!;
    for (let i = 0; i < MAX_ACTIONS_PER_VALUE; i++)
      m.ok(FACILITATOR, { type: 'values.setAction', payload: { itemId: ITEM, valueId, what: `Step ${i}`, owner: '', byWhen: '' } });
    expect(m.run(FACILITATOR, { type: 'values.setAction', payload: { itemId: ITEM, valueId, what: 'One more', owner: '', byWhen: '' } })?.message).toMatch(
      /at most 20 actions/,
    );
    const actionId = Object.keys(survey(m).actions)[0]!;
    m.ok(FACILITATOR, { type: 'values.setAction', payload: { itemId: ITEM, actionId, valueId, what: 'Edited', owner: 'Dana', byWhen: 'May' } });
    expect(survey(m).actions[actionId]).toMatchObject({ what: 'Edited', owner: 'Dana' });
    expect(m.run(FACILITATOR, { type: 'values.removeAction', payload: { itemId: ITEM, actionId: 'constructor' } })?.message).toBe('That action no longer exists.');
    expect(m.run(FACILITATOR, { type: 'values.setPhase', payload: { itemId: 'nope', phase: 'open' } })?.message).toBe('No such agenda item.');
  });

  it('a proposal of a value already listed, or one the same person has waiting, is refused in our words and adds nothing', () => {
    const { m, ana, ben } = setup();
    m.ok(FACILITATOR, { type: 'values.addValue', payload: { itemId: ITEM, name: 'Courage' } });
    const before = m.events.length;
    expect(m.run(ana, { type: 'values.propose', payload: { itemId: ITEM, text: ' COURAGE ' } })?.message).toBe('“Courage” is already in the survey.');
    m.ok(ana, { type: 'values.propose', payload: { itemId: ITEM, text: 'Humility' } });
    expect(m.run(ana, { type: 'values.propose', payload: { itemId: ITEM, text: 'humility' } })?.message).toBe(
      'You proposed “Humility” already: it is waiting for the facilitator.',
    );
    expect(m.events.length).toBe(before + 1);
    // Another person may propose it too: the facilitator sees how many asked for it.
    m.ok(ben, { type: 'values.propose', payload: { itemId: ITEM, text: 'Humility' } });
  });

  it('refuses survey commands on an item of another kind, and opening an empty survey', () => {
    const m = new SessionModel([agendaItem(ITEM, 'values'), agendaItem('board1', 'board', ['Notes'])]);
    expect(m.run(FACILITATOR, { type: 'values.setPhase', payload: { itemId: 'board1', phase: 'open' } })?.message).toBe(
      'This agenda item is not a core-values survey.',
    );
    expect(m.run(FACILITATOR, { type: 'values.setPhase', payload: { itemId: ITEM, phase: 'open' } })?.message).toBe(
      'Add at least one value before opening the survey.',
    );
  });
});

describe('after the session ended', () => {
  it('the results can still be shown, nothing else changes', () => {
    const { m, ana } = setup();
    open(m);
    m.ok(FACILITATOR, { type: 'session.end', payload: {} });
    expect(m.run(ana, rate(ids(m)[0]!, 'importance', 3))?.message).toBe('This session has ended: it is read-only now.');
    expect(m.run(FACILITATOR, { type: 'values.addValue', payload: { itemId: ITEM, name: 'Late' } })?.message).toBe('This session has ended: it is read-only now.');
    m.ok(FACILITATOR, { type: 'values.showResults', payload: { itemId: ITEM, shown: true } });
    expect(survey(m).resultsShown).toBe(true);
    expect(m.run(ana, { type: 'values.showResults', payload: { itemId: ITEM, shown: false } })?.message).toBe('Only the facilitator can do that.');
  });
});

describe('apply', () => {
  it('never throws on stale or hostile events, and ignores what is gone', () => {
    const { m } = setup();
    const stale: ValuesEvent[] = [];
    for (const id of [...PROTOTYPE_NAMES, 'gone']) {
      stale.push(
        { type: 'values.valueEdited', itemId: ITEM, valueId: id, name: 'x', description: '' },
        { type: 'values.valueRemoved', itemId: ITEM, valueId: id },
        { type: 'values.valueMoved', itemId: ITEM, valueId: id, toIndex: 99 },
        { type: 'values.valuesMerged', itemId: ITEM, fromId: id, intoId: ids(m)[0]! },
        { type: 'values.proposalAccepted', itemId: ITEM, proposalId: id, value: { id: 'new', name: 'x', description: '', proposalId: id } },
        { type: 'values.proposalMerged', itemId: ITEM, proposalId: id, intoId: id },
        { type: 'values.proposalDeclined', itemId: ITEM, proposalId: id, reason: '' },
        { type: 'values.rated', itemId: ITEM, valueId: id, ballot: id, rating: { importance: 3, practice: null }, tally: { importance: [0, 0, 1, 0, 0], practice: [0, 0, 0, 0, 0] }, answered: 1, respondents: 1, shown: false },
        { type: 'values.actionSet', itemId: ITEM, action: { id, valueId: id, what: 'x', owner: '', byWhen: '' } },
        { type: 'values.actionRemoved', itemId: ITEM, actionId: id },
      );
    }
    const before = JSON.stringify(survey(m));
    let s = m.state;
    for (const [i, e] of stale.entries()) s = apply(s, { ...e, seq: 100 + i, at: 1 } as SessionEvent);
    expect(JSON.stringify(surveyOf(s, ITEM))).toBe(before);
  });
});

describe('report', () => {
  it('ranks by gap in paired bars and a table, with the follow-up, and no ballot anywhere', () => {
    const { m, ana, ben } = setup();
    const [respect, partnership] = ids(m);
    open(m);
    m.ok(ana, rate(respect!, 'importance', 5));
    m.ok(ana, rate(respect!, 'practice', 2));
    m.ok(ben, rate(partnership!, 'importance', 4));
    m.ok(ben, rate(partnership!, 'practice', 4));
    m.ok(FACILITATOR, { type: 'values.setInvolve', payload: { itemId: ITEM, involve: ['Front-line staff', 'Families'] } });
    m.ok(FACILITATOR, { type: 'values.setAction', payload: { itemId: ITEM, valueId: respect!, what: 'Listening sessions', owner: 'Director', byWhen: 'March' } });
    const blocks = valuesReport(m.state, m.state.agenda[0]!);
    const bars = blocks.find((b) => b.kind === 'pairedBars');
    expect(bars).toEqual({
      kind: 'pairedBars',
      min: 1,
      max: 5,
      series: ['Importance', 'Practice'],
      rows: [
        { label: 'Respect', a: 5, b: 2, note: 'gap 3.0' },
        { label: 'Partnership', a: 4, b: 4, note: 'gap 0.0' },
        { label: 'Empowerment', a: null, b: null, note: 'no gap yet' },
      ],
    });
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables[0]).toMatchObject({ rows: [['Respect (top gap)', '1', '5.0', '2.0', '3.0'], ['Partnership', '1', '4.0', '4.0', '0.0'], ['Empowerment', '0', '—', '—', '—']] });
    expect(tables[1]).toMatchObject({ columns: ['Value', 'What', 'Owner', 'By when'], rows: [['Respect', 'Listening sessions', 'Director', 'March']] });
    expect(blocks).toContainEqual({ kind: 'list', items: ['Front-line staff', 'Families'] });
    expect(JSON.stringify(blocks)).not.toMatch(/ballot|p1|p2|Ana|Ben/);

    // The exports: the same figures, never a ballot or a person, even with names on.
    const options = { scope: { kind: 'session' as const }, names: true, at: 2_000 };
    const json = SessionExport.parse(JSON.parse(JSON.stringify(toJsonExport(m.state, options))));
    const part = json.items.find((i) => i.itemId === ITEM)?.values;
    expect(part?.results[0]).toEqual({ name: 'Respect', description: '', answers: 1, importance: [0, 0, 0, 0, 1], practice: [0, 1, 0, 0, 0], meanImportance: 5, meanPractice: 2, gap: 3 });
    expect(part).toMatchObject({ respondents: 2, involve: ['Front-line staff', 'Families'], actions: [{ value: 'Respect', what: 'Listening sessions', owner: 'Director', byWhen: 'March' }] });
    const csv = toCsv(m.state, options);
    expect(csv).toContain('Item survey,values,gap,,,Respect,3.0');
    expect(csv).toContain('Item survey,values,importance 1-5,,,Respect,0 0 0 0 1');
    for (const text of [JSON.stringify(json), csv]) expect(text).not.toMatch(/ballot|p1|p2/);
  });
});
