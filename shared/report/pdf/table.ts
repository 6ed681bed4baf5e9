import { autoTable } from 'jspdf-autotable';
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
 * A table through jspdf-autotable: the header row in the accent colour, repeated on every page the table spans,
 * rows striped, cells wrapped (long words broken). Pages the table adds get the section's "(continued)" line.
 */
export function drawTable(pen: Pen, b: Table): void {
  if (b.columns.length === 0) return;
  const total = b.widths?.reduce((sum, w) => sum + Math.max(0, w), 0) ?? 0;
  const columnStyles: Record<number, { cellWidth: number }> = {};
  if (b.widths && total > 0) b.columns.forEach((_, i) => (columnStyles[i] = { cellWidth: (pen.width * Math.max(0, b.widths?.[i] ?? 0)) / total }));
  const body = b.rows.map((row) => b.columns.map((_, i) => row[i] ?? ''));
  pen.ensure(60);
  const startPage = pen.page();
  autoTable(pen.pdf, {
    startY: pen.y,
    margin: { left: pen.left, right: pen.pageWidth - pen.right, top: pen.contentTop, bottom: margin.bottom },
    head: [b.columns],
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
