import { describe, expect, it } from 'vitest';
import { ecoMapOf, type Mark } from '../../shared/modules/ecomap/ecomap.state.js';
import type { Block } from '../../shared/report/model.js';
import { toMarkdown } from '../../shared/report/markdown.js';
import { buildReport } from '../../shared/report/session.js';
import { toCsv } from '../../shared/report/csv.js';
import { toJsonExport } from '../../shared/report/json.js';
import { SessionExport } from '../../shared/report/json.schema.js';
import { parseCsv } from '../support/csvParse.js';
import type { Actor } from '../../shared/session/permissions.js';
import { reportOptions } from '../support/reportDay.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

function mapDay() {
  const m = new SessionModel([{ ...agendaItem('eco', 'ecomap'), title: 'Agency partners', prompt: 'What additional partners should be added?' }]);
  const people = ['a', 'b', 'c'].map((p) => m.join(p));
  m.ok(FACILITATOR, { type: 'ecomap.setCentre', payload: { itemId: 'eco', centre: 'State child welfare agency' } });
  m.ok(FACILITATOR, { type: 'ecomap.addPartners', payload: { itemId: 'eco', names: ['Courts and judges', 'Youth', 'Tribes'] } });
  m.ok(FACILITATOR, { type: 'ecomap.setVote', payload: { itemId: 'eco', vote: 'open' } });
  const [courts, youth] = ecoMapOf(m.state, 'eco').order;
  const put = (who: Actor, partnerId: string, mark: Mark) => m.ok(who, { type: 'ecomap.mark', payload: { itemId: 'eco', partnerId, mark } });
  put(people[0]!, courts!, 'green');
  put(people[1]!, courts!, 'green');
  put(people[2]!, courts!, 'red');
  put(people[0]!, youth!, 'yellow');
  put(people[1]!, youth!, 'red');
  m.ok(FACILITATOR, { type: 'ecomap.plan', payload: { itemId: 'eco', partnerId: courts!, how: 'Court improvement project', who: 'Judge Ortiz', when: 'March' } });
  return m;
}

const blocksOf = (m: SessionModel): Block[] => buildReport(m.state, reportOptions(false)).sections.find((s) => s.title === 'Agency partners')!.blocks;

describe('the eco-map report section', () => {
  it('prints the prompt, the map, the results table and the plan grouped by consensus colour', () => {
    const m = mapDay();
    m.ok(FACILITATOR, { type: 'ecomap.showResults', payload: { itemId: 'eco', shown: true } });
    const blocks = blocksOf(m);
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: 'What additional partners should be added?' });
    const map = blocks.find((b) => b.kind === 'ecomap');
    expect(map).toMatchObject({ centre: 'State child welfare agency' });
    expect(map?.kind === 'ecomap' && map.partners.map((p) => [p.name, p.consensus, p.split])).toEqual([
      ['Courts and judges', 'green', false],
      ['Youth', null, true],
      ['Tribes', null, false],
    ]);
    const tables = blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(tables[0]!.rows[0]).toEqual(['Courts and judges', 'Courts', 'External', '2', '0', '1', '0', '3', 'Green', '']);
    expect(tables[0]!.rows[1]).toEqual(['Youth', 'Youth', 'External', '0', '1', '1', '0', '2', 'None (a tie)', 'Split']);
    const headings = blocks.filter((b) => b.kind === 'heading' && b.level === 3).map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toEqual(['Green: Keeping positive involvement', 'Room split', 'Not marked']);
    expect(tables[1]!.rows).toEqual([['Courts and judges', 'Court improvement project', 'Judge Ortiz', 'March']]);
    const md = toMarkdown(buildReport(m.state, reportOptions(false)));
    expect(md).toContain('Court improvement project');
    expect(md).toContain('Room split');
  });

  it('leaves the counts out while the results were never shown to the room', () => {
    const blocks = blocksOf(mapDay());
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'The results were not shown to the room, so the report leaves them out.', tone: 'muted' });
    const map = blocks.find((b) => b.kind === 'ecomap');
    expect(map?.kind === 'ecomap' && map.partners.every((p) => p.counts.green + p.counts.red + p.counts.yellow === 0)).toBe(true);
    expect(JSON.stringify(blocks)).not.toContain('"2"');
  });

  it('says so when the map has no partners', () => {
    const m = new SessionModel([{ ...agendaItem('eco', 'ecomap'), title: 'Agency partners' }]);
    expect(blocksOf(m)).toEqual([{ kind: 'paragraph', text: 'No partners were added to the map.' }]);
  });

  it('the JSON and CSV exports hold the partners, the counts once shown and the plan, never who marked what', () => {
    const m = mapDay();
    const exported = () => SessionExport.parse(JSON.parse(JSON.stringify(toJsonExport(m.state, reportOptions(true))))).items[0]!.ecomap!;
    const rows = () => parseCsv(toCsv(m.state, reportOptions(true))).filter((r) => r[1] === 'ecomap');
    expect(exported().partners[0]).toEqual({
      name: 'Courts and judges',
      category: 'Courts',
      side: 'external',
      counts: null,
      consensus: null,
      split: false,
      plan: { how: 'Court improvement project', who: 'Judge Ortiz', when: 'March' },
    });
    expect(rows().some((r) => r[2] === 'marks')).toBe(false);
    m.ok(FACILITATOR, { type: 'ecomap.showResults', payload: { itemId: 'eco', shown: true } });
    expect(exported()).toMatchObject({ centre: 'State child welfare agency', vote: 'open', resultsShown: true, markers: 3 });
    expect(exported().partners[0]).toMatchObject({ counts: { green: 2, yellow: 0, red: 1, none: 0 }, consensus: 'green', split: false });
    expect(exported().partners[1]).toMatchObject({ consensus: null, split: true });
    const csv = rows();
    expect(csv).toContainEqual(['Agency partners', 'ecomap', 'marks', 'Green', '', 'Courts and judges', '2', '', '']);
    expect(csv).toContainEqual(['Agency partners', 'ecomap', 'consensus', 'Split', '', 'Youth', 'None (a tie)', '', '']);
    expect(csv).toContainEqual(['Agency partners', 'ecomap', 'plan', 'Who', '', 'Courts and judges', 'Judge Ortiz', '', '']);
    // Names on, and still nobody's mark: the participants' ids and names are in no eco-map row.
    for (const id of ['a', 'b', 'c']) expect(csv.flat()).not.toContain(id);
  });
});
