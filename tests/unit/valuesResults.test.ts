import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandBody } from '../../shared/protocol/commands.js';
import { apply, eventFor, stateFor } from '../../shared/modules/registry.js';
import { countBallots, meanOf, oneDecimal, rankByGap, rankedResults, topGap, valueResults } from '../../shared/modules/values/values.results.js';
import { initialSurvey, surveyOf, type Rating, type ValueResult } from '../../shared/modules/values/values.state.js';
import { toDict } from '../../shared/session/dict.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

const result = (name: string, meanImportance: number | null, meanPractice: number | null): ValueResult => ({
  valueId: name,
  name,
  nImportance: 1,
  nPractice: 1,
  importance: [0, 0, 0, 0, 0],
  practice: [0, 0, 0, 0, 0],
  meanImportance,
  meanPractice,
  gap: meanImportance === null || meanPractice === null ? null : meanImportance - meanPractice,
});

describe('results', () => {
  it('means and distributions from the tallies, a gap only with both scales answered', () => {
    expect(meanOf([0, 0, 0, 0, 0])).toBeNull();
    expect(meanOf([1, 0, 0, 0, 1])).toBe(3);
    expect(meanOf([0, 0, 1, 2, 0])).toBeCloseTo(11 / 3);
    expect(oneDecimal(11 / 3)).toBe('3.7');
    expect(oneDecimal(-0.25)).toBe('-0.2');
    expect(oneDecimal(null)).toBe('—');
    const survey = {
      ...initialSurvey(),
      order: ['a', 'b'],
      values: toDict([['a', { id: 'a', name: 'A', description: '', proposalId: null }], ['b', { id: 'b', name: 'B', description: '', proposalId: null }]] as const),
      tally: toDict([['a', { importance: [0, 0, 0, 1, 1], practice: [1, 1, 0, 0, 0] }]] as const),
    };
    const [a, b] = valueResults(survey as never);
    expect(a).toMatchObject({ nImportance: 2, nPractice: 2, meanImportance: 4.5, meanPractice: 1.5, gap: 3 });
    expect(b).toMatchObject({ nImportance: 0, meanImportance: null, gap: null });
  });

  it('ranks by gap, ties by mean importance, then by the value order; no gap comes last; the top gap is the first three with a gap to close', () => {
    const list = [
      result('none', 5, null),
      result('small', 3, 2.5),
      result('tieLowImportance', 3.1, 2.0), // 1.1 in floating point, and 4.1 - 3.0 is 1.0999...96: still a tie
      result('tieHighImportance', 4.1, 3.0),
      result('big', 5, 1),
      result('tieSameFirst', 4, 3),
      result('tieSameSecond', 4, 3),
    ];
    const ranked = rankByGap(list).map((r) => r.name);
    expect(ranked).toEqual(['big', 'tieHighImportance', 'tieLowImportance', 'tieSameFirst', 'tieSameSecond', 'small', 'none']);
    expect(topGap(rankByGap(list)).map((r) => r.name)).toEqual(['big', 'tieHighImportance', 'tieLowImportance']);
    expect(topGap(rankByGap([result('none', 5, null), result('one', 4, 1)])).map((r) => r.name)).toEqual(['one']);
    // Lived as well as it matters, or better: no gap to close.
    expect(topGap(rankByGap([result('even', 3, 3), result('over', 2, 4.5), result('one', 4, 1)])).map((r) => r.name)).toEqual(['one']);
  });
});

const ITEM = 'survey';
const PEOPLE = ['p1', 'p2', 'p3', 'p4'];
const VALUES = ['Respect', 'Partnership', 'Empowerment', 'Shared responsibility'];

type Step =
  | { kind: 'rate'; who: number; value: number; scale: 'importance' | 'practice'; score: number | null }
  | { kind: 'merge'; from: number; into: number }
  | { kind: 'remove'; value: number }
  | { kind: 'add'; value: number }
  | { kind: 'show'; shown: boolean }
  | { kind: 'phase'; phase: 'open' | 'closed' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('rate' as const), who: fc.nat(3), value: fc.nat(5), scale: fc.constantFrom('importance' as const, 'practice' as const), score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: fc.nat(5), into: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), value: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), value: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('show' as const), shown: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('phase' as const), phase: fc.constantFrom('open' as const, 'closed' as const) }) },
);

