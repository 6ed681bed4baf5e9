import { describe, expect, it } from 'vitest';
import { eventFor, kinds, loadProtocol, stateFor } from '../../shared/modules/registry.js';
import { synthesisReport, nextStepsReport, reportOutReport } from '../../shared/modules/plenary/plenary.report.js';
import { linkOf } from '../../shared/modules/plenary/plenary.pull.js';
import { SYNTHESIS_COLUMNS, MAX_NEXT_STEPS } from '../../shared/modules/plenary/plenary.state.js';
import { allNotes } from '../../shared/session/notes.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { Block, ReportOptions } from '../../shared/report/model.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { kickoff } from '../support/plenaryFixtures.js';

const { Command } = await loadProtocol();
const OPTIONS: ReportOptions = { scope: { kind: 'session' }, names: false, at: 0 };
const REC = SYNTHESIS_COLUMNS[3];

function day() {
  const m = new SessionModel([agendaItem('ro', 'reportout'), agendaItem('syn', 'synthesis'), agendaItem('ns', 'nextsteps'), agendaItem('disc', 'discussion', ['Notes'])]);
  m.ok(FACILITATOR, { type: 'plenary.receive', payload: { source: kickoff() } });
  return m;
}
const pull = (m: SessionModel, sourceId: string, over: object = {}) =>
  m.run(FACILITATOR, { type: 'plenary.pull', payload: { itemId: 'syn', column: REC, workGroupId: 'g1', field: 'recommendations', sourceId, ...over } });
const texts = (blocks: Block[]): string => JSON.stringify(blocks);

describe('plenary: pulling report-out entries into the synthesis', () => {
  it('adds a note with the entry’s text, named after its group, and a link to the group, field and entry', () => {
    const m = day();
    expect(pull(m, 'a1')).toBeNull();
    const note = allNotes(m.state).find((n) => n.itemId === 'syn');
    expect(note).toMatchObject({ text: 'More kinship homes', column: REC, authorName: 'Safety group' });
    expect(linkOf(m.state, note!.id)).toEqual({ workGroupId: 'g1', field: 'recommendations', sourceId: 'a1', groupName: 'Safety group' });
    expect(pull(m, 'st1', { field: 'strategy', column: SYNTHESIS_COLUMNS[1] })).toBeNull();
    expect(allNotes(m.state).filter((n) => n.itemId === 'syn').map((n) => n.text)).toEqual(['More kinship homes', 'Safety plans reviewed monthly']);
  });

  it('refuses with a sentence: twice the same entry, an entry of another group or field, a non-synthesis item, a missing group', () => {
    const m = day();
    pull(m, 'a1');
    expect(pull(m, 'a1')?.message).toBe('That entry is already in this synthesis.');
    expect(pull(m, 'a3')?.message).toBe('That entry is no longer in Safety group’s report-out.');
    expect(pull(m, 'a2')?.message).toBe('That entry is no longer in Safety group’s report-out.');
    expect(pull(m, 'a1', { itemId: 'disc', column: 'Notes' })?.message).toBe('Pull report-out entries into a synthesis item.');
    expect(pull(m, 'a1', { workGroupId: 'gone' })?.message).toBe('That work group no longer exists.');
    expect(pull(m, 'a2', { field: 'assistance', column: 'Nowhere' })?.message).toBe('No column "Nowhere".');
    expect(pull(m, 'constructor')?.message).toBe('That entry is no longer in Safety group’s report-out.');
    const participant = m.join('p-ana');
    expect(m.run(participant, { type: 'plenary.pull', payload: { itemId: 'syn', column: REC, workGroupId: 'g1', field: 'assistance', sourceId: 'a2' } })?.message).toBe(
      'Only the facilitator can do that.',
    );
  });

  it('a pulled note keeps its link after the entry is deleted from the report-out: the report still names the group', () => {
    const m = day();
    pull(m, 'a1');
    for (const to of ['reveal', 'cluster'] as const) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'syn', to } });
    m.ok(FACILITATOR, { type: 'workgroup.removeAnswer', payload: { answerId: 'a1' } });
    expect(m.state.workgroups.answers).not.toHaveProperty('a1');
    const section = texts(synthesisReport(m.state, m.state.agenda[1]!, OPTIONS, kinds));
    expect(section).toContain('From the work groups');
    expect(section).toContain('"More kinship homes","Recommendations for the PIP","Safety group","Basic recommendations"');
  });

  it('the room dot-votes the recommendations with the flow’s vote: the report ranks them with their dots and, under each, the group it came from', () => {
    const m = day();
    pull(m, 'a1');
    m.run(FACILITATOR, { type: 'plenary.pull', payload: { itemId: 'syn', column: REC, workGroupId: 'g2', field: 'recommendations', sourceId: 'a3' } });
    const [kin, court] = allNotes(m.state).filter((n) => n.itemId === 'syn');
    const ana = m.join('p-ana');
    const bo = m.join('p-bo');
    for (const to of ['reveal', 'cluster', 'vote'] as const) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'syn', to } });
    const dot = (who: typeof ana, id: string) => m.ok(who, { type: 'flow.dot', payload: { itemId: 'syn', target: { kind: 'note', id }, delta: 1 } });
    dot(ana, court!.id);
    dot(bo, court!.id);
    dot(bo, kin!.id);
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'syn', to: 'results' } });
    const blocks = synthesisReport(m.state, m.state.agenda[1]!, OPTIONS, kinds);
    const ranked = blocks.find((b) => b.kind === 'ranked' && b.entries.length === 2);
    expect(ranked).toEqual({ kind: 'ranked', unit: 'dots', entries: [{ text: 'Faster court dates', count: 2, detail: ['from Permanency group'] }, { text: 'More kinship homes', count: 1, detail: ['from Safety group'] }] });
    expect(texts(blocks)).toContain('"Faster court dates","Recommendations for the PIP","Permanency group","Basic recommendations"');
    // Once the vote has started nothing more is pulled in.
    expect(m.run(FACILITATOR, { type: 'plenary.pull', payload: { itemId: 'syn', column: REC, workGroupId: 'g1', field: 'strategy', sourceId: 'st1' } })?.message).toBe(
      'The results are in: notes are fixed now.',
    );
  });
});

