import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, type ReportFonts } from '../../shared/report/pdf.js';
import { buildReport } from '../../shared/report/session.js';
import { loadReportFonts } from '../../server/reportFonts.js';
import { tempDir } from '../support/harness.js';
import { NAMES, reportDay, reportOptions } from '../support/reportDay.js';

const dir = tempDir('ft-report-day-');
let fonts: ReportFonts;
beforeAll(async () => {
  fonts = await loadReportFonts();
});

/** A whole-day PDF of the fixture day (run through the real rules), read back with pdftotext, lines squashed. */
function dayPdfText(names: boolean): string {
  const { m } = reportDay();
  const file = path.join(dir, `day-${names ? 'names' : 'anonymous'}.pdf`);
  fs.writeFileSync(file, renderPdf(buildReport(m.state, reportOptions(names, { kind: 'session' }, { facilitator: 'Dana Ortiz' })), { fonts, paper: 'letter' }));
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  } catch (e) {
    throw new Error(`pdftotext could not read the report (install poppler-utils): ${String(e)}`, { cause: e });
  }
}

describe('a whole-day report as a PDF, read back', () => {
  it('carries the title, each quadrant’s top item with its dots, the statement and the carried items', () => {
    const text = dayPdfText(false);
    expect(text).toContain('Retreat');
    expect(text).toContain('Dana Ortiz');
    // The grid's cells sit side by side: each top item is on its line with its count.
    expect(text).toMatch(/1 Court partnerships 4 dots/);
    expect(text).toMatch(/1 Caseloads are high 2 dots/);
    expect(text).toMatch(/1 New federal funding 1 dot/);
    expect(text).toMatch(/1 Budget cuts 1 dot/);
    expect(text).toContain('Every child safe, thriving and connected to family');
    expect(text).toContain('Data-driven decisions');
    // The crosswalk's narrow columns keep their header words whole (it once read "Directly inc / orporated").
    expect(text).toMatch(/\bincorporated\b/);
  });

  it('prints no participant name with names off, and the names exactly as typed with names on', () => {
    const anonymous = dayPdfText(false);
    for (const name of NAMES) for (const part of name.split(' ')) expect(anonymous).not.toContain(part);
    const named = dayPdfText(true);
    expect(named).toContain('José Núñez');
    expect(named).toContain('Ana Pérez');
  });
});
