import { beforeEach, describe, expect, it } from 'vitest';
import { ecoMapOf, MAX_PARTNERS, MAX_PROPOSALS_PER_PERSON, type Mark } from '../../shared/modules/ecomap/ecomap.state.js';
import { lateEntries } from '../../shared/modules/late/late.logic.js';
import type { Actor } from '../../shared/session/permissions.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { eventFor, stateFor } from '../../shared/modules/registry.js';

let m: SessionModel;
let people: Actor[];
const map = () => ecoMapOf(m.state, 'eco');
const ids = () => map().order;
const mark = (who: Actor, partner: number | string, value: Mark | null) =>
  m.run(who, { type: 'ecomap.mark', payload: { itemId: 'eco', partnerId: typeof partner === 'number' ? ids()[partner]! : partner, mark: value } });
const fac = (type: string, payload: object) => m.run(FACILITATOR, { type, payload: { itemId: 'eco', ...payload } } as never);
const okFac = (type: string, payload: object) => m.ok(FACILITATOR, { type, payload: { itemId: 'eco', ...payload } } as never);

beforeEach(() => {
  m = new SessionModel([agendaItem('eco', 'ecomap'), agendaItem('board', 'board', ['Notes'])]);
  people = ['a', 'b', 'c', 'd', 'e'].map((p) => m.join(p));
  okFac('ecomap.addPartners', { names: ['Courts and judges', 'Youth', 'Faith communities'] });
});

describe('partners', () => {
  it('adds the starter set with its categories and sides, skips names present, and refuses a set with nothing new', () => {
    expect(Object.values(map().partners).map((p) => [p.name, p.category, p.side])).toEqual([
      ['Courts and judges', 'Courts', 'external'],
      ['Youth', 'Youth', 'external'],
      ['Faith communities', 'Other', 'external'],
    ]);
    okFac('ecomap.addPartners', { names: ['youth ', 'Schools', 'Schools'] });
    expect(ids().map((id) => map().partners[id]!.name)).toEqual(['Courts and judges', 'Youth', 'Faith communities', 'Schools']);
    expect(fac('ecomap.addPartners', { names: ['COURTS AND JUDGES'] })?.message).toBe('Every one of these partners is on the map already.');
    expect(fac('ecomap.addPartner', { name: 'Tribes', category: 'Tribes', side: 'external', index: 0 })).toBeNull();
    expect(ids()[0]).toBe(Object.values(map().partners).find((p) => p.name === 'Tribes')!.id);
    expect(fac('ecomap.addPartner', { name: 'tribes', category: 'Tribes', side: 'external' })?.message).toBe('“tribes” is on the map already.');
  });

  it('edits, moves and refuses what is gone or a name taken', () => {
    const [courts, youth] = ids();
    okFac('ecomap.editPartner', { partnerId: youth, name: 'Young people', category: 'Youth', side: 'internal' });
    expect(map().partners[youth!]).toMatchObject({ name: 'Young people', side: 'internal' });
    expect(fac('ecomap.editPartner', { partnerId: youth, name: 'Courts and judges', category: 'Youth', side: 'internal' })?.code).toBe('conflict');
    okFac('ecomap.movePartner', { partnerId: courts, toIndex: 99 });
    expect(ids()[2]).toBe(courts);
    expect(fac('ecomap.removePartner', { partnerId: 'gone' })?.message).toBe('That partner is no longer on the map.');
    expect(fac('ecomap.movePartner', { partnerId: 'constructor', toIndex: 0 })?.code).toBe('not_found');
    expect(m.run(people[0]!, { type: 'ecomap.addPartner', payload: { itemId: 'eco', name: 'X', category: 'Other', side: 'external' } })?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, { type: 'ecomap.setCentre', payload: { itemId: 'board', centre: 'Us' } })?.message).toBe(
      'This agenda item is not a stakeholder eco-map.',
    );
  });

  it('caps the map at MAX_PARTNERS, for one partner and for a list', () => {
    okFac('ecomap.addPartners', { names: Array.from({ length: MAX_PARTNERS - 3 }, (_, i) => `Partner ${i}`) });
    expect(ids()).toHaveLength(MAX_PARTNERS);
    expect(fac('ecomap.addPartner', { name: 'One more', category: 'Other', side: 'external' })?.message).toBe(
      `The map holds at most ${MAX_PARTNERS} partners: merge or remove one first.`,
    );
    okFac('ecomap.removePartner', { partnerId: ids()[0] });
    expect(fac('ecomap.addPartners', { names: ['One', 'Two'] })?.message).toMatch(/^Only 1 more partner fit on the map/);
    expect(ids()).toHaveLength(MAX_PARTNERS - 1);
  });
});

