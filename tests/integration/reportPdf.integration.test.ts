import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../shared/report/model.js';
import { renderPdf, type ReportFonts } from '../../shared/report/pdf.js';
import { loadReportFonts } from '../../server/reportFonts.js';
import { tempDir } from '../support/harness.js';
import { ACCENTED, sampleDoc } from '../support/reportDocs.js';

const poppler = ['pdftotext', 'pdfinfo', 'pdffonts'];
const missing = poppler.filter((tool) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
});

const dir = tempDir('ft-report-');
const SAMPLES = path.resolve('test-results/report');
const run = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
const write = (name: string, bytes: Uint8Array): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
/** The text of each page, as laid out on it. */
const pages = (file: string): string[] => run('pdftotext', '-layout', file, '-').split('\f').slice(0, -1);
const squash = (s: string): string => s.replace(/\s+/g, ' ');

let fonts: ReportFonts;
let doc: ReportDoc;
let letter: string;
let text: string[];

// Every test fails (none is skipped) on a machine without poppler, saying what to install.
beforeEach(() => {
  if (missing.length > 0) throw new Error(`${missing.join(', ')} not found: install poppler-utils ("sudo apt-get install poppler-utils") to read the PDFs back.`);
});

beforeAll(async () => {
  if (missing.length > 0) return;
  fonts = await loadReportFonts();
  doc = sampleDoc();
  letter = write('letter.pdf', renderPdf(doc, { fonts, paper: 'letter' }));
  text = pages(letter);
  // A sample to look at (pdftoppm -r 60 -png), kept out of git like the end-to-end screenshots.
  fs.mkdirSync(SAMPLES, { recursive: true });
  fs.copyFileSync(letter, path.join(SAMPLES, 'report-sample.pdf'));
});

