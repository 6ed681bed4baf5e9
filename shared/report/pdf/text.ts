import type { Block } from '../model.js';
import type { Pen, TextStyle } from './pen.js';
import { colour, gap, size } from './theme.js';

type Of<K extends Block['kind']> = Extract<Block, { kind: K }>;

const body: TextStyle = { size: size.body };
const headingSize = { 1: size.h1, 2: size.h2, 3: size.h3 } as const;

/** A heading, kept with at least a few lines of what follows it. */
export function drawHeading(pen: Pen, b: Of<'heading'>): void {
  const s: TextStyle = { size: headingSize[b.level], bold: true, colour: b.level === 1 ? colour.accent : colour.ink };
  const lines = pen.wrap(b.text, pen.width, s);
  if (!pen.atTop) pen.y += s.size * 0.5;
  // Room for a few lines of text, or a table's header row and its first row.
  pen.ensure(lines.length * pen.lineHeight(s.size) + 4 * pen.lineHeight(size.body));
  pen.lines(lines, pen.left, s);
  pen.y += 4;
}

export function drawParagraph(pen: Pen, b: Of<'paragraph'>): void {
  const s: TextStyle = { size: size.body, colour: b.tone === 'muted' ? colour.muted : colour.ink };
  pen.lines(pen.wrap(b.text, pen.width, s), pen.left, s);
  pen.y += gap.block;
}

/** Label/value pairs in two columns, the labels as wide as the widest (at most two fifths of the line). */
export function drawFacts(pen: Pen, pairs: Array<[string, string]>): void {
  const label: TextStyle = { size: size.small + 0.5, bold: true, colour: colour.muted };
  const labelWidth = Math.min(pen.width * 0.4, Math.max(60, ...pairs.map(([l]) => pen.textWidth(l, label))) + 14);
  const valueX = pen.left + labelWidth;
  for (const [l, v] of pairs) {
    const ls = pen.wrap(l, labelWidth - 14, label);
    const vs = pen.wrap(v, pen.width - labelWidth, body);
    const h = Math.max(ls.length * pen.lineHeight(label.size), vs.length * pen.lineHeight(body.size));
    pen.ensure(Math.min(h, pen.bottom - pen.contentTop));
    const top = pen.y;
    ls.forEach((line, i) => pen.line(line, pen.left, top + 1.2 + i * pen.lineHeight(label.size), label));
    pen.lines(vs, valueX, body);
    pen.y = Math.max(pen.y, top + h) + 3;
  }
  pen.y += gap.block - 3;
}

/** A bulleted or numbered list with hanging indents. */
export function drawList(pen: Pen, b: Of<'list'>): void {
  const indent = b.ordered ? 20 : 14;
  b.items.forEach((item, i) => {
    const lines = pen.wrap(item, pen.width - indent, body);
    pen.ensure(pen.lineHeight(body.size));
    const marker = b.ordered ? `${i + 1}.` : '•';
    pen.line(marker, pen.left + (b.ordered ? indent - 6 : 3), pen.y, { ...body, colour: colour.accent }, b.ordered ? 'right' : 'left');
    pen.lines(lines, pen.left + indent, body);
    pen.y += 3;
  });
  pen.y += gap.block - 3;
}

/** A quotation set off by an accent bar, its attribution beneath. */
export function drawQuote(pen: Pen, b: Of<'quote'>): void {
  const s: TextStyle = { size: size.body + 1.5, colour: colour.ink };
  const indent = 16;
  const lines = pen.wrap(b.text, pen.width - indent, s);
  const by: TextStyle = { size: size.small + 0.5, colour: colour.muted };
  const attribution = b.attribution ? pen.wrap(`— ${b.attribution}`, pen.width - indent, by) : [];
  let barTop = pen.y;
  const bar = (page: number, bottom: number): void => {
    pen.pdf.setPage(page);
    pen.fill(pen.left, barTop, 3, Math.max(0, bottom - barTop), colour.accent);
    pen.pdf.setPage(pen.page());
  };
  for (const line of lines) {
    const [page, end] = [pen.page(), pen.y];
    pen.ensure(pen.lineHeight(s.size));
    if (pen.page() !== page) {
      bar(page, end);
      barTop = pen.y;
    }
    pen.line(line, pen.left + indent, pen.y, s);
    pen.y += pen.lineHeight(s.size);
  }
  bar(pen.page(), pen.y);
  pen.y += 2;
  pen.lines(attribution, pen.left + indent, by);
  pen.y += gap.block;
}
