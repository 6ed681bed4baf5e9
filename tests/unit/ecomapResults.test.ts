import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consensusOf, isSplit, markersOf, partnerResults, planGroups, tallyMarks } from '../../shared/modules/ecomap/ecomap.results.js';
import { ecoMapOf, emptyCounts, initialEcoMap, MARKS, type EcoMapState, type Mark, type MarkCounts } from '../../shared/modules/ecomap/ecomap.state.js';
import { apply, eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { PROTOTYPE_NAMES } from '../support/arbitraries.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

const counts = (green: number, yellow: number, red: number, none: number): MarkCounts => ({ green, yellow, red, none });

describe('consensus and split', () => {
  it('the consensus is the mark with the most marks; a tie for the most, or no mark, has none', () => {
    expect(consensusOf(counts(3, 1, 0, 0))).toBe('green');
    expect(consensusOf(counts(0, 0, 0, 1))).toBe('none');
    expect(consensusOf(counts(2, 2, 1, 0))).toBeNull();
    expect(consensusOf(counts(1, 0, 3, 3))).toBeNull();
    expect(consensusOf(counts(1, 2, 3, 2))).toBe('red');
    expect(consensusOf(emptyCounts())).toBeNull();
  });

  it('split: at least one mark and no mark with more than half of them', () => {
    expect(isSplit(counts(3, 1, 0, 0))).toBe(false); // 3 of 4: a majority
    expect(isSplit(counts(2, 2, 0, 0))).toBe(true); // a tie of halves
    expect(isSplit(counts(2, 1, 1, 0))).toBe(true); // most, but only half: consensus green and split
    expect(consensusOf(counts(2, 1, 1, 0))).toBe('green');
    expect(isSplit(counts(0, 0, 1, 0))).toBe(false);
    expect(isSplit(emptyCounts())).toBe(false);
  });
});

describe('the engagement plan grouped by consensus colour', () => {
  it('groups in the seed order, then the room split, then not marked, each heading naming the meaning', () => {
    const m = new SessionModel([agendaItem('eco', 'ecomap')]);
    const people = ['a', 'b', 'c'].map((p) => m.join(p));
    m.ok(FACILITATOR, { type: 'ecomap.addPartners', payload: { itemId: 'eco', names: ['Courts and judges', 'Youth', 'Tribes', 'Schools', 'Legislators'] } });
    m.ok(FACILITATOR, { type: 'ecomap.setVote', payload: { itemId: 'eco', vote: 'open' } });
    const [courts, youth, tribes, schools] = ecoMapOf(m.state, 'eco').order;
    const put = (who: Actor, partnerId: string, mark: Mark) => m.ok(who, { type: 'ecomap.mark', payload: { itemId: 'eco', partnerId, mark } });
    put(people[0]!, courts!, 'red');
    put(people[1]!, courts!, 'red');
    put(people[0]!, youth!, 'green');
    put(people[0]!, tribes!, 'none');
    put(people[0]!, schools!, 'green');
    put(people[1]!, schools!, 'yellow');
    m.ok(FACILITATOR, { type: 'ecomap.plan', payload: { itemId: 'eco', partnerId: courts!, how: 'Listening sessions', who: 'Deputy', when: 'Q1' } });
    const groups = planGroups(ecoMapOf(m.state, 'eco'));
    expect(groups.map((g) => [g.heading, g.partners.map((p) => p.result.name)])).toEqual([
      ['Green: Keeping positive involvement', ['Youth']],
      ['Red: Healing and re-involving', ['Courts and judges']],
      ['No dot: Developing relationship and beginning involvement', ['Tribes']],
      ['Room split', ['Schools']],
      ['Not marked', ['Legislators']],
    ]);
    expect(groups[1]!.partners[0]!.row).toMatchObject({ how: 'Listening sessions' });
    expect(groups[0]!.partners[0]!.row).toBeNull();
    // A phone before the results holds no counts: every partner is "not marked" there.
    const phone = stateFor(m.state, { role: 'participant', participantId: 'c' });
    expect(partnerResults(ecoMapOf(phone, 'eco')).every((r) => r.total === 0)).toBe(true);
  });
});

/** Random marks, changes, withdrawals, merges and removals, by random participants. */
type Step = { kind: 'mark'; who: number; partner: number; mark: Mark | null } | { kind: 'merge' | 'remove'; partner: number; other: number } | { kind: 'show'; shown: boolean };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('mark' as const), who: fc.nat(7), partner: fc.nat(7), mark: fc.constantFrom<Mark | null>(...MARKS, null) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('merge' as const, 'remove' as const), partner: fc.nat(7), other: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('show' as const), shown: fc.boolean() }) },
);