describe('plenary: report-out mode and reactions', () => {
  it('presents one group at a time with its own timer, and remembers the order presented', () => {
    const m = day();
    m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g2', minutes: 4 } });
    expect(m.state.plenary.presenting).toMatchObject({ workGroupId: 'g2', timer: { status: 'idle', remainingMs: 240_000 } });
    m.ok(FACILITATOR, { type: 'plenary.presentTimer', payload: { action: 'start' } });
    expect(m.state.plenary.presenting?.timer).toMatchObject({ status: 'running', endsAt: m.now + 240_000 });
    expect(m.run(FACILITATOR, { type: 'plenary.presentTimer', payload: { action: 'start' } })?.message).toBe('The report-out timer is already running.');
    m.now += 60_000;
    m.ok(FACILITATOR, { type: 'plenary.presentTimer', payload: { action: 'pause' } });
    expect(m.state.plenary.presenting?.timer).toMatchObject({ status: 'paused', remainingMs: 180_000, endsAt: null });
    m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g1' } });
    m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g2' } });
    expect(m.state.plenary.presented).toEqual(['g2', 'g1']);
    m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: null } });
    expect(m.state.plenary.presenting).toBeNull();
    expect(m.run(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: null } })?.message).toBe('No group is presenting.');
    expect(m.run(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'syn', workGroupId: 'g1' } })?.message).toBe('This agenda item is not a report-out item.');
    expect(m.run(FACILITATOR, { type: 'plenary.presentTimer', payload: { action: 'pause' } })?.message).toBe('No group is presenting: pick the group first.');
    const order = reportOutReport(m.state, m.state.agenda[0]!, OPTIONS).filter((b) => b.kind === 'heading' && b.level === 2);
    expect(order.map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual(['Permanency group', 'Safety group']);
  });

  it('a report-out item taken off the agenda mid-presentation ends it: no question or timer goes to it', () => {
    const m = day();
    const ana = m.join('p-ana');
    m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g1' } });
    m.ok(FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'ro' } });
    expect(m.run(ana, { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Still there?' } })?.message).toBe('That group is not presenting now.');
    expect(m.run(FACILITATOR, { type: 'plenary.presentTimer', payload: { action: 'start' } })?.message).toBe('No group is presenting: pick the group first.');
    expect(m.state.plenary.reactions).toEqual([]);
  });

  it('takes questions only for the group presenting, and only its members (and the author) receive them', () => {
    const m = day();
    const ana = m.join('p-ana');
    const bo = m.join('p-bo');
    const cy = m.join('p-cy');
    m.ok(ana, { type: 'workgroup.join', payload: { workGroupId: 'g1' } });
    m.ok(bo, { type: 'workgroup.join', payload: { workGroupId: 'g2' } });
    const react = { type: 'plenary.react', payload: { workGroupId: 'g1', kind: 'question', text: 'Who pays for it?' } } as const;
    expect(m.run(cy, react)?.message).toBe('That group is not presenting now.');
    m.ok(FACILITATOR, { type: 'plenary.present', payload: { itemId: 'ro', workGroupId: 'g1' } });
    expect(m.run(FACILITATOR, react)?.message).toBe('Questions and reactions are sent from a phone.');
    m.ok(cy, react);
    const e = m.events.at(-1) as SessionEvent & { type: 'plenary.reacted' };
    expect(e.to.sort()).toEqual(['p-ana', 'p-cy']);
    const seen = (participantId: string | null) => eventFor(e, { role: 'participant', participantId }).type;
    expect(seen('p-ana')).toBe('plenary.reacted');
    expect(seen('p-cy')).toBe('plenary.reacted');
    expect(seen('p-bo')).toBe('hidden');
    expect(seen(null)).toBe('hidden');
    expect(eventFor(e, { role: 'board' }).type).toBe('hidden');
    // A member does not learn who else received it.
    expect(eventFor(e, { role: 'participant', participantId: 'p-ana' })).toHaveProperty('to', []);
    expect(stateFor(m.state, { role: 'participant', participantId: 'p-ana' }).plenary.reactions.map((r) => r.text)).toEqual(['Who pays for it?']);
    expect(stateFor(m.state, { role: 'participant', participantId: 'p-bo' }).plenary.reactions).toEqual([]);
    expect(stateFor(m.state, { role: 'board' }).plenary.reactions).toEqual([]);
    expect(m.run(bo, { ...react, payload: { ...react.payload, workGroupId: 'g2' } })?.message).toBe('That group is not presenting now.');
    expect(m.state.plenary.reactions).toHaveLength(1);
  });
});

