import { autoTable } from 'jspdf-autotable';
import { tableColumns } from '../format.js';
import type { Block } from '../model.js';
import type { Pen } from './pen.js';
import { colour, gap, margin, size } from './theme.js';

type Table = Extract<Block, { kind: 'table' }>;

/** Where jspdf-autotable leaves its last table (it sets this on the document). */
function finalY(pdf: object): number | undefined {
  const last: unknown = Reflect.get(pdf, 'lastAutoTable');
  const y: unknown = typeof last === 'object' && last !== null ? Reflect.get(last, 'finalY') : undefined;
  return typeof y === 'number' ? y : undefined;
}

/**
 * Each column's width: as given (relative), or else free; either way at least its header's longest word, so neither a
 * long unbroken entry elsewhere nor a narrow share can break a header word in two ("Directly inc / orporated").
 * What a narrow column needs is taken from the columns with room to spare, in proportion to their spare room.
 */
function widths(pen: Pen, columns: string[], relative: number[] | undefined): Record<number, { cellWidth?: number; minCellWidth?: number }> {
  const mins = columns.map((c) => {
    const word = Math.max(0, ...c.split(/\s+/).map((part) => pen.textWidth(part, { size: size.small + 0.5, bold: true })));
    return Math.min(word + 11, pen.width / columns.length);
  });
  const total = relative?.reduce((sum, w) => sum + (w > 0 ? w : 0), 0) ?? 0;
  if (total <= 0) return Object.fromEntries(mins.map((m, i) => [i, { minCellWidth: m }]));
  const given = columns.map((_, i) => (pen.width * Math.max(0, relative?.[i] ?? 0)) / total);
  const deficit = given.reduce((sum, w, i) => sum + Math.max(0, mins[i]! - w), 0);
  const spare = given.reduce((sum, w, i) => sum + Math.max(0, w - mins[i]!), 0);
  const share = spare > 0 ? Math.min(1, deficit / spare) : 0;
  return Object.fromEntries(given.map((w, i) => [i, { cellWidth: w < mins[i]! ? mins[i]! : w - (w - mins[i]!) * share }]));
}

/**
 * A table through jspdf-autotable: the header row in the accent colour, repeated on every page the table spans,
 * rows striped, cells wrapped (long words broken). Pages the table adds get the section's "(continued)" line.
 */
export function drawTable(pen: Pen, b: Table): void {
  // A row longer than the header gets unnamed columns rather than losing its cells.
  const columns = tableColumns(b.columns, b.rows).map((c) => pen.printable(c));
  if (columns.length === 0) return;
  const columnStyles = widths(pen, columns, b.widths);
  const body = b.rows.map((row) => columns.map((_, i) => pen.printable(row[i] ?? '')));
  pen.ensure(60);
  const startPage = pen.page();
  autoTable(pen.pdf, {
    startY: pen.y,
    margin: { left: pen.left, right: pen.pageWidth - pen.right, top: pen.contentTop, bottom: margin.bottom },
    head: [columns],
    body,
    theme: 'plain',
    showHead: 'everyPage',
    rowPageBreak: 'avoid',
    tableWidth: pen.width,
    styles: { font: pen.faces.regular.family, fontStyle: pen.faces.regular.style, fontSize: size.small + 0.5, textColor: [...colour.ink], cellPadding: { top: 4, bottom: 4, left: 5, right: 5 }, overflow: 'linebreak', valign: 'top' },
    headStyles: { font: pen.faces.bold.family, fontStyle: pen.faces.bold.style, fillColor: [...colour.accent], textColor: [...colour.white] },
    alternateRowStyles: { fillColor: [...colour.stripe] },
    columnStyles,
    willDrawPage: () => {
      if (pen.page() > startPage) pen.onNewPage();
    },
  });
  pen.y = (finalY(pen.pdf) ?? pen.y) + gap.block;
}