describe('the tallies always equal what the ballots hold', () => {
  it('after any sequence of ratings, changes, withdrawals, merges and removals, on the console and on every screen', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const m = new SessionModel([agendaItem(ITEM, 'values')]);
        const actors: Actor[] = PEOPLE.map((p) => ({ ...m.join(p), ballot: `ballot-${p}` }) as Actor);
        m.ok(FACILITATOR, { type: 'values.addValues', payload: { itemId: ITEM, values: VALUES.map((name) => ({ name })) } });
        m.ok(FACILITATOR, { type: 'values.setPhase', payload: { itemId: ITEM, phase: 'open' } });
        /** Every answer given and not since changed, by ballot then value, as the test tracks it. */
        const sent = new Map<string, Map<string, Rating>>();
        for (const s of steps) {
          const order = surveyOf(m.state, ITEM).order;
          const id = (n: number) => order[n % Math.max(1, order.length)] ?? 'none';
          const body: CommandBody =
            s.kind === 'rate'
              ? { type: 'values.rate', payload: { itemId: ITEM, valueId: id(s.value), scale: s.scale, score: s.score } }
              : s.kind === 'merge'
                ? { type: 'values.mergeValues', payload: { itemId: ITEM, fromId: id(s.from), intoId: id(s.into) } }
                : s.kind === 'remove'
                  ? { type: 'values.removeValue', payload: { itemId: ITEM, valueId: id(s.value) } }
                  : s.kind === 'add'
                    ? { type: 'values.addValue', payload: { itemId: ITEM, name: `${VALUES[s.value]} again` } }
                    : s.kind === 'show'
                      ? { type: 'values.showResults', payload: { itemId: ITEM, shown: s.shown } }
                      : { type: 'values.setPhase', payload: { itemId: ITEM, phase: s.phase } };
          const actor = s.kind === 'rate' ? actors[s.who]! : FACILITATOR;
          if (m.run(actor, body) !== null || s.kind !== 'rate') continue;
          const ballot = `ballot-${PEOPLE[s.who]}`;
          const mine = sent.get(ballot) ?? new Map<string, Rating>();
          const r = { ...(mine.get(id(s.value)) ?? { importance: null, practice: null }), [s.scale]: s.score };
          if (r.importance === null && r.practice === null) mine.delete(id(s.value));
          else mine.set(id(s.value), r);
          sent.set(ballot, mine);
        }
        const v = surveyOf(m.state, ITEM);
        const counted = countBallots(v.ballots);
        // A value with no answer left may keep a zero entry: compare the tallies and counts above zero.
        const answeredTally = (t: typeof v.tally) => Object.fromEntries(Object.entries(t).filter(([, x]) => [...x.importance, ...x.practice].some((n) => n > 0)));
        expect(answeredTally(counted.tally)).toEqual(answeredTally(v.tally));
        const nonZero = (d: Record<string, number>) => Object.fromEntries(Object.entries(d).filter(([, n]) => n > 0));
        expect(nonZero({ ...counted.answered })).toEqual(nonZero({ ...v.answered }));
        expect(counted.respondents).toBe(v.respondents);
        // Without merges and removals the ballots are exactly what was sent.
        if (!steps.some((s) => s.kind === 'merge' || s.kind === 'remove'))
          for (const [ballot, answers] of sent) expect({ ...(v.ballots[ballot] ?? {}) }).toEqual(Object.fromEntries(answers));
        // Every screen's copy, from the events it was sent, agrees on the counts (and on the tallies once shown).
        const viewers: Viewer[] = [{ role: 'board' }, { role: 'participant', participantId: 'p1', ballot: 'ballot-p1' }];
        for (const viewer of viewers) {
          const seen = surveyOf(m.events.reduce((s, e) => apply(s, eventFor(e, viewer)), new SessionModel([]).state), ITEM);
          const fresh = surveyOf(stateFor(m.state, viewer), ITEM);
          expect(JSON.parse(JSON.stringify(seen))).toEqual(JSON.parse(JSON.stringify(fresh)));
          expect([nonZero({ ...seen.answered }), seen.respondents]).toEqual([nonZero({ ...v.answered }), v.respondents]);
          if (v.resultsShown) expect(rankedResults(seen)).toEqual(rankedResults(v));
        }
      }),
      { numRuns: 300 },
    );
  });
});