describe('plenary: next steps', () => {
  const step = { itemId: 'ns', what: 'Send the draft PIP', owner: 'Dana', partner: 'regional-office', term: 'short', date: '2026-12-15' } as const;

  it('adds, edits and removes next steps on a next-steps item; the report lists them with owner, partner, term and date', () => {
    const m = day();
    m.ok(FACILITATOR, { type: 'plenary.addNextStep', payload: step });
    const id = m.state.plenary.nextSteps[0]!.id;
    m.ok(FACILITATOR, { type: 'plenary.editNextStep', payload: { ...step, itemId: undefined, nextStepId: id, term: 'long', partner: 'resource-centers' } as never });
    expect(m.state.plenary.nextSteps).toEqual([expect.objectContaining({ id, itemId: 'ns', what: 'Send the draft PIP', term: 'long', partner: 'resource-centers' })]);
    const table = nextStepsReport(m.state, m.state.agenda[2]!).find((b) => b.kind === 'table');
    expect(table).toMatchObject({ columns: ['What', 'Owner', 'Partner', 'Term', 'Date'], rows: [['Send the draft PIP', 'Dana', 'National Resource Centers', 'Long term', '2026-12-15']] });
    m.ok(FACILITATOR, { type: 'plenary.removeNextStep', payload: { nextStepId: id } });
    expect(m.state.plenary.nextSteps).toEqual([]);
    expect(m.run(FACILITATOR, { type: 'plenary.removeNextStep', payload: { nextStepId: id } })?.message).toBe('That next step is no longer there.');
  });

  it('refuses a next step on another kind of item, past the cap, or with a bad date', () => {
    const m = day();
    expect(m.run(FACILITATOR, { type: 'plenary.addNextStep', payload: { ...step, itemId: 'ro' } })?.message).toBe('This agenda item is not a next-steps item.');
    for (let i = 0; i < MAX_NEXT_STEPS; i++) m.ok(FACILITATOR, { type: 'plenary.addNextStep', payload: step });
    expect(m.run(FACILITATOR, { type: 'plenary.addNextStep', payload: step })?.message).toBe(`A session can hold at most ${MAX_NEXT_STEPS} next steps.`);
    const parsed = Command.safeParse({ id: 'cmd_0123456789', type: 'plenary.addNextStep', payload: { ...step, date: 'next week' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Give the date as YYYY-MM-DD, or leave it empty.');
    expect(Command.safeParse({ id: 'cmd_0123456789', type: 'plenary.addNextStep', payload: { ...step, what: '  ' } }).error?.issues[0]?.message).toBe(
      'What is to be done cannot be empty.',
    );
  });
});

describe('plenary: importing a kick-off session', () => {
  it('copies themes, groups without members, strategies, answers, synthesis with links and next steps', () => {
    const m = day();
    expect(m.state.workgroups.groups.map((g) => [g.name, g.leaderId, g.readyAt])).toEqual([['Safety group', null, 7], ['Permanency group', null, null]]);
    expect(m.state.workgroups.themes.map((t) => t.title)).toEqual(['Safety', 'Permanency']);
    expect(Object.keys(m.state.workgroups.answers).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(m.state.plenary.importedFrom).toEqual({ title: 'PIP kick-off', createdAt: 5, at: m.now });
    const section = texts(reportOutReport(m.state, m.state.agenda[0]!, OPTIONS));
    expect(section).toContain('The groups and their work come from PIP kick-off');
    expect(section).toContain('Draft the checklist');
  });

  it('refuses this session’s own groups, a session with nothing to start from, and a session that has groups already', () => {
    const m = new SessionModel([agendaItem('ro', 'reportout')]);
    const receive = (over: object) => m.run(FACILITATOR, { type: 'plenary.receive', payload: { source: kickoff(over) } });
    expect(receive({ sessionId: 's1' })?.message).toBe('That is this session’s own code: use it in a later session.');
    expect(receive({ groups: [], themes: [], strategies: [], answers: [] })?.message).toBe('That session has no work groups, synthesis or next steps to start from yet.');
    expect(receive({})).toBeNull();
    expect(receive({})?.message).toBe('This session already has themes or work groups: import the kick-off’s groups before making any here.');
    expect(m.run(FACILITATOR, { type: 'plenary.import', payload: { from: { code: 'x.y' } } })?.message).toBe('Work groups can only be imported through the server.');
  });
});
