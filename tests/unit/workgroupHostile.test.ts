import { describe, expect, it } from 'vitest';
import { apply as applyEvent, eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import { reportOutReport } from '../../shared/modules/plenary/plenary.report.js';
import { plenaryOf } from '../../shared/modules/plenary/plenary.state.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import { messagesOf } from '../../shared/modules/workgroup/workgroup.view.js';
import { allNotes } from '../../shared/session/notes.js';
import type { ReportOptions } from '../../shared/report/model.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { kickoff } from '../support/plenaryFixtures.js';

const OPTIONS: ReportOptions = { scope: { kind: 'item', itemId: 'ro' }, names: true, at: 0 };

/** The kick-off's two groups (g1 Safety, g2 Permanency) imported, Ana in g1 and Bo in g2, g1 presenting. */
function presentingDay() {
  const m = new SessionModel([agendaItem('ro', 'reportout'), agendaItem('syn', 'synthesis'), agendaItem('ns', 'nextsteps')]);
  m.ok(FACILITATOR, { type: 'plenary.receive', payload: { source: kickoff() } });
  const ana = m.join('p-ana', 'Ana');
  const bo = m.join('p-bo', 'Bo');
  m.ok(FACILITATOR, { type: 'workgroup.assign', payload: { participantId: 'p-ana', workGroupId: 'g1' } });
  m.ok(FACILITATOR, { type: 'workgroup.assign', payload: { participantId: 'p-bo', workGroupId: 'g2' } });
  m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g1' } });
  return { m, ana, bo };
}

describe('a group merged away while it presents, after its reactions and pulls', () => {
  it('the report-out follows the group it went into: what the room asked it, its place, the pulls and messages', () => {
    const { m, bo } = presentingDay();
    m.ok(bo, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Which homes?' } });
    m.ok(FACILITATOR, { type: 'workgroup.message', payload: { workGroupId: 'g1', text: 'Five minutes left' } });
    m.ok(FACILITATOR, {
      type: 'plenary.pull',
      payload: { itemId: 'syn', column: 'Recommendations for the PIP', workGroupId: 'g1', field: 'recommendations', sourceId: 'a1' },
    });
    m.ok(FACILITATOR, { type: 'workgroup.mergeGroups', payload: { workGroupId: 'g1', intoId: 'g2' } });
    const p = plenaryOf(m.state);
    expect(p.presenting?.workGroupId).toBe('g2');
    expect(p.presented).toEqual(['g2']);
    expect(p.reactions.map((r) => r.workGroupId)).toEqual(['g2']);
    const note = allNotes(m.state).find((n) => n.itemId === 'syn')!;
    // The link names a group that exists, and still the name it was pulled under.
    expect(p.links[note.id]).toMatchObject({ workGroupId: 'g2', groupName: 'Safety group' });
    expect(messagesOf(m.state, 'g2').map((x) => x.text)).toEqual(['Five minutes left']);
    expect(JSON.stringify(reportOutReport(m.state, m.state.agenda[0]!, OPTIONS))).toContain('Question: Which homes? (Bo)');
    // A phone cannot react to the group that is gone.
    expect(m.run(bo, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'reaction', text: 'Late' } })?.message).toBe('That group is not presenting now.');
  });
});

describe('people removed or renamed after they reacted', () => {
  it('a removed participant’s questions stay without their name; a rename shows on them', () => {
    const { m, ana, bo } = presentingDay();
    m.ok(bo, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Which homes?' } });
    m.ok(ana, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'reaction', text: 'Agreed' } });
    m.ok(ana, { type: 'people.rename', payload: { name: 'Ana M.' } });
    m.ok(FACILITATOR, { type: 'people.remove', payload: { participantId: 'p-bo' } });
    const reactions = plenaryOf(m.state).reactions;
    expect(reactions.map((r) => [r.text, r.authorName])).toEqual([['Which homes?', ''], ['Agreed', 'Ana M.']]);
    const report = JSON.stringify(reportOutReport(m.state, m.state.agenda[0]!, OPTIONS));
    expect(report).toContain('"Question: Which homes?"');
    expect(report).toContain('"Reaction: Agreed (Ana M.)"');
  });
});

describe('importing', () => {
  it('a second import is refused with a sentence, even when the first brought only next steps', () => {
    const m = new SessionModel([agendaItem('ns', 'nextsteps')]);
    const steps = [{ what: 'Call the court', owner: 'State', partner: 'state' as const, term: 'short' as const, date: '' }];
    const source = kickoff({ themes: [], groups: [], strategies: [], answers: [], nextSteps: steps });
    m.ok(FACILITATOR, { type: 'plenary.receive', payload: { source } });
    expect(m.run(FACILITATOR, { type: 'plenary.receive', payload: { source } })?.message).toBe(
      'This session has started from PIP kick-off already: it imports once.',
    );
    expect(plenaryOf(m.state).nextSteps).toHaveLength(1);
  });

  it('a group whose theme fell off the import’s cap keeps no theme that does not exist', () => {
    const m = new SessionModel([agendaItem('ro', 'reportout')]);
    const themes = Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, title: `Theme ${i}`, source: null }));
    const groups = [{ id: 'g1', name: 'Last theme’s group', themeId: 't11', strategyOrder: [], readyAt: null }];
    m.ok(FACILITATOR, { type: 'plenary.receive', payload: { source: kickoff({ themes, groups, strategies: [], answers: [] }) } });
    const wg = workGroupsOf(m.state);
    expect(wg.groups[0]!.themeId === null || wg.themes.some((t) => t.id === wg.groups[0]!.themeId)).toBe(true);
  });
});

describe('questions and reactions reach who they were sent to, and no one phone uses up the room’s', () => {
  it('a phone that joins the group later reads in a fresh join what it got live: nothing sent before it came', () => {
    const { m, bo } = presentingDay();
    m.ok(bo, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Which homes?' } });
    const cy = m.join('p-cy', 'Cy');
    m.ok(FACILITATOR, { type: 'workgroup.assign', payload: { participantId: 'p-cy', workGroupId: 'g1' } });
    const viewer = { role: 'participant' as const, participantId: 'p-cy' };
    const live = m.events.reduce((s, e) => applyEvent(s, eventFor(e, viewer)), reduce([]));
    expect(plenaryOf(stateFor(m.state, viewer)).reactions).toEqual(plenaryOf(live).reactions);
    expect(plenaryOf(stateFor(m.state, viewer)).reactions).toEqual([]);
    // Ana, in the group when it was sent, reads it; without the list of who else got it.
    const ana = plenaryOf(stateFor(m.state, { role: 'participant', participantId: 'p-ana' })).reactions;
    expect(ana.map((r) => [r.text, r.to])).toEqual([['Which homes?', undefined]]);
    m.ok(cy, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'reaction', text: 'Now I am here' } });
    expect(plenaryOf(stateFor(m.state, viewer)).reactions.map((r) => r.text)).toEqual(['Now I am here']);
  });

  it('one phone sends at most 20; the others still ask', () => {
    const { m, ana, bo } = presentingDay();
    for (let i = 0; i < 20; i++) m.ok(bo, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: `Q${i}` } });
    expect(m.run(bo, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'One more' } })?.message).toBe(
      'You have sent 20 questions and reactions: leave room for the others.',
    );
    expect(m.run(ana, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Mine' } })).toBeNull();
  });
});
