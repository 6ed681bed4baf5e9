import { describe, expect, it } from 'vitest';
import { carriedIn, carriedLine, carriedOut, codeSession } from '../../shared/modules/carry/carry.logic.js';
import { carriedInputBlocks, NOTHING_CARRIED } from '../../shared/modules/carry/carry.report.js';
import { eventFor, kinds, loadProtocol, reduceOrSkip, stateFor } from '../../shared/modules/registry.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { AgendaItem } from '../../shared/session/state.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { agendaItemFrom } from '../../shared/session/agenda.js';
import { buildReport } from '../../shared/report/session.js';
import { toMarkdown } from '../../shared/report/markdown.js';
import { toJsonExport } from '../../shared/report/json.js';
import { SessionExport } from '../../shared/report/json.schema.js';

const priorities: AgendaItem = { ...agendaItem('prio', 'discussion', ['Carry forward']), input: 'carried' };
const source = (items: { label: string; column: string; dots: number }[], sessionId = 's0') =>
  ({ type: 'carry.receive', payload: { source: { sessionId, title: 'Data retreat', createdAt: 5, items } } }) as const;

/** A SWOT with three notes voted on (Threats "cuts" 3 dots, Strengths "staff" 1, "families" 2) and results in. */
function votedSwot(): { m: SessionModel; ana: Actor } {
  const m = new SessionModel([agendaItem('swot', 'swot'), priorities, agendaItem('vis', 'vision')]);
  const ana = m.join('p-ana');
  const bo = m.join('p-bo');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'staff' } }, 'note-staff-1');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'cuts' } }, 'note-cuts-22');
  m.ok(bo, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'families' } }, 'note-fam-333');
  for (const to of ['reveal', 'cluster', 'vote'] as const) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to } });
  const dot = (who: Actor, id: string) => m.ok(who, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id }, delta: 1 } });
  dot(ana, 'note-cuts-22');
  dot(ana, 'note-cuts-22');
  dot(bo, 'note-cuts-22');
  dot(bo, 'note-staff-1');
  dot(ana, 'note-fam-333');
  dot(bo, 'note-fam-333');
  m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'results' } });
  return { m, ana };
}
const carry = (m: SessionModel, id: string, carried = true) =>
  m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id }, carried } });

describe('carrying forward within a session', () => {
  it('lists the marked items ranked by dots, whatever order they were marked in, and follows every mark', () => {
    const { m } = votedSwot();
    expect(carriedIn(m.state, kinds)).toEqual([]);
    carry(m, 'note-staff-1');
    carry(m, 'note-cuts-22');
    expect(carriedIn(m.state, kinds).map(carriedLine)).toEqual(['cuts (Threats, 3 dots)', 'staff (Strengths, 1 dot)']);
    carry(m, 'note-fam-333');
    expect(carriedOut(m.state, kinds).map((i) => i.label)).toEqual(['cuts', 'families', 'staff']);
    carry(m, 'note-cuts-22', false);
    expect(carriedOut(m.state, kinds)).toEqual([
      { label: 'families', column: 'Strengths', dots: 2 },
      { label: 'staff', column: 'Strengths', dots: 1 },
    ]);
  });

  it('prints them in the report of the item that takes them, and nothing in any other item', () => {
    const { m } = votedSwot();
    expect(carriedInputBlocks(m.state, priorities, kinds)).toEqual([
      { kind: 'heading', level: 2, text: 'Carried forward' },
      { kind: 'paragraph', text: NOTHING_CARRIED },
    ]);
    carry(m, 'note-fam-333');
    carry(m, 'note-cuts-22');
    expect(carriedInputBlocks(m.state, priorities, kinds)[1]).toEqual({
      kind: 'ranked',
      unit: 'dots',
      entries: [
        { text: 'cuts (Threats)', count: 3 },
        { text: 'families (Strengths)', count: 2 },
      ],
    });
    expect(carriedInputBlocks(m.state, { ...priorities, input: 'notes' }, kinds)).toEqual([]);
    expect(carriedInputBlocks(m.state, agendaItem('x', 'discussion'), kinds)).toEqual([]);
  });

  it('shows in the whole report as the priorities item’s section, in Markdown too', () => {
    const { m } = votedSwot();
    carry(m, 'note-staff-1');
    carry(m, 'note-cuts-22');
    const doc = buildReport(m.state, { scope: { kind: 'session' }, names: false, at: 2_000 });
    const section = doc.sections.find((sec) => sec.title === priorities.title);
    expect(section?.blocks).toContainEqual({ kind: 'ranked', unit: 'dots', entries: [{ text: 'cuts (Threats)', count: 3 }, { text: 'staff (Strengths)', count: 1 }] });
    const md = toMarkdown(doc);
    const part = md.slice(md.indexOf('Carried forward', md.lastIndexOf('Item prio')));
    expect(part).toMatch(/^Carried forward\n\n1\. cuts .*Threats.*3 dots.*\n2\. staff .*Strengths.*1 dot/);
  });

  it('is an item setting a template and the facilitator can set, and that only takes the inputs we know', async () => {
    const p = await loadProtocol();
    const base = { title: 'Priorities', plannedMinutes: 30, moduleType: 'discussion' };
    expect(agendaItemFrom('i1', p.AgendaItemInput.parse({ ...base, input: 'carried' })).input).toBe('carried');
    expect('input' in agendaItemFrom('i2', p.AgendaItemInput.parse(base))).toBe(false);
    const bad = p.AgendaItemInput.safeParse({ ...base, input: 'everything' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('An item takes its own notes ("notes"), the items carried forward ("carried") or the vision context ("vision").');
    const m = new SessionModel([agendaItem('d', 'discussion')]);
    m.ok(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'd', patch: { input: 'carried' } } });
    expect(m.state.agenda[0]?.input).toBe('carried');
  });
});

