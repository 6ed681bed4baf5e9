import { describe, expect, it } from 'vitest';
import { targetKey } from '../../shared/modules/flow/flow.logic.js';
import { targetOf } from '../../shared/modules/flow/flow.report.js';
import type { Block, ReportDoc } from '../../shared/report/model.js';
import { buildReport, ReportError } from '../../shared/report/session.js';
import { toCsv } from '../../shared/report/csv.js';
import { toJsonExport } from '../../shared/report/json.js';
import { FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { advanceTo, DAY, DAY_AGENDA, item, NAMES, reportDay, reportOptions } from '../support/reportDay.js';

const section = (doc: ReportDoc, title: string): Block[] => {
  const s = doc.sections.find((x) => x.title === title);
  if (!s) throw new Error(`no section "${title}" in ${doc.sections.map((x) => x.title).join(', ')}`);
  return s.blocks;
};
const ofKind = <K extends Block['kind']>(blocks: Block[], kind: K): Extract<Block, { kind: K }>[] =>
  blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const after = (blocks: Block[], heading: string): Block[] => blocks.slice(blocks.findIndex((b) => b.kind === 'heading' && b.text === heading) + 1);

describe('the whole-session report', () => {
  const { m } = reportDay();
  const doc = buildReport(m.state, reportOptions(false, { kind: 'session' }, { facilitator: 'Dana Whitfield' }));

  it('has a title page with the date, facilitator, participants and notes', () => {
    expect(doc.title).toBe('Retreat');
    expect(doc.subtitle).toBe('25 November 2026');
    expect(doc.facts).toEqual(
      expect.arrayContaining([
        ['Date', '25 November 2026'],
        ['Facilitator', 'Dana Whitfield'],
        ['Participants', '3'],
        ['Notes', '11'],
        ['Status', 'In progress'],
      ]),
    );
  });

  it('prints dates in the time zone asked for, and in UTC for a zone that does not exist', () => {
    const late = new SessionModel(DAY_AGENDA(), Date.UTC(2026, 10, 26, 3, 0)).state;
    expect(buildReport(late, reportOptions(false, { kind: 'session' }, { timeZone: 'America/Chicago' })).subtitle).toBe('25 November 2026');
    expect(buildReport(late, reportOptions(false)).subtitle).toBe('26 November 2026');
    expect(buildReport(late, reportOptions(false, { kind: 'session' }, { timeZone: 'Mars/Olympus' })).subtitle).toBe('26 November 2026');
  });

  it('lists the agenda with planned minutes, time on the item and the timer\'s time; "not timed" for items whose timer never ran', () => {
    const [table] = ofKind(section(doc, 'Agenda'), 'table');
    expect(table!.columns).toEqual(['Item', 'Kind', 'Planned (min)', 'On the item (min)', 'Timer ran (min)']);
    expect(table!.rows).toEqual([
      ['Welcome and purpose', 'Presentation', '30', '12', '12'],
      // The room is still on the note board when the report is made, six hours into the day; its timer never ran.
      ['Hopes for the day', 'Note board', '30', '348', 'not timed'],
      ['SWOT analysis', 'SWOT analysis', '30', 'not visited', 'not timed'],
      ['Preferred future', 'Vision retreat', '30', 'not visited', 'not timed'],
      ['Next steps', 'Discussion', '30', 'not visited', 'not timed'],
    ]);
    expect(doc.sections.map((s) => s.title)).toEqual(['Agenda', ...DAY_AGENDA().map((i) => i.title)]);
  });

  it('counts the run of a timer still going when the report is made', () => {
    const live = new SessionModel(DAY_AGENDA(), DAY);
    live.ok(FACILITATOR, { type: 'timer.start', payload: {} });
    const rows = (at: number) => ofKind(section(buildReport(live.state, reportOptions(false, { kind: 'session' }, { at })), 'Agenda'), 'table')[0]!.rows;
    expect(rows(DAY + 20_000)[0]![3]).toBe('under 1');
    expect(rows(DAY + 7 * 60_000 + 40_000)[0]![3]).toBe('8');
  });

  it('prints a presentation as its prompt, and a board as its notes by column', () => {
    expect(section(doc, 'Welcome and purpose')).toEqual([{ kind: 'paragraph', text: 'Where are we now?' }]);
    expect(section(doc, 'Hopes for the day')).toEqual([
      { kind: 'heading', level: 3, text: 'Notes' },
      { kind: 'list', items: ['More laptops for caseworkers', 'A shared calendar with the courts', 'Bring the data dashboard'] },
    ]);
    expect(section(doc, 'Next steps')).toEqual([{ kind: 'paragraph', text: 'No notes were posted.' }]);
  });

  it('prints the data cards as a table and the SWOT grid with each quadrant ranked by dots', () => {
    const swot = section(doc, 'SWOT analysis');
    expect(ofKind(swot, 'table')[0]).toMatchObject({
      columns: ['Figure', 'Value', 'Note'],
      rows: [
        ['Children in care', '1,204', 'FY2025'],
        ['Timely permanency', '38%', 'within 12 months'],
      ],
    });
    const [grid] = ofKind(swot, 'grid2x2');
    expect(grid!.cells.map((c) => [c.title, c.unit, c.entries.map((e) => `${e.text}: ${e.count}`)])).toEqual([
      ['Strengths', 'dots', ['Court partnerships: 4', 'Committed foster families: 2']],
      ['Weaknesses', 'dots', ['Caseloads are high: 2', 'Staff turnover: 1']],
      ['Opportunities', 'dots', ['New federal funding: 1']],
      ['Threats', 'dots', ['Budget cuts: 1']],
    ]);
  });

  it('lists each group with its notes and dots, and the carried-forward items in the order marked', () => {
    const swot = section(doc, 'SWOT analysis');
    expect(after(swot, 'Court partnerships (Strengths, 4 dots)')[0]).toEqual({
      kind: 'list',
      items: ['Strong court partnership', 'Judges attend the quarterly meetings'],
    });
    expect(after(swot, 'Carried forward')[0]).toEqual({
      kind: 'list',
      ordered: true,
      items: ['Court partnerships (Strengths, 4 dots)', 'Caseloads are high (Weaknesses, 2 dots)'],
    });
  });

  it('prints the vision: context, carried items, the final statement, every fist-to-five round and the crosswalk', () => {
    const v = section(doc, 'Preferred future');
    expect(after(v, 'Mission, vision and values')[0]).toEqual({
      kind: 'facts',
      pairs: [
        ['Mission', 'Every child safe'],
        ['Vision', 'Strong families, strong communities'],
        ['Values', 'Respect; partnership'],
      ],
    });
    expect(after(v, 'Carried forward from the SWOT')[0]).toEqual({
      kind: 'list',
      items: ['Court partnerships (Strengths, 4 dots)', 'Caseloads are high (Weaknesses, 2 dots)', 'Data-driven decisions'],
    });
    expect(after(v, 'Preferred future statement')[0]).toMatchObject({
      kind: 'quote',
      text: 'Every child safe, thriving and connected to family',
      attribution: expect.stringMatching(/^Final, 25 November 2026, \d\d:\d\d$/),
    });
    expect(ofKind(v, 'bars').map((b) => b.bars.map((x) => x.value))).toEqual([
      [0, 0, 1, 1, 1, 0],
      [0, 0, 0, 0, 2, 1],
    ]);
    expect(ofKind(v, 'bars')[0]!.bars.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(ofKind(v, 'heading').filter((h) => h.level === 3 && h.text.startsWith('Round')).map((h) => h.text)).toEqual(['Round 1', 'Round 2 (final)']);
    expect(v).toContainEqual({ kind: 'paragraph', text: '3 answers, average 4.3.', tone: 'muted' });
    const [crosswalk] = ofKind(v, 'table');
    expect(crosswalk!.columns).toEqual(['Outcome', 'Directly incorporated', 'Expounds on', 'Conflicts with', 'Goes beyond']);
    expect(crosswalk!.rows).toHaveLength(7);
    expect(crosswalk!.rows[0]).toEqual(['S1 Children are, first and foremost, protected from abuse and neglect.', '1', '1', '0', '0']);
    expect(crosswalk!.rows.find((r) => r[0]!.startsWith('P2'))!.slice(1)).toEqual(['0', '0', '1', '0']);
    expect(crosswalk!.rows.find((r) => r[0]!.startsWith('WB3'))!.slice(1)).toEqual(['0', '0', '0', '1']);
  });
});

describe('names', () => {
  const { m } = reportDay();
  const all = (names: boolean): string =>
    JSON.stringify(buildReport(m.state, reportOptions(names))) + toCsv(m.state, reportOptions(names)) + JSON.stringify(toJsonExport(m.state, reportOptions(names)));

  it('prints no participant name anywhere with names off: not in the document, the CSV or the JSON', () => {
    const text = all(false);
    for (const name of NAMES) for (const part of name.split(' ')) expect(text).not.toContain(part);
  });

  it('with names on, a board note carries its author, and a brainstorm note never does', () => {
    const doc = buildReport(m.state, reportOptions(true));
    expect(ofKind(section(doc, 'Hopes for the day'), 'list')[0]!.items).toEqual([
      'More laptops for caseworkers (José Núñez)',
      'A shared calendar with the courts (Ana Pérez)',
      'Bring the data dashboard (Facilitator)',
    ]);
    expect(JSON.stringify(section(doc, 'SWOT analysis'))).not.toMatch(/José|Ana|Zoë/);
    const text = all(true);
    for (const name of NAMES) expect(text).toContain(name);
  });
});

describe('one item, one group', () => {
  const { m, groupId } = reportDay();

  it('an item report is that item\'s section alone, its title page naming the item', () => {
    const doc = buildReport(m.state, reportOptions(false, { kind: 'item', itemId: 'swot' }));
    expect(doc.sections.map((s) => s.title)).toEqual(['SWOT analysis']);
    expect(doc.subtitle).toBe('SWOT analysis · 25 November 2026');
    expect(doc.facts).toEqual(expect.arrayContaining([['Agenda item', 'SWOT analysis'], ['Notes', '7']]));
    expect(doc.sections[0]!.blocks).toEqual(buildReport(m.state, reportOptions(false)).sections.find((s) => s.title === 'SWOT analysis')!.blocks);
  });

  it('a group report is that cluster: where it sits, its notes and its dots', () => {
    const doc = buildReport(m.state, reportOptions(false, { kind: 'group', itemId: 'swot', groupId }));
    expect(doc.sections).toEqual([
      {
        title: 'Court partnerships',
        blocks: [
          {
            kind: 'facts',
            pairs: [
              ['Agenda item', 'SWOT analysis'],
              ['Column', 'Strengths'],
              ['Notes', '2'],
              ['Dots', '4'],
              ['Carried forward', 'Yes'],
            ],
          },
          { kind: 'list', items: ['Strong court partnership', 'Judges attend the quarterly meetings'] },
        ],
      },
    ]);
    expect(doc.subtitle).toBe('Court partnerships · SWOT analysis · 25 November 2026');
  });

  it('refuses an item or group that does not exist with a ReportError and our sentence', () => {
    const refused = (scope: Parameters<typeof reportOptions>[1]) => {
      try {
        buildReport(m.state, reportOptions(false, scope));
      } catch (e) {
        return e instanceof ReportError ? e.message : `not a ReportError: ${String(e)}`;
      }
      return 'built';
    };
    expect(refused({ kind: 'item', itemId: 'gone' })).toBe('That agenda item is not in this session.');
    expect(refused({ kind: 'item', itemId: 'constructor' })).toBe('That agenda item is not in this session.');
    expect(refused({ kind: 'group', itemId: 'swot', groupId: 'gone' })).toBe('That group is not in this agenda item.');
    expect(refused({ kind: 'group', itemId: 'swot', groupId: '__proto__' })).toBe('That group is not in this agenda item.');
    expect(refused({ kind: 'group', itemId: 'hopes', groupId })).toBe('That group is not in this agenda item.');
    expect(refused({ kind: 'group', itemId: 'vision', groupId })).toBe('That group is not in this agenda item.');
  });
});

describe('empty and unfinished modules', () => {
  it('say so in a sentence, never with an empty table or grid', () => {
    const m = new SessionModel(DAY_AGENDA(), DAY);
    const doc = buildReport(m.state, reportOptions(false));
    const blocks = doc.sections.flatMap((s) => s.blocks);
    expect(ofKind(blocks, 'table').map((t) => t.rows.length)).toEqual([5]); // the agenda alone
    expect(ofKind(blocks, 'grid2x2')).toEqual([]);
    expect(ofKind(blocks, 'bars')).toEqual([]);
    const sentences = ofKind(blocks, 'paragraph').map((p) => p.text);
    expect(sentences).toEqual(
      expect.arrayContaining([
        'No notes were posted.',
        'No data cards were added.',
        'No mission, vision or values were entered.',
        'Nothing was carried forward.',
        'No statement was drafted.',
        'The statement was not put to a fist-to-five.',
      ]),
    );
    expect(doc.facts).toEqual(expect.arrayContaining([['Participants', '0'], ['Notes', '0']]));
  });

  it('keeps brainstorm notes private until they are revealed, and prints no ranking while the vote is open', () => {
    const m = new SessionModel(DAY_AGENDA(), DAY);
    const ana = m.join('ana', 'Ana Pérez');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'Budget cuts' } }, 'note-bc-xyz');
    let swot = section(buildReport(m.state, reportOptions(true)), 'SWOT analysis');
    expect(JSON.stringify(swot)).not.toContain('Budget cuts');
    expect(swot).toContainEqual({ kind: 'paragraph', text: 'The silent brainstorm is under way: 1 note so far. They are listed here once they are revealed.' });
    advanceTo(m, 'swot', 'vote');
    m.ok(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'note-bc-xyz' }, delta: 1 } });
    swot = section(buildReport(m.state, reportOptions(false)), 'SWOT analysis');
    expect(ofKind(swot, 'grid2x2')[0]!.cells.map((c) => c.unit)).toEqual([undefined, undefined, undefined, undefined]);
    expect(ofKind(swot, 'grid2x2')[0]!.cells[3]!.entries).toEqual([{ text: 'Budget cuts', count: 0 }]);
    expect(swot).toContainEqual({ kind: 'paragraph', text: 'The dot vote is open: the ranking is printed once the results are in.', tone: 'muted' });
    expect(ofKind(swot, 'facts')[0]!.pairs).toContainEqual(['Dots placed', '1']);
  });

  it('prints a brainstorm as notes by column and clusters before the results, and ranked with group notes after', () => {
    const m = new SessionModel([{ ...DAY_AGENDA()[3]!, columns: ['Phrases', 'Questions'] }], DAY);
    const jose = m.join('jose', 'José Núñez');
    m.ok(jose, { type: 'note.add', payload: { itemId: 'vision', column: 'Phrases', text: 'Safe at home' } }, 'note-a-xyz');
    m.ok(jose, { type: 'note.add', payload: { itemId: 'vision', column: 'Phrases', text: 'With family' } }, 'note-b-xyz');
    advanceTo(m, 'vision', 'cluster');
    m.ok(jose, { type: 'flow.group', payload: { noteId: 'note-b-xyz', onto: { kind: 'note', id: 'note-a-xyz' } } });
    let v = section(buildReport(m.state, reportOptions(true)), 'Preferred future');
    expect(after(v, 'Notes by column').slice(0, 4)).toEqual([
      { kind: 'heading', level: 3, text: 'Phrases' },
      { kind: 'list', items: ['Safe at home', 'With family'] },
      { kind: 'heading', level: 3, text: 'Questions' },
      { kind: 'paragraph', text: 'No notes were posted.', tone: 'muted' },
    ]);
    expect(after(v, 'Clusters').slice(0, 2)).toEqual([
      { kind: 'heading', level: 3, text: 'Safe at home / With family (Phrases)' },
      { kind: 'list', items: ['Safe at home', 'With family'] },
    ]);
    advanceTo(m, 'vision', 'results');
    v = section(buildReport(m.state, reportOptions(true)), 'Preferred future');
    expect(after(v, 'Ranked results').slice(0, 2)).toEqual([
      { kind: 'heading', level: 3, text: 'Phrases' },
      { kind: 'ranked', unit: 'dots', entries: [{ text: 'Safe at home / With family', count: 0, detail: ['Safe at home', 'With family'] }] },
    ]);
    expect(JSON.stringify(v)).not.toContain('Clusters');
  });
});

