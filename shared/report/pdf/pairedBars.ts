import type { Block, PairedRow } from '../model.js';
import { pairedScale, pairedValue } from '../pairedScale.js';
import type { Pen, TextStyle } from './pen.js';
import { colour, gap, size } from './theme.js';

type Paired = Extract<Block, { kind: 'pairedBars' }>;

const label: TextStyle = { size: size.body - 0.5 };
const figure: TextStyle = { size: size.small, bold: true, colour: colour.ink };
const note: TextStyle = { size: size.small + 0.5, bold: true, colour: colour.accent };
const small: TextStyle = { size: size.small, colour: colour.muted };
const barHeight = 8;
const between = 2;

/** The two series' looks: the first a solid accent bar, the second the accent's tint framed in the accent. */
function bar(pen: Pen, which: 0 | 1, x: number, y: number, w: number): void {
  if (which === 0) return pen.fill(x, y, w, barHeight, colour.accent);
  pen.fill(x, y, w, barHeight, colour.tint);
  pen.pdf.setDrawColor(...colour.accent);
  pen.pdf.setLineWidth(0.9);
  pen.pdf.rect(x, y, w, barHeight, 'S');
}

/**
 * Two series on one scale, per row: the label (wrapped) on the left, the two bars one under the other on the
 * min..max scale with their figures at their ends ("not answered" for none), the row's note on the right. A legend and
 * the scale's numbers head the chart (again on each page it runs onto); a row is never split across pages.
 */
export function drawPairedBars(pen: Pen, b: Paired): void {
  if (b.rows.length === 0) return;
  const labelWidth = pen.width * 0.32;
  const noteWidth = Math.min(pen.width * 0.14, Math.max(0, ...b.rows.map((r) => pen.textWidth(r.note ?? '', note))) + 10);
  const figureRoom = pen.textWidth('not answered', figure) + 8;
  const trackX = pen.left + labelWidth + 10;
  const trackWidth = pen.right - trackX - figureRoom - noteWidth;
  const scale = pairedScale(b.min, b.max);
  const at = (v: number): number => trackX + scale.fraction(v) * trackWidth;
  const lh = pen.lineHeight(label.size);
  const head = (): void => {
    legend(pen, b.series);
    for (const t of scale.ticks) pen.line(String(t), at(t), pen.y, small, 'center');
    pen.y += pen.lineHeight(small.size) + 2;
  };
  pen.ensure(pen.lineHeight(small.size) * 3 + 2 * barHeight + 12);
  head();
  for (const row of b.rows) {
    const lines = pen.wrap(row.label, labelWidth, label);
    const h = Math.max(lines.length * lh, 2 * barHeight + between + 6) + 6;
    if (pen.y + h > pen.bottom && !pen.atTop) {
      pen.newPage();
      head();
    }
    drawRow(pen, row, { lines, top: pen.y, h, trackX, trackWidth, at, noteX: pen.right - noteWidth + 10, ticks: scale.ticks });
    pen.y += h;
  }
  pen.y += gap.block;
}

interface RowGeometry {
  lines: string[];
  top: number;
  h: number;
  trackX: number;
  trackWidth: number;
  at: (v: number) => number;
  noteX: number;
  ticks: number[];
}

function drawRow(pen: Pen, row: PairedRow, g: RowGeometry): void {
  pen.rule(g.top, colour.rule, 0.4);
  g.lines.forEach((l, i) => pen.line(l, pen.left, g.top + 3 + i * pen.lineHeight(label.size), label));
  const barsTop = g.top + 4;
  pen.pdf.setDrawColor(...colour.rule);
  pen.pdf.setLineWidth(0.3);
  for (const t of g.ticks) pen.pdf.line(g.at(t), barsTop - 1, g.at(t), barsTop + 2 * barHeight + between + 1);
  ([row.a, row.b] as const).forEach((v, i) => {
    const y = barsTop + i * (barHeight + between);
    const value = pairedValue(v);
    if (value === null) {
      pen.line('not answered', g.trackX + 2, y - 1.5, { ...figure, bold: false, colour: colour.muted });
      return;
    }
    const end = Math.max(g.trackX + 1.5, g.at(value));
    bar(pen, i === 0 ? 0 : 1, g.trackX, y, end - g.trackX);
    pen.line(value.toFixed(1), end + 4, y - 1.5, figure);
  });
  if (row.note) pen.wrap(row.note, pen.right - g.noteX, note).forEach((l, i) => pen.line(l, g.noteX, g.top + 3 + i * pen.lineHeight(note.size), note));
}

function legend(pen: Pen, series: [string, string]): void {
  let x = pen.left;
  const y = pen.y + 1;
  series.forEach((name, i) => {
    bar(pen, i === 0 ? 0 : 1, x, y, 18);
    pen.line(name, x + 24, y - 2, { size: size.small + 0.5, colour: colour.ink });
    x += 24 + pen.textWidth(name, { size: size.small + 0.5 }) + 18;
  });
  pen.y += pen.lineHeight(size.small) + 6;
}
