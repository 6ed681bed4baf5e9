import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MARK_LABELS } from '../../shared/modules/ecomap/ecomap.state.js';
import { renderPdf, type ReportFonts } from '../../shared/report/pdf.js';
import { loadReportFonts } from '../../server/reportFonts.js';
import { tempDir } from '../support/harness.js';
import { chartsDoc, partners, VALUE_ROWS } from '../support/reportCharts.js';

const dir = tempDir('ft-charts-');
const SAMPLES = path.resolve('test-results/report');
const run = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
const squash = (s: string): string => s.replace(/\s+/g, ' ');

let fonts: ReportFonts;
let file: string;
let pages: string[];
let raw: string;

beforeAll(async () => {
  fonts = await loadReportFonts();
  file = path.join(dir, 'charts.pdf');
  fs.writeFileSync(file, renderPdf(chartsDoc(), { fonts, paper: 'letter' }));
  pages = run('pdftotext', '-layout', file, '-').split('\f').slice(0, -1);
  raw = squash(run('pdftotext', '-raw', file, '-'));
  // Samples to look at (pdftoppm -r 60 -png), kept out of git like the end-to-end screenshots.
  fs.mkdirSync(SAMPLES, { recursive: true });
  fs.copyFileSync(file, path.join(SAMPLES, 'report-charts.pdf'));
});

/** The pages of a section (its first line is its title, or its title "(continued)"), as one text. */
const sectionPages = (title: string): string[] => pages.filter((p) => p.trimStart().startsWith(title));
const pageOf = (title: string): string => sectionPages(title).join('\n');

describe('the paired bars in the PDF', () => {
  it('prints the legend, the scale, each value with both figures and its note, and "not answered" for none', () => {
    const page = pageOf('Core values survey');
    expect(page).toMatch(/Importance\s+Practice/);
    expect(page).toMatch(/1\s+2\s+3\s+4\s+5/);
    expect(page).toMatch(/Respect\s+4\.8\s+gap 1\.7\n\s*3\.1/);
    expect(raw).toContain('Safety first: every child safe, every family supported to stay together whenever it can be done safely');
    expect(page).toMatch(/Innovation\s+1\.0\n\s*not answered/);
    expect(page).toMatch(/Compassion\s+not answered\n\s*not answered/);
    for (const r of VALUE_ROWS) if (r.note) expect(page).toContain(r.note);
  });

  it('never splits a row across pages, and repeats the legend on each page it runs onto', () => {
    const long = sectionPages('A long survey');
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= 30; i++) {
      const holding = long.filter((p) => new RegExp(`Value ${i}:`).test(p));
      expect(holding).toHaveLength(1);
      // The row's figures and note are on the page that holds its label.
      expect(holding[0]).toContain(`gap ${(((i - 1) * 4) % 40 / 10).toFixed(1)}`);
    }
    for (const p of long) expect(p).toMatch(/Importance\s+Practice/);
  });
});

describe('the eco-map in the PDF', () => {
  it('prints the centre, every partner (40 of them), the counts and "(split)" where the room split', () => {
    const page = pageOf('Eco-map of forty');
    expect(squash(page)).toMatch(/Department of .*Children and .*Family Services/);
    for (const p of partners(40)) {
      const words = p.name.split(' ');
      // Each partner's name, wrapped (a long one cut with an ellipsis after its first words).
      expect(raw).toContain(words.slice(0, 2).join(' ').replace(/,$/, ''));
    }
    const five = squash(pageOf('Eco-map of five'));
    expect(five).toContain('Tribes (split)');
    expect(five).toMatch(/Courts and judges 0 3 7 2/);
  });

  it("prints the legend with the seed's meanings under every map", () => {
    for (const title of ['Eco-map of five', 'Eco-map of twelve', 'Eco-map of forty']) {
      const page = squash(pageOf(title));
      for (const m of Object.values(MARK_LABELS)) expect(page).toContain(`${m.name}: ${m.meaning}`);
      expect(page).toContain('no mark has more than half');
    }
  });

  it('fits each map with its legend on one A4 page too', () => {
    const a4 = path.join(dir, 'charts-a4.pdf');
    fs.writeFileSync(a4, renderPdf(chartsDoc(), { fonts, paper: 'a4' }));
    const a4Pages = run('pdftotext', '-layout', a4, '-').split('\f');
    for (const title of ['Eco-map of five', 'Eco-map of twelve', 'Eco-map of forty']) {
      const own = a4Pages.filter((p) => p.trimStart().startsWith(title));
      expect(own).toHaveLength(1);
      expect(own[0]).toContain('Keeping positive involvement');
    }
  });

  it('keeps each map with its legend on one page, and its section title with it', () => {
    for (const title of ['Eco-map of five', 'Eco-map of twelve', 'Eco-map of forty']) {
      const [first, ...more] = sectionPages(title);
      expect(first).toContain('Keeping positive involvement');
      expect(more).toEqual([]);
    }
  });

  it('says so when the map has no partners, and draws an unmarked map without empty marks', () => {
    const empty = path.join(dir, 'empty.pdf');
    const unmarked = partners(3).map((p) => ({ ...p, counts: { green: 0, yellow: 0, red: 0, none: 0 }, consensus: null, split: false }));
    const doc = { version: 1 as const, title: 'Empty', facts: [], sections: [{ title: 'Maps', blocks: [{ kind: 'ecomap' as const, centre: 'Agency', partners: [] }, { kind: 'ecomap' as const, centre: 'Agency', partners: unmarked }] }] };
    fs.writeFileSync(empty, renderPdf(doc, { fonts, paper: 'letter' }));
    const text = squash(run('pdftotext', '-raw', empty, '-'));
    expect(text).toContain('No partners on the map.');
    expect(text).toContain('Courts and judges');
    expect(text).not.toMatch(/\b0 0\b/);
  });
});
