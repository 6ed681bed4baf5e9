import type { ReportDoc } from '../model.js';
import { drawFacts } from './text.js';
import type { Pen } from './pen.js';
import { colour, margin, size } from './theme.js';

/** The title page: an accent rule, the title, the subtitle and the facts of the day. */
export function drawTitlePage(pen: Pen, doc: ReportDoc): void {
  pen.y = pen.pageHeight * 0.2;
  pen.fill(pen.left, pen.y, 48, 4, colour.accent);
  pen.y += 22;
  const title = { size: size.title, bold: true };
  pen.lines(pen.wrap(doc.title, pen.width, title), pen.left, { ...title, size: size.title });
  if (doc.subtitle) {
    pen.y += 4;
    const sub = { size: size.subtitle, colour: colour.muted };
    pen.lines(pen.wrap(doc.subtitle, pen.width, sub), pen.left, sub);
  }
  pen.y += 28;
  if (doc.facts.length > 0) drawFacts(pen, doc.facts);
}

/**
 * The contents (each section and its first page) under the facts, when they fit on the title page; the PDF's
 * bookmarks list the sections either way.
 */
export function drawContents(pen: Pen, doc: ReportDoc, starts: number[]): void {
  doc.sections.forEach((s, i) => pen.pdf.outline.add(null, s.title, { pageNumber: starts[i] ?? 1 }));
  const row = pen.lineHeight(size.body) + 4;
  const heading = { size: size.small + 0.5, bold: true, colour: colour.muted };
  const page = { size: size.body, colour: colour.muted };
  const titles = doc.sections.map((s) => pen.wrap(s.title, pen.width - 40, { size: size.body }));
  const needed = pen.lineHeight(heading.size) + 8 + titles.reduce((sum, t) => sum + t.length * pen.lineHeight(size.body) + 4, 0);
  if (doc.sections.length === 0 || pen.y + 18 + needed > pen.bottom) return;
  pen.y += 18;
  pen.line('Contents', pen.left, pen.y, heading);
  pen.y += pen.lineHeight(heading.size) + 4;
  titles.forEach((lines, i) => {
    pen.rule(pen.y, colour.rule, 0.4);
    pen.y += 2;
    pen.line(String(starts[i] ?? ''), pen.right, pen.y, page, 'right');
    lines.forEach((l) => {
      pen.line(l, pen.left, pen.y, { size: size.body });
      pen.y += pen.lineHeight(size.body);
    });
    pen.y += row - pen.lineHeight(size.body) - 2;
  });
}

/** Every page but the title page: a hairline, the document's title on the left, "Page n of N" on the right. */
export function drawFooters(pen: Pen, title: string): void {
  const total = pen.page();
  const s = { size: size.footer, colour: colour.muted };
  const top = pen.pageHeight - margin.bottom + 22;
  for (let n = 2; n <= total; n++) {
    pen.pdf.setPage(n);
    pen.rule(top - 6, colour.rule, 0.5);
    const label = `Page ${n} of ${total}`;
    pen.line(label, pen.right, top, s, 'right');
    pen.line(fit(pen, pen.printable(title), pen.width - pen.textWidth(label, s) - 24, s), pen.left, top, s);
  }
}

/** The title shortened with an ellipsis to fit the footer (the title page prints it whole). */
function fit(pen: Pen, text: string, width: number, s: { size: number }): string {
  if (pen.textWidth(text, s) <= width) return text;
  let n = text.length;
  while (n > 1 && pen.textWidth(`${text.slice(0, n)}…`, s) > width) n = Math.floor(n * 0.9);
  return `${text.slice(0, n).trimEnd()}…`;
}
