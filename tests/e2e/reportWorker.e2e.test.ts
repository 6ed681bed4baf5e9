import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.js';
import { tempDir } from '../support/harness.js';
import { FONTS_FAILED } from '../../client/report/pdfWorkerMessages.js';
import { ACCENTED, sampleDoc } from '../support/reportDocs.js';
import { openReportPage, type ReportPage } from '../support/reportPage.js';

describe.skipIf(!hasChromium)('the PDF rendered in the browser, off the main thread', () => {
  let page: ReportPage | undefined;
  beforeAll(async () => {
    page = await openReportPage();
  }, 120_000);
  afterAll(async () => page?.close());

  it('is the same report as in Node: fonts fetched as static files, progress to the last block, the main thread free', async () => {
    if (!page) throw new Error('the report page is not open');
    const doc = sampleDoc();
    const r = await page.render(doc);
    const blocks = doc.sections.reduce((n, s) => n + s.blocks.length, 0);
    expect(r.last).toEqual([blocks, blocks]);
    expect(r.progress).toBeGreaterThan(1);
    expect(r.longestTaskMs).toBeLessThan(r.ms / 2);
    const file = path.join(tempDir('ft-report-'), 'browser.pdf');
    fs.writeFileSync(file, r.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(ACCENTED);
    expect(text).toMatch(/1 Strong kinship placement network\s+14 dots/);
    expect(text).toMatch(/All notes \(continued\)/);
    expect(text).toMatch(/Page 2 of \d+/);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/[A-Z]{6}\+NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('says in our own sentence when the fonts cannot be fetched, and renders again once they can', async () => {
    if (!page) throw new Error('the report page is not open');
    await page.page.route('**/*.ttf', (route) => route.abort());
    await expect(page.render(sampleDoc())).rejects.toThrow(FONTS_FAILED);
    await page.page.unroute('**/*.ttf');
    expect((await page.render(sampleDoc())).bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
