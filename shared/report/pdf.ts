import { jsPDF } from 'jspdf';
import type { PaperSize, ReportDoc } from './model.js';
import { drawBlock, openingRoom } from './pdf/blocks.js';
import { registerFonts, type ReportFonts } from './pdf/fonts.js';
import { drawContents, drawFooters, drawTitlePage } from './pdf/frame.js';
import { Pen } from './pdf/pen.js';
import { colour, size } from './pdf/theme.js';

export type { ReportFonts } from './pdf/fonts.js';

export interface PdfOptions {
  /** Noto Sans regular and bold; `null` falls back to Helvetica (Latin-1 only). */
  fonts: ReportFonts | null;
  paper: PaperSize;
  /** Called after each block with how many of all the blocks are drawn. */
  onProgress?: (done: number, total: number) => void;
}

/** A section that starts with less room than this left on the page starts on the next page. */
const sectionRoom = 170;

/**
 * The document as a PDF, the same in Node and in the browser: a title page, then each section with its title
 * repeated "(continued)" on every page it runs onto, every block drawn as vectors, "Page n of N" in the footers.
 */
export function renderPdf(doc: ReportDoc, options: PdfOptions): Uint8Array<ArrayBuffer> {
  const pdf = new jsPDF({ format: options.paper, unit: 'pt', compress: true, putOnlyUsedFonts: true });
  pdf.setProperties({ title: doc.title, subject: doc.subtitle ?? '', creator: 'Facilitation toolkit' });
  const pen = new Pen(pdf, registerFonts(pdf, options.fonts));
  drawTitlePage(pen, doc);
  const titlePageEnd = pen.y;
  const total = doc.sections.reduce((n, s) => n + s.blocks.length, 0);
  let done = 0;
  const starts = doc.sections.map((section, i) => {
    pen.section = null;
    // A section that opens with a page break starts on a page of its own (the break is then done).
    const leadingBreak = section.blocks[0]?.kind === 'pageBreak';
    if (i === 0 || leadingBreak || pen.room < Math.max(sectionRoom, openingRoom(pen, section.blocks))) pen.newPage();
    else pen.y += 22;
    const start = pen.page();
    const s = { size: size.section, bold: true };
    pen.lines(pen.wrap(section.title, pen.width, s), pen.left, s);
    pen.rule(pen.y + 2, colour.accent, 1.2);
    pen.y += 16;
    pen.section = section.title;
    for (const [j, b] of section.blocks.entries()) {
      if (j > 0 || !leadingBreak) drawBlock(pen, b);
      options.onProgress?.(++done, total);
    }
    return start;
  });
  pdf.setPage(1);
  pen.y = titlePageEnd;
  drawContents(pen, doc, starts);
  drawFooters(pen, doc.rehearsal ? `Rehearsal · ${doc.title}` : doc.title);
  return new Uint8Array(pdf.output('arraybuffer'));
}
