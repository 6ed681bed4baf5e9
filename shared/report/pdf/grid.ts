import type { Block, GridCell } from '../model.js';
import { entryPieces, height, runs, type Piece } from './entries.js';
import type { Pen, TextStyle } from './pen.js';
import { colour, gap, size } from './theme.js';

type Grid = Extract<Block, { kind: 'grid2x2' }>;

const space = 12;
const pad = 8;
const title: TextStyle = { size: size.h3, bold: true, colour: colour.accent };

/**
 * The 2x2 grid (SWOT) as two rows of two framed cells, each with its title and ranked entries. A row taller than the
 * rest of the page continues on the next one, its cells titled "(continued)", so no entry is ever cut off.
 */
export function drawGrid(pen: Pen, b: Grid): void {
  const cellWidth = (pen.width - space) / 2;
  const [a, c, d, e] = b.cells;
  drawRow(pen, [a, c], cellWidth);
  pen.y += space;
  drawRow(pen, [d, e], cellWidth);
  pen.y += gap.block;
}

function cellPieces(pen: Pen, cell: GridCell, width: number): Piece[] {
  if (cell.entries.length === 0) {
    return [{ h: pen.lineHeight(size.small) + 4, draw: (x, top) => pen.line('None', x, top + 4, { size: size.small, colour: colour.muted }) }];
  }
  return cell.entries.flatMap((e, i) => entryPieces(pen, e, width, { size: size.body - 0.5, unit: cell.unit, rank: i + 1, before: i === 0 ? 0 : 5 }));
}

function drawRow(pen: Pen, cells: [GridCell, GridCell], cellWidth: number): void {
  const inner = cellWidth - 2 * pad;
  const queues = cells.map((cell) => cellPieces(pen, cell, inner));
  const titleLines = (part: number): string[][] =>
    cells.map((cell) => pen.wrap(part === 0 ? cell.title : `${cell.title} (continued)`, inner, title));
  const titleBox = (lines: string[][]): number => Math.max(...lines.map((l) => l.length)) * pen.lineHeight(title.size) + 10;
  // A row that fits on a fresh page is not split but moves there whole; one that must be split starts on a fresh
  // page unless most of this one is still free.
  const whole = titleBox(titleLines(0)) + 2 * pad + Math.max(...queues.map(height));
  const page = pen.bottom - pen.contentTop;
  if (whole > pen.room && (whole <= page || pen.room < page * 0.4)) pen.newPage();
  for (let part = 0; queues.some((q) => q.length > 0); part++) {
    if (part > 0) pen.newPage();
    const names = titleLines(part);
    const head = titleBox(names);
    pen.ensure(head + 2 * pad + Math.max(...queues.map((q) => height(runs(q)[0] ?? []))));
    const parts = queues.map((q) => take(q, pen.bottom - pen.y - head - 2 * pad));
    const boxHeight = head + 2 * pad + Math.max(...parts.map(height));
    cells.forEach((_, i) => {
      const here = parts[i] ?? [];
      if (part > 0 && here.length === 0) return;
      const x = pen.left + i * (cellWidth + space);
      pen.fill(x, pen.y, cellWidth, head, colour.tint);
      pen.frame(x, pen.y, cellWidth, boxHeight, colour.rule);
      (names[i] ?? []).forEach((line, j) => pen.line(line, x + pad, pen.y + 5 + j * pen.lineHeight(title.size), title));
      let top = pen.y + head + pad;
      for (const p of here) {
        p.draw(x + pad, top);
        top += p.h;
      }
    });
    pen.y += boxHeight;
  }
}

/** Takes from the front of `queue` the runs of pieces that fit in `avail` points (at least one piece, so the grid always advances). */
function take(queue: Piece[], avail: number): Piece[] {
  let used = 0;
  let n = 0;
  for (const run of runs(queue)) {
    const h = height(run);
    if (used + h > avail) {
      // A run taller than a whole cell goes in piece by piece; any other waits for the next page.
      if (n > 0) break;
      for (const p of run) {
        if (n > 0 && used + p.h > avail) break;
        used += p.h;
        n++;
      }
      break;
    }
    used += h;
    n += run.length;
  }
  return queue.splice(0, n);
}
