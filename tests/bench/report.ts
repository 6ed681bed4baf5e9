/**
 * Report benchmark: a whole day with 1,000 notes (SWOT grid, note boards, ranked phrases, tables) rendered to PDF
 * in Node, then in Debian's Chromium through the client's PDF worker (a tiny page built by Vite, fonts fetched as
 * the app fetches them). Each render is timed from the document to the finished file, cold: the first render of
 * the process or page. Prints
 *
 *   report notes=1000 pdf_ms=X pages=N bytes=B
 *   report notes=1000 pdf_ms=X pages=N bytes=B where=chromium
 */
import { renderPdf } from '../../shared/report/pdf.js';
import { loadReportFonts } from '../../server/reportFonts.js';
import { CHROMIUM, hasChromium } from '../support/browser.js';
import { bigDoc } from '../support/reportDocs.js';
import { openReportPage } from '../support/reportPage.js';

const NOTES = 1000;

/** Pages of a PDF written by jspdf (page objects are plain, never in object streams). */
const pageCount = (bytes: Uint8Array): number => (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
const line = (ms: number, bytes: Uint8Array, where = ''): string =>
  `report notes=${NOTES} pdf_ms=${Math.round(ms)} pages=${pageCount(bytes)} bytes=${bytes.length}${where ? ` where=${where}` : ''}`;

async function inNode(): Promise<void> {
  const t = performance.now();
  const bytes = renderPdf(bigDoc(NOTES), { fonts: await loadReportFonts(), paper: 'letter' });
  console.log(line(performance.now() - t, bytes));
}

async function inChromium(): Promise<void> {
  if (!hasChromium) return console.log(`[bench] report in Chromium skipped: no Chromium at ${CHROMIUM}`);
  const page = await openReportPage();
  try {
    const r = await page.render(bigDoc(NOTES));
    if (r.progress === 0) throw new Error('the worker reported no progress');
    console.log(line(r.ms, r.bytes, 'chromium'));
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  await inNode();
  await inChromium();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