describe('vote target keys', () => {
  it('read back to the target they were made from', () => {
    for (const t of [
      { kind: 'note', id: 'note-s1-xyz' },
      { kind: 'group', id: 'g:with:colons' },
    ] as const)
      expect(targetOf(targetKey(t))).toEqual(t);
  });
});

describe('less common shapes', () => {
  it('a presentation without a prompt, an empty agenda and an ended session each say so', () => {
    const m = new SessionModel([item('p', 'presentation', 'Opening')], DAY);
    expect(section(buildReport(m.state, reportOptions(false)), 'Opening')).toEqual([
      { kind: 'paragraph', text: 'A presentation: nothing was collected from the room.', tone: 'muted' },
    ]);
    m.now = DAY + 90 * 60_000;
    m.ok(FACILITATOR, { type: 'session.end', payload: {} });
    expect(buildReport(m.state, reportOptions(false)).facts).toContainEqual(['Status', 'Ended 25 November 2026, 16:30']);
    const empty = buildReport(new SessionModel([], DAY).state, reportOptions(false));
    expect(empty.sections).toEqual([{ title: 'Agenda', blocks: [{ kind: 'paragraph', text: 'The agenda has no items.' }] }]);
  });

  it('a SWOT whose columns are not four quadrants prints ranked lists instead of a grid', () => {
    const m = new SessionModel([item('s', 'swot', 'Three ways', '', ['Keep', 'Stop', 'Start'])], DAY);
    const ana = m.join('ana', 'Ana Pérez');
    m.ok(ana, { type: 'note.add', payload: { itemId: 's', column: 'Stop', text: 'Double data entry' } });
    advanceTo(m, 's', 'results');
    const blocks = section(buildReport(m.state, reportOptions(false)), 'Three ways');
    expect(ofKind(blocks, 'grid2x2')).toEqual([]);
    expect(after(blocks, 'Stop')[0]).toEqual({ kind: 'ranked', unit: 'dots', entries: [{ text: 'Double data entry', count: 0 }] });
    expect(after(blocks, 'Keep')[0]).toEqual({ kind: 'paragraph', text: 'No notes were posted.', tone: 'muted' });
  });

  it('a vision with a draft not yet final, a round nobody answered, and its own carried phrases', () => {
    const m = new SessionModel([item('v', 'vision', 'Vision')], DAY);
    const ana = m.join('ana', 'Ana Pérez');
    m.ok(FACILITATOR, { type: 'vision.setContext', payload: { itemId: 'v', mission: 'Protect children', vision: '', values: ' ', pastedCarried: ['  '] } });
    m.ok(ana, { type: 'note.add', payload: { itemId: 'v', column: 'Preferred future', text: 'Safe at home' } }, 'note-sah-xyz');
    advanceTo(m, 'v', 'results');
    m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'v', target: { kind: 'note', id: 'note-sah-xyz' }, carried: true } });
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'Safe at home' } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } });
    const v = section(buildReport(m.state, reportOptions(false)), 'Vision');
    expect(after(v, 'Mission, vision and values')[0]).toEqual({ kind: 'facts', pairs: [['Mission', 'Protect children']] });
    // The vision's own carried phrase is listed under its results, not as carried in from the SWOT.
    expect(after(v, 'Carried forward from the SWOT')[0]).toEqual({ kind: 'paragraph', text: 'Nothing was carried forward.' });
    expect(after(v, 'Carried forward')[0]).toEqual({ kind: 'list', ordered: true, items: ['Safe at home (Preferred future, 0 dots)'] });
    expect(after(v, 'Preferred future statement')[0]).toEqual({ kind: 'quote', text: 'Safe at home', attribution: 'Draft, not final yet' });
    expect(after(v, 'Round 1')).toContainEqual({ kind: 'paragraph', text: 'Nobody answered.', tone: 'muted' });
  });
});