describe('carrying forward across sessions', () => {
  it('makes a code of the session id and a fresh secret, the facilitator’s alone, even after the end', () => {
    const m = new SessionModel([priorities]);
    const ana = m.join('p-ana');
    expect(m.run(ana, { type: 'carry.makeCode', payload: {} })?.code).toBe('forbidden');
    m.ok(FACILITATOR, { type: 'session.end', payload: {} });
    m.ok(FACILITATOR, { type: 'carry.makeCode', payload: {} });
    const code = m.state.carry.code ?? '';
    expect(code).toMatch(/^s1\.id\d+$/);
    expect(codeSession(code)).toBe('s1');
    m.ok(FACILITATOR, { type: 'carry.makeCode', payload: {} });
    expect(m.state.carry.code).not.toBe(code);
    // Nobody but the facilitator receives the code, live or in a snapshot.
    for (const viewer of [{ role: 'board' }, { role: 'participant', participantId: 'p-ana' }] as const) {
      expect(eventFor(m.events.at(-1)!, viewer).type).toBe('hidden');
      expect(stateFor(m.state, viewer).carry.code).toBeNull();
    }
    expect(stateFor(m.state, { role: 'facilitator' }).carry.code).toBe(m.state.carry.code);
  });

  it('reads a code as its session id only when it has both parts', () => {
    expect(codeSession('abc.def')).toBe('abc');
    for (const bad of ['abcdef', '.abc', 'abc.', '']) expect(codeSession(bad)).toBeNull();
  });

  it('keeps an imported list as its own data, ranked with its own items, and a repeated import replaces it', () => {
    const { m } = votedSwot();
    carry(m, 'note-staff-1');
    m.ok(FACILITATOR, source([{ label: 'Long waits', column: 'Weaknesses', dots: 9 }, { label: 'Partners', column: 'Opportunities', dots: 0 }]));
    expect(carriedIn(m.state, kinds).map(carriedLine)).toEqual([
      'Long waits (Weaknesses, from Data retreat, 9 dots)',
      'staff (Strengths, 1 dot)',
      'Partners (Opportunities, from Data retreat, 0 dots)',
    ]);
    m.ok(FACILITATOR, source([{ label: 'Turnover', column: 'Threats', dots: 4 }]));
    expect(m.state.carry.imports).toHaveLength(1);
    expect(m.state.carry.imports[0]?.items.map((i) => i.label)).toEqual(['Turnover']);
    m.ok(FACILITATOR, source([{ label: 'Budget', column: 'Threats', dots: 1 }], 's-other'));
    expect(m.state.carry.imports.map((i) => i.items[0]?.label)).toEqual(['Turnover', 'Budget']);
    // Participants and the board see the lists but not which session they came from.
    const shown = stateFor(m.state, { role: 'board' }).carry.imports;
    expect(shown.map((i) => [i.sessionId, i.title])).toEqual([['', 'Data retreat'], ['', 'Data retreat']]);
    const live = eventFor(m.events.at(-1)!, { role: 'participant', participantId: 'p-ana' });
    expect(live).toMatchObject({ type: 'carry.imported', import: { sessionId: '', title: 'Data retreat' } });
  });

  it('goes into the JSON export without the earlier session’s id, with the item setting', () => {
    const { m } = votedSwot();
    expect('imported' in toJsonExport(m.state, { scope: { kind: 'session' }, names: false, at: 2_000 })).toBe(false);
    m.ok(FACILITATOR, source([{ label: 'Long waits', column: 'Weaknesses', dots: 9 }]));
    const out = SessionExport.parse(toJsonExport(m.state, { scope: { kind: 'session' }, names: false, at: 2_000 }));
    expect(out.imported).toEqual([{ title: 'Data retreat', createdAt: new Date(5).toISOString(), items: [{ label: 'Long waits', column: 'Weaknesses', dots: 9 }] }]);
    expect(out.agenda.find((i) => i.id === 'prio')?.input).toBe('carried');
    expect(out.template?.items[1]?.input).toBe('carried');
    expect(JSON.stringify(out)).not.toContain('"s0"');
  });

  it('refuses an empty list, its own session, a missing import and anyone but the facilitator, changing nothing', () => {
    const m = new SessionModel([priorities]);
    const ana = m.join('p-ana');
    const before = m.state;
    expect(m.run(FACILITATOR, source([]))?.message).toBe('That session has no items marked to carry forward yet.');
    expect(m.run(FACILITATOR, source([{ label: 'x', column: 'y', dots: 1 }], 's1'))?.message).toBe('That is this session’s own code: use it in a later session.');
    expect(m.run(ana, source([{ label: 'x', column: 'y', dots: 1 }]))?.code).toBe('forbidden');
    expect(m.run(ana, { type: 'carry.import', payload: { from: { code: 's0.abc' } } })?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, { type: 'carry.import', payload: { from: { code: 's0.abc' } } })?.code).toBe('conflict');
    for (const importId of ['nope', 'constructor', '__proto__'])
      expect(m.run(FACILITATOR, { type: 'carry.removeImport', payload: { importId } })).toEqual({ code: 'not_found', message: 'That imported list is no longer there.' });
    expect(m.state).toBe(before);
  });

  it('removes an import, and at most ten earlier sessions fill one session', () => {
    const m = new SessionModel([priorities]);
    for (let n = 0; n < 10; n++) m.ok(FACILITATOR, source([{ label: `i${n}`, column: 'c', dots: n }], `s-${n}`));
    expect(m.run(FACILITATOR, source([{ label: 'more', column: 'c', dots: 1 }], 's-10'))?.message).toBe('A session can import from at most 10 earlier sessions.');
    m.ok(FACILITATOR, source([{ label: 'again', column: 'c', dots: 1 }], 's-3'));
    const gone = m.state.carry.imports[0]?.id ?? '';
    m.ok(FACILITATOR, { type: 'carry.removeImport', payload: { importId: gone } });
    expect(m.state.carry.imports).toHaveLength(9);
    expect(m.state.carry.imports.some((i) => i.id === gone)).toBe(false);
  });

  it('applies stored carry events that name nothing without throwing', () => {
    const m = new SessionModel([priorities]);
    const events = [
      { type: 'carry.importRemoved', importId: 'nope', seq: 99, at: 1 },
      { type: 'carry.importRemoved', importId: '__proto__', seq: 100, at: 1 },
    ] as const;
    expect(reduceOrSkip([...events], m.state, () => {}).carry.imports).toEqual([]);
  });
});

describe('the command schemas', () => {
  it('take a code or a session id with its key, and say what is wrong in our words', async () => {
    const p = await loadProtocol();
    const parse = (payload: unknown) => p.Command.safeParse({ id: 'cmd-123456', type: 'carry.import', payload });
    expect(parse({ from: { code: 'abc.def' } }).success).toBe(true);
    expect(parse({ from: { sessionId: 'abc', facilitatorKey: 'k' } }).success).toBe(true);
    expect(parse({ from: {} }).success).toBe(false);
    // No client sends the server's own command.
    const receive: CommandBody = source([{ label: 'x', column: 'y', dots: 1 }]);
    expect(p.Command.safeParse({ id: 'cmd-123456', ...receive }).success).toBe(false);
  });
});