describe('marks', () => {
  beforeEach(() => okFac('ecomap.setVote', { vote: 'open' }));

  it('are set, changed and withdrawn; "none" is a mark and null withdraws', () => {
    expect(mark(people[0]!, 0, 'green')).toBeNull();
    expect(mark(people[1]!, 0, 'none')).toBeNull();
    expect(map().counts[ids()[0]!]).toEqual({ green: 1, yellow: 0, red: 0, none: 1 });
    expect(map().markers).toBe(2);
    expect(mark(people[0]!, 0, 'red')).toBeNull();
    expect(map().counts[ids()[0]!]).toEqual({ green: 0, yellow: 0, red: 1, none: 1 });
    expect(mark(people[0]!, 0, 'red')?.message).toBe('That partner has your red mark already.');
    expect(mark(people[0]!, 0, null)).toBeNull();
    expect(map().marks.a).toBeUndefined();
    expect(map().markers).toBe(1);
    expect(mark(people[0]!, 0, null)?.message).toBe('You have no mark on that partner to withdraw.');
    expect(mark(people[1]!, 0, null)).toBeNull();
    expect(map().counts[ids()[0]!]).toBeUndefined();
    expect(map().markers).toBe(0);
  });

  it('come only from phones, only while the vote is open, only on partners on the map', () => {
    expect(m.run(FACILITATOR, { type: 'ecomap.mark', payload: { itemId: 'eco', partnerId: ids()[0]!, mark: 'green' } })?.message).toBe(
      'Marks are placed from a phone.',
    );
    expect(mark(people[0]!, 'toString', 'green')?.message).toBe('That partner is no longer on the map.');
    okFac('ecomap.setVote', { vote: 'setup' });
    expect(mark(people[0]!, 0, 'green')?.message).toBe('The vote has not opened yet.');
    expect(fac('ecomap.setVote', { vote: 'setup' })?.message).toBe('The vote is being set up already.');
  });

  it('a mark after the vote closed is kept as late input; the facilitator can count it once the vote reopens', () => {
    okFac('ecomap.setVote', { vote: 'closed' });
    const partnerId = ids()[1]!;
    const body = { type: 'ecomap.mark', payload: { itemId: 'eco', partnerId, mark: 'yellow' } } as const;
    expect(m.run(people[2]!, body, 'late-mark-1')?.message).toBe('The vote had closed before your mark arrived, so it was not counted.');
    expect(m.run(people[2]!, body, 'late-mark-2', true)).toBeNull();
    const [entry] = lateEntries(m.state);
    expect(entry).toMatchObject({ authorId: 'c', itemId: 'eco', reason: 'The vote was over.', status: 'pending', commandId: 'late-mark-2' });
    expect(map().marks.c).toBeUndefined();
    // Withdrawing after the vote, or marking a partner that is gone, is not late input: it is refused.
    expect(m.run(people[2]!, { ...body, payload: { ...body.payload, mark: null } }, 'late-mark-3', true)?.code).toBe('conflict');
    expect(m.run(people[2]!, { ...body, payload: { ...body.payload, partnerId: 'gone' } }, 'late-mark-4', true)?.code).toBe('not_found');
    expect(lateEntries(m.state)).toHaveLength(1);
    expect(m.run(FACILITATOR, { type: 'late.accept', payload: { entryId: entry!.id } })?.message).toBe(
      'The vote had closed before your mark arrived, so it was not counted.',
    );
    okFac('ecomap.setVote', { vote: 'open' });
    m.ok(FACILITATOR, { type: 'late.accept', payload: { entryId: entry!.id } });
    expect(map().marks.c).toEqual({ [partnerId]: 'yellow' });
    expect(map().counts[partnerId]).toMatchObject({ yellow: 1 });
  });
});

