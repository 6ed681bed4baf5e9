import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { csvField, toCsv } from '../../shared/report/csv.js';
import { ReportError } from '../../shared/report/format.js';
import { reduce } from '../../shared/modules/registry.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { allNotes } from '../../shared/session/notes.js';
import { parseCsv } from '../support/csvParse.js';
import { DAY, item, reportDay, reportOptions } from '../support/reportDay.js';
import { FACILITATOR, SessionModel } from '../support/sessionModel.js';

/** The CSV as records keyed by its header. */
const read = (csv: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('the CSV export', () => {
  const { m, groupId } = reportDay();

  it('has a header row, and an author column only with names on', () => {
    expect(parseCsv(toCsv(m.state, reportOptions(false)))[0]).toEqual(['item', 'module', 'kind', 'column', 'group', 'text', 'value', 'time']);
    expect(parseCsv(toCsv(m.state, reportOptions(true)))[0]).toEqual(['item', 'module', 'kind', 'column', 'group', 'text', 'value', 'author', 'time']);
  });

  it('says on every row of a rehearsal that it is one, names or not (a real session has no such column)', () => {
    for (const names of [false, true]) {
      const [header, ...rows] = parseCsv(toCsv({ ...m.state, rehearsal: true }, reportOptions(names)));
      expect(header?.at(-1)).toBe('rehearsal');
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.at(-1)).toBe('Rehearsal: simulated participants, not a real session');
    }
    expect(parseCsv(toCsv(m.state, reportOptions(false)))[0]).not.toContain('rehearsal');
  });

  it('has one row per note and per voter and target, whose counts add up to every dot placed', () => {
    const rows = read(toCsv(m.state, reportOptions(false)));
    const notes = rows.filter((r) => r.kind === 'note');
    expect(notes).toHaveLength(allNotes(m.state).length);
    expect(new Set(notes.map((r) => r.text))).toEqual(new Set(allNotes(m.state).map((n) => n.text)));
    const dots = rows.filter((r) => r.kind === 'dot');
    expect(dots).toHaveLength(8); // jose on 3 targets, ana 2, zoe 2, one proxy
    const pairs = Object.values(flowOf(m.state, 'swot').dots).flatMap((byTarget) => Object.keys(byTarget));
    expect(dots).toHaveLength(pairs.length);
    expect(dots.reduce((sum, r) => sum + Number(r.value), 0)).toBe(11);
    expect(dots.find((r) => r.group === 'Court partnerships' && r.value === '3')).toMatchObject({
      item: 'SWOT analysis',
      module: 'swot',
      column: 'Strengths',
      text: 'Court partnerships',
      time: '',
    });
    expect(notes.find((r) => r.text === 'Judges attend the quarterly meetings')).toMatchObject({
      column: 'Strengths',
      group: 'Court partnerships',
      time: new Date(DAY + 12 * 60_000).toISOString(),
    });
  });

  it('has one row per fist-to-five answer and per crosswalk rating', () => {
    const rows = read(toCsv(m.state, reportOptions(false)));
    expect(rows.filter((r) => r.kind === 'answer').map((r) => `${r.column}: ${r.value}`)).toEqual([
      'Round 1: 3',
      'Round 1: 2',
      'Round 1: 4',
      'Round 2: 4',
      'Round 2: 5',
      'Round 2: 4',
    ]);
    expect(rows.filter((r) => r.kind === 'rating').map((r) => `${r.column} ${r.value}`)).toEqual([
      'S1 Directly incorporated',
      'P2 Conflicts with',
      'S1 Expounds on',
      'WB3 Goes beyond',
    ]);
  });

  it('names voters, proxies and board authors with names on, never brainstorm authors', () => {
    const rows = read(toCsv(m.state, reportOptions(true)));
    expect(rows.find((r) => r.kind === 'dot' && r.author === 'Marisol Quintanilla')).toMatchObject({ text: 'Caseloads are high', value: '1' });
    expect(rows.find((r) => r.text === 'More laptops for caseworkers')!.author).toBe('José Núñez');
    expect(rows.filter((r) => r.kind === 'note' && r.module === 'swot').map((r) => r.author)).toEqual(Array(7).fill(''));
    expect(rows.filter((r) => r.kind === 'answer').map((r) => r.author)).toContain('Zoë Brontë');
  });

  it('covers one item or one group when asked, and refuses ones that do not exist', () => {
    const item = read(toCsv(m.state, reportOptions(false, { kind: 'item', itemId: 'hopes' })));
    expect(item.map((r) => r.text)).toEqual(['More laptops for caseworkers', 'A shared calendar with the courts', 'Bring the data dashboard']);
    const group = read(toCsv(m.state, reportOptions(false, { kind: 'group', itemId: 'swot', groupId })));
    expect(group.map((r) => `${r.kind} ${r.text} ${r.value}`)).toEqual([
      'note Strong court partnership ',
      'note Judges attend the quarterly meetings ',
      'dot Court partnerships 3',
      'dot Court partnerships 1',
    ]);
    expect(() => toCsv(m.state, reportOptions(false, { kind: 'item', itemId: 'gone' }))).toThrow(ReportError);
    expect(() => toCsv(m.state, reportOptions(false, { kind: 'group', itemId: 'swot', groupId: 'toString' }))).toThrow('That group is not in this agenda item.');
  });

  it('keeps the notes of an item removed from the agenda', () => {
    const removed = new SessionModel([item('a', 'board', 'Board A'), item('b', 'board', 'Board B')], DAY);
    removed.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 'b', column: 'Notes', text: 'Still here' } });
    removed.ok(FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'b' } });
    expect(read(toCsv(removed.state, reportOptions(false)))).toEqual([expect.objectContaining({ item: 'b', kind: 'note', text: 'Still here' })]);
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas with an apostrophe', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('one\nline')).toBe('"one\nline"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('1-2')).toBe('1-2');
  });

  it('reads back to the same fields for any note text and author name (commas, quotes, line breaks, unicode)', () => {
    const tricky = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', '=', '-', '@', 'a', 'ñ', '😀', ' '), minLength: 1, maxLength: 20 }),
    );
    fc.assert(
      fc.property(tricky.filter((t) => t.trim().length > 0), tricky, (text, name) => {
        const m = new SessionModel([item('b', 'board', 'Board, "quoted"\nitem')], DAY);
        const who = m.join('p', name);
        m.ok(who, { type: 'note.add', payload: { itemId: 'b', column: 'Notes', text } });
        const [row] = read(toCsv(m.state, reportOptions(true)));
        const defused = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        expect(row).toEqual({
          item: 'Board, "quoted"\nitem',
          module: 'board',
          kind: 'note',
          column: 'Notes',
          group: '',
          text: defused(text),
          value: '',
          author: defused(name),
          time: new Date(DAY).toISOString(),
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('a rehearsal’s CSV', () => {
  it('says in its first row that it is a rehearsal, with names off too; a real session’s has no such row', () => {
    const events: SessionEvent[] = [
      { type: 'session.created', id: 's', title: 'Practice', joinCode: 'ABCDEF', agenda: [item('b', 'board', 'Board')], rehearsal: true, seq: 1, at: DAY },
      { type: 'participant.joined', participantId: 'p1', name: 'Sim One', simulated: true, seq: 2, at: DAY },
      { type: 'participant.joined', participantId: 'p2', name: 'Sim Two', simulated: true, seq: 3, at: DAY },
    ];
    for (const names of [false, true]) {
      const [first] = read(toCsv(reduce(events), reportOptions(names)));
      expect(first).toMatchObject({ kind: 'rehearsal', text: 'Rehearsal: simulated participants, not a real session', value: '2 simulated' });
    }
    const real = events.map((e) => (e.type === 'session.created' ? { ...e, rehearsal: undefined } : e));
    expect(read(toCsv(reduce(real), reportOptions(false))).filter((r) => r.kind === 'rehearsal')).toEqual([]);
  });
});