const VIEWERS: Viewer[] = [{ role: 'board' }, { role: 'participant', participantId: 'p0' }, { role: 'participant', participantId: 'p3' }];
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('counts always equal the marks', () => {
  it('on the console after any run, and every other screen holds what a fresh join would show it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const m = new SessionModel([agendaItem('eco', 'ecomap')]);
        const people = Array.from({ length: 8 }, (_, i) => m.join(`p${i}`));
        m.ok(FACILITATOR, { type: 'ecomap.addPartners', payload: { itemId: 'eco', names: Array.from({ length: 8 }, (_, i) => `Partner ${i}`) } });
        m.ok(FACILITATOR, { type: 'ecomap.setVote', payload: { itemId: 'eco', vote: 'open' } });
        for (const s of steps) {
          const order = ecoMapOf(m.state, 'eco').order;
          const pid = order[s.kind === 'show' ? 0 : s.partner % Math.max(1, order.length)] ?? 'gone';
          if (s.kind === 'mark') m.run(people[s.who]!, { type: 'ecomap.mark', payload: { itemId: 'eco', partnerId: pid, mark: s.mark } });
          else if (s.kind === 'show') m.run(FACILITATOR, { type: 'ecomap.showResults', payload: { itemId: 'eco', shown: s.shown } });
          else if (s.kind === 'remove') m.run(FACILITATOR, { type: 'ecomap.removePartner', payload: { itemId: 'eco', partnerId: pid } });
          else m.run(FACILITATOR, { type: 'ecomap.mergePartners', payload: { itemId: 'eco', fromId: pid, intoId: order[s.other % order.length] ?? 'gone' } });
          const map = ecoMapOf(m.state, 'eco');
          expect(json(map.counts)).toEqual(json(tallyMarks(map.marks)));
          expect(map.markers).toBe(markersOf(map.marks));
        }
        for (const v of VIEWERS) {
          const seen = reduce(m.events.map((e) => eventFor(e, v)));
          expect(json(seen.ecomaps)).toEqual(json(stateFor(m.state, v).ecomaps));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('applying stale or hostile events never throws and changes nothing that is gone', () => {
  it('events naming partners, proposals and items that do not exist', () => {
    const m = new SessionModel([agendaItem('eco', 'ecomap')]);
    m.join('a');
    m.ok(FACILITATOR, { type: 'ecomap.addPartners', payload: { itemId: 'eco', names: ['Youth', 'Tribes'] } });
    const [youth] = ecoMapOf(m.state, 'eco').order;
    const before = json(m.state.ecomaps);
    const c = counts(1, 0, 0, 0);
    const ghosts = [...PROTOTYPE_NAMES, 'gone'];
    const events = ghosts.flatMap((id) => [
      { type: 'ecomap.partnerEdited', itemId: 'eco', partnerId: id, name: 'X', category: 'Other', side: 'external' },
      { type: 'ecomap.partnerRemoved', itemId: 'eco', partnerId: id, markers: 5 },
      { type: 'ecomap.partnerMoved', itemId: 'eco', partnerId: id, toIndex: 0 },
      { type: 'ecomap.partnersMerged', itemId: 'eco', fromId: id, intoId: youth!, counts: c, shown: true },
      { type: 'ecomap.partnersMerged', itemId: 'eco', fromId: youth!, intoId: id },
      { type: 'ecomap.partnersMerged', itemId: 'eco', fromId: youth!, intoId: youth! },
      { type: 'ecomap.proposalMerged', itemId: 'eco', proposalId: id, intoId: youth! },
      { type: 'ecomap.proposalDeclined', itemId: 'eco', proposalId: id, reason: '' },
      { type: 'ecomap.marked', itemId: 'eco', partnerId: id, participantId: 'a', mark: 'green', counts: c, markers: 1, shown: false },
      { type: 'ecomap.planSet', itemId: 'eco', row: { partnerId: id, how: 'x', who: 'y', when: 'z' } },
      { type: 'ecomap.resultsShown', itemId: 'eco', shown: false, counts: { [id]: c } },
    ]);
    let s = m.state;
    for (const [i, body] of events.entries()) s = apply(s, { ...body, seq: s.seq + 1, at: 2000 + i } as SessionEvent);
    expect(json(s.ecomaps)).toEqual(before);
    // Events of an item that is not (or no longer) on the agenda land in their own slot and touch nothing else.
    const stray = apply(s, { type: 'ecomap.centreSet', itemId: 'constructor', centre: 'Us', seq: s.seq + 1, at: 3000 } as SessionEvent);
    expect(json(stray.ecomaps.eco)).toEqual(before.eco);
    // A partner added twice (a replayed event) is there once.
    const added = { type: 'ecomap.partnerAdded', itemId: 'eco', partner: { id: 'p9', name: 'Schools', category: 'Schools', side: 'external', proposalId: null } } as const;
    let twice = apply(s, { ...added, seq: s.seq + 1, at: 1 });
    twice = apply(twice, { ...added, seq: s.seq + 2, at: 1, index: -5 } as SessionEvent);
    expect(ecoMapOf(twice, 'eco').order.filter((id) => id === 'p9')).toHaveLength(1);
    expect(initialEcoMap()).toEqual(ecoMapOf(stray, 'nothing') as EcoMapState);
  });
});