describe('merge and removal', () => {
  beforeEach(() => okFac('ecomap.setVote', { vote: 'open' }));

  it('merging: a mark on the one merged moves over unless the person marked both; the plan row of the kept one stays', () => {
    const [courts, youth, faith] = ids();
    mark(people[0]!, 0, 'green'); // only courts: moves to youth as green
    mark(people[1]!, 0, 'red'); // both: keeps youth's yellow
    mark(people[1]!, 1, 'yellow');
    mark(people[2]!, 1, 'none'); // only youth
    mark(people[3]!, 2, 'red'); // elsewhere
    okFac('ecomap.plan', { partnerId: courts, how: 'Monthly meeting', who: 'Director', when: 'Spring' });
    okFac('ecomap.mergePartners', { fromId: courts, intoId: youth });
    expect(ids()).toEqual([youth, faith]);
    expect(map().marks.a).toEqual({ [youth!]: 'green' });
    expect(map().marks.b).toEqual({ [youth!]: 'yellow' });
    expect(map().counts[youth!]).toEqual({ green: 1, yellow: 1, red: 0, none: 1 });
    expect(map().counts[courts!]).toBeUndefined();
    expect(map().markers).toBe(4);
    // Youth had no plan row: the merged one's comes over.
    expect(map().plan[youth!]).toEqual({ partnerId: youth, how: 'Monthly meeting', who: 'Director', when: 'Spring' });
    expect(map().plan[courts!]).toBeUndefined();
    okFac('ecomap.plan', { partnerId: faith, how: 'Visit', who: 'Lee', when: 'May' });
    okFac('ecomap.mergePartners', { fromId: youth, intoId: faith });
    expect(map().plan[faith!]!.how).toBe('Visit');
    expect(fac('ecomap.mergePartners', { fromId: faith, intoId: faith })?.message).toBe('Pick two different partners to merge.');
    expect(fac('ecomap.mergePartners', { fromId: youth, intoId: faith })?.code).toBe('not_found');
  });

  it('removing a partner drops its marks, counts and plan row, and whoever marked only it is no longer a marker', () => {
    const [courts, youth] = ids();
    mark(people[0]!, 0, 'green');
    mark(people[1]!, 0, 'red');
    mark(people[1]!, 1, 'red');
    okFac('ecomap.plan', { partnerId: courts, how: 'Letters', who: '', when: '' });
    expect(map().markers).toBe(2);
    okFac('ecomap.removePartner', { partnerId: courts });
    expect(map().marks).toEqual({ b: { [youth!]: 'red' } });
    expect(map().counts[courts!]).toBeUndefined();
    expect(map().plan[courts!]).toBeUndefined();
    expect(map().markers).toBe(1);
  });
});