describe('the PDF report, read back with poppler', () => {
  it('opens with a title page: the title, the subtitle, the facts and the contents with page numbers', () => {
    const first = text[0] ?? '';
    expect(first).toContain('Data retreat: Where are we now?');
    expect(first).toContain('Data retreat · 25 November 2026');
    expect(first).toMatch(/Facilitator\s+José Núñez/);
    expect(first).toMatch(/Crowded SWOT\s+4\n/);
    expect(text[3]).toMatch(/^\s*Crowded SWOT\n/);
    expect(run('pdfinfo', letter)).toMatch(/Title:\s+Data retreat: Where are we now\?/);
  });

  it('prints accents and Spanish exactly as typed, in Noto Sans embedded as a subset (regular and bold)', () => {
    expect(text.join('\n')).toContain(ACCENTED);
    const fontsTable = run('pdffonts', letter).split('\n').slice(2).filter(Boolean);
    expect(fontsTable).toHaveLength(2);
    for (const [name, row] of [['NotoSans-Regular', fontsTable[0]], ['NotoSans-Bold', fontsTable[1]]] as const) {
      expect(row).toMatch(new RegExp(`^[A-Z]{6}\\+${name}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    }
    expect(fs.statSync(letter).size).toBeLessThan(400_000);
  });

  it("prints each quadrant's top item beside its dot count, and the bars and ranked list with theirs", () => {
    const swot = text[2] ?? '';
    expect(swot).toMatch(/1 Strong kinship placement network\s+14 dots\s+1 Caseworker turnover above 30%\s+11 dots/);
    expect(swot).toMatch(/Opportunities\s+Threats\n\s*1 New state funding for prevention\s+9 dots\s+None\n/);
    expect(swot).toMatch(/Strengths\s+40\n/);
    expect(swot).toMatch(/2 Caseworker turnover above 30%\s+1 dot\n/);
  });

  it('repeats a long table\'s header on every page it spans, under the section\'s "(continued)" title', () => {
    const tablePages = text.filter((t) => t.includes('All notes (continued)'));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const t of tablePages) expect(t).toMatch(/^\s*All notes \(continued\)\n\s*\n?\s*#\s+Column\s+Note\s+Dots\n/);
    const rows = text.join('\n').match(/^\s*(\d+)\s+(What the data shows|Questions about the)/gm) ?? [];
    expect(rows.map((r) => Number(r.trim().split(/\s/)[0]))).toEqual(Array.from({ length: 140 }, (_, i) => i + 1));
  });

  it('continues a crowded SWOT cell on the next pages, titled "(continued)", without losing an entry', () => {
    const grid = text.filter((t) => /^\s*Crowded SWOT/.test(t));
    expect(grid.length).toBeGreaterThan(3);
    expect(grid.filter((t) => t.includes('Strengths (continued)')).length).toBeGreaterThanOrEqual(3);
    const raw = squash(run('pdftotext', '-raw', letter, '-'));
    const crowded = doc.sections.find((s) => s.title === 'Crowded SWOT')?.blocks[0];
    if (crowded?.kind !== 'grid2x2') throw new Error('the fixture has lost its crowded grid');
    const entries = crowded.cells.flatMap((c) => c.entries);
    expect(entries).toHaveLength(127);
    for (const e of entries) expect(raw).toContain(squash(e.text));
  });

  it('breaks a word longer than the line instead of clipping it', () => {
    const longWord = 'Interdepartmentalcoordinationagreementbetweenthecourtandtheagency'.repeat(3);
    expect(text[1]?.replace(/\s+/g, '')).toContain(`Alongword:${longWord}`);
  });

  it('numbers every page but the title page "Page n of N" beside the title, and a page break starts a page', () => {
    const total = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', letter))?.[1]);
    expect(total).toBe(text.length);
    expect(text[0]).not.toContain('Page 1 of');
    text.slice(1).forEach((t, i) => expect(t).toMatch(new RegExp(`Data retreat: Where are we now\\?\\s+Page ${i + 2} of ${total}\\s*$`)));
    expect(text.at(-1)).toMatch(/^\s*After a page break\n\s*Next: the vision retreat/);
  });

  it('is US Letter by default and A4 when asked', () => {
    expect(run('pdfinfo', letter)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const a4 = write('a4.pdf', renderPdf(doc, { fonts, paper: 'a4' }));
    expect(run('pdfinfo', a4)).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
    expect(pages(a4).join('\n')).toContain(ACCENTED);
  });

  it('reports its progress block by block, up to all of them', () => {
    const seen: Array<[number, number]> = [];
    renderPdf(doc, { fonts, paper: 'letter', onProgress: (done, total) => seen.push([done, total]) });
    const total = doc.sections.reduce((n, s) => n + s.blocks.length, 0);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it('draws odd input without throwing or losing text: extra cells, unbroken words in cells, glyphs the font lacks, empty blocks', () => {
    const long = 'Supercalifragilisticexpialidocious'.repeat(6);
    const odd: ReportDoc = {
      version: 1,
      title: 'Odd 👍 中文',
      facts: [],
      sections: [
        { title: 'Nothing here', blocks: [] },
        {
          title: 'Odd blocks',
          blocks: [
            { kind: 'table', columns: ['Item'], rows: [['first', 'beyond the header'], []] },
            { kind: 'table', columns: ['Note', 'Dots'], rows: [[long, '7']] },
            { kind: 'list', items: [] },
            { kind: 'ranked', unit: 'dots', entries: [] },
            { kind: 'bars', unit: 'dots', bars: [] },
            { kind: 'bars', unit: 'dots', bars: [{ label: 'Not a number', value: Number.NaN }, { label: 'Below zero', value: -3 }] },
            { kind: 'grid2x2', cells: [{ title: 'S', entries: [] }, { title: 'W', entries: [] }, { title: 'O', entries: [] }, { title: 'T', entries: [] }] },
            { kind: 'paragraph', text: 'Thumbs 👍 and 中文, a tab\there, a bell\u0007 gone' },
            { kind: 'quote', text: '' },
            { kind: 'facts', pairs: [] },
          ],
        },
      ],
    };
    const file = write('odd.pdf', renderPdf(odd, { fonts, paper: 'letter' }));
    const all = pages(file).join('\n');
    expect(all).toMatch(/Odd \uFFFD \uFFFD\uFFFD/);
    expect(all).toMatch(/first\s+beyond the header/);
    expect(all).toMatch(/Note\s+Dots\n/);
    expect(run('pdftotext', '-raw', file, '-').replace(/\s+/g, '')).toContain(long);
    expect(all).toMatch(/Not a number\s+0\n/);
    expect(all).toMatch(/Below zero\s+-3\n/);
    expect(all).toMatch(/Thumbs \uFFFD and \uFFFD\uFFFD, a tab\s+here, a bell gone/);
    expect(all).toMatch(/Page 2 of 2\s*$/);
  });
});