describe('proposals, the scribe and the plan', () => {
  it('a participant proposes; the facilitator accepts (renamed), merges or declines; caps per person', () => {
    const [ana, ben] = people;
    const propose = (who: Actor, name: string) => m.run(who!, { type: 'ecomap.propose', payload: { itemId: 'eco', name } });
    expect(propose(ana!, 'Youth')?.message).toBe('“Youth” is on the map already.');
    for (let i = 0; i < MAX_PROPOSALS_PER_PERSON; i++) expect(propose(ana!, `Idea ${i}`)).toBeNull();
    expect(propose(ana!, 'One too many')?.message).toBe(
      `You have ${MAX_PROPOSALS_PER_PERSON} proposals waiting, the most at once: wait until the facilitator takes them up.`,
    );
    expect(propose(ben!, 'idea 0')?.message).toBe('“idea 0” has been proposed already: the facilitator will take it up.');
    const [p0, p1, p2] = Object.keys(map().proposals);
    okFac('ecomap.acceptProposal', { proposalId: p0, name: 'Housing authority', side: 'external' });
    const added = map().partners[ids()[3]!]!;
    expect(added).toMatchObject({ name: 'Housing authority', proposalId: p0, category: 'Other' });
    expect(map().proposals[p0!]).toMatchObject({ status: 'accepted', partnerId: added.id });
    okFac('ecomap.mergeProposal', { proposalId: p1, intoId: ids()[0] });
    okFac('ecomap.declineProposal', { proposalId: p2, reason: 'Out of scope' });
    expect(map().proposals[p2!]).toMatchObject({ status: 'declined', reason: 'Out of scope' });
    expect(fac('ecomap.declineProposal', { proposalId: p2 })?.message).toBe('That proposal was declined already.');
    expect(fac('ecomap.acceptProposal', { proposalId: 'valueOf' })?.message).toBe('That proposal does not exist.');
    expect(propose(ana!, 'Now there is room')).toBeNull();
    okFac('ecomap.setVote', { vote: 'open' });
    okFac('ecomap.setVote', { vote: 'closed' });
    expect(propose(ben!, 'Late idea')?.message).toBe('The vote has closed: partners can no longer be proposed.');
  });

  it('only the facilitator and the scribe fill the plan; removing the scribe takes the role away, their marks stay', () => {
    const [courts] = ids();
    const plan = (who: Actor) => m.run(who, { type: 'ecomap.plan', payload: { itemId: 'eco', partnerId: courts!, how: 'Meet', who: 'Us', when: 'June' } });
    expect(plan(people[0]!)?.message).toBe('Only the scribe the facilitator picked can fill in the engagement plan.');
    expect(fac('ecomap.setScribe', { participantId: 'nobody' })?.message).toBe('That participant is not in this session.');
    okFac('ecomap.setScribe', { participantId: 'a' });
    expect(plan(people[0]!)).toBeNull();
    expect(plan(people[1]!)?.code).toBe('forbidden');
    expect(m.run(people[0]!, { type: 'ecomap.plan', payload: { itemId: 'eco', partnerId: 'gone', how: '', who: '', when: '' } })?.code).toBe('not_found');
    okFac('ecomap.setVote', { vote: 'open' });
    mark(people[0]!, 0, 'green');
    m.ok(FACILITATOR, { type: 'people.remove', payload: { participantId: 'a' } });
    expect(map().scribeId).toBeNull();
    expect(map().marks.a).toEqual({ [courts!]: 'green' });
    expect(map().counts[courts!]!.green).toBe(1);
  });

  it('shows the results once (also after the session ended), and hides them again', () => {
    okFac('ecomap.setVote', { vote: 'open' });
    mark(people[0]!, 0, 'green');
    okFac('ecomap.showResults', { shown: true });
    expect(fac('ecomap.showResults', { shown: true })?.message).toBe('The results are shown already.');
    m.ok(FACILITATOR, { type: 'session.end', payload: {} });
    expect(fac('ecomap.showResults', { shown: false })).toBeNull();
    expect(fac('ecomap.setVote', { vote: 'closed' })?.code).toBe('conflict');
    expect(map().resultsShown).toBe(false);
  });

  it('a proposal names its author to the facilitator and the author only', () => {
    m.ok(people[1]!, { type: 'ecomap.propose', payload: { itemId: 'eco', name: 'Housing authority' } });
    const proposed = m.events.at(-1)!;
    const [id] = Object.keys(map().proposals);
    expect(map().proposals[id!]!.authorId).toBe('b');
    expect(eventFor(proposed, { role: 'participant', participantId: 'b' })).toMatchObject({ proposal: { authorId: 'b' } });
    for (const viewer of [{ role: 'board' } as const, { role: 'participant', participantId: 'a' } as const]) {
      expect(eventFor(proposed, viewer)).toMatchObject({ proposal: { authorId: null, name: 'Housing authority' } });
      expect(ecoMapOf(stateFor(m.state, viewer), 'eco').proposals[id!]).toMatchObject({ authorId: null, status: 'waiting' });
    }
    expect(ecoMapOf(stateFor(m.state, { role: 'participant', participantId: 'b' }), 'eco').proposals[id!]!.authorId).toBe('b');
  });
});
