import type { jsPDF } from 'jspdf';
import { MARK_LABELS } from '../../modules/ecomap/ecomap.state.js';
import { ecomapLayout, type EcoLabel } from '../ecomapLayout.js';
import { MAP_KEY, MARK_COLOURS, markSlots, nodeLabel, trianglePoints } from '../ecomapMarks.js';
import type { Block, EcoMapNode, MarkName } from '../model.js';
import type { Pen, TextStyle } from './pen.js';
import { colour, gap, size, type Rgb } from './theme.js';

type EcoMap = Extract<Block, { kind: 'ecomap' }>;

const MARKS: readonly MarkName[] = ['green', 'yellow', 'red', 'none'];
const keyText: TextStyle = { size: size.small, colour: colour.muted };
const legendText: TextStyle = { size: size.small + 0.5 };

/** One mark's symbol: a green circle, a yellow triangle, a red square, an open ring ("no dot"). */
export function drawSymbol(pdf: jsPDF, mark: MarkName, cx: number, cy: number, half: number): void {
  const c = MARK_COLOURS[mark];
  pdf.setFillColor(...c.fill);
  pdf.setDrawColor(...c.line);
  pdf.setLineWidth(Math.max(0.4, half * 0.22));
  if (mark === 'green') pdf.circle(cx, cy, half * 1.05, 'FD');
  else if (mark === 'red') pdf.rect(cx - half * 0.95, cy - half * 0.95, half * 1.9, half * 1.9, 'FD');
  else if (mark === 'yellow') {
    const [a, b, d] = trianglePoints({ cx, cy, half });
    if (a && b && d) pdf.triangle(a[0], a[1], b[0], b[1], d[0], d[1], 'FD');
  } else {
    pdf.setLineWidth(Math.max(0.6, half * 0.35));
    pdf.circle(cx, cy, half * 0.9, 'S');
  }
}

function text(pen: Pen, l: EcoLabel, dx: number, dy: number, s: Omit<TextStyle, 'size'>): void {
  pen.style({ ...s, size: l.fontSize });
  const align = l.anchor === 'start' ? 'left' : l.anchor === 'end' ? 'right' : 'center';
  l.lines.forEach((line, i) => pen.pdf.text(line, l.x + dx, (l.baselines[i] ?? 0) + dy, { align }));
}

function node(pen: Pen, p: EcoMapNode, x: number, y: number, r: number, marks: boolean): void {
  const pdf = pen.pdf;
  const fill: Rgb = p.side === 'internal' ? colour.stripe : colour.white;
  pdf.setFillColor(...fill);
  pdf.setDrawColor(...(p.consensus ? MARK_COLOURS[p.consensus].line : colour.muted));
  pdf.setLineWidth(p.consensus ? Math.max(1.2, r * 0.1) : 0.6);
  if (p.split) pdf.setLineDashPattern([Math.max(2, r * 0.18), Math.max(1.5, r * 0.1)], 0);
  pdf.circle(x, y, r, 'FD');
  pdf.setLineDashPattern([], 0);
  if (!marks) return;
  for (const s of markSlots(x, y, r)) {
    drawSymbol(pdf, s.mark, s.cx, s.cy, s.half);
    const n = p.counts[s.mark];
    pen.style({ size: s.fontSize, bold: n > 0, colour: n > 0 ? colour.ink : colour.muted });
    pdf.text(String(n), s.textX, s.textY, { align: 'center' });
  }
}

/** The legend's height at `width`: the four marks in two columns, then the key to outlines and rings. */
function legend(pen: Pen, width: number, draw: boolean): number {
  const col = width / 2;
  const lh = pen.lineHeight(legendText.size);
  let h = 0;
  for (let row = 0; row < 2; row++) {
    const cells = MARKS.slice(row * 2, row * 2 + 2).map((m) => pen.wrap(`${MARK_LABELS[m].name}: ${MARK_LABELS[m].meaning}`, col - 22, legendText));
    if (draw) {
      cells.forEach((lines, i) => {
        const mark = MARKS[row * 2 + i];
        const x = pen.left + i * col;
        if (mark) drawSymbol(pen.pdf, mark, x + 6, pen.y + h + lh / 2, 4);
        lines.forEach((l, j) => pen.line(l, x + 16, pen.y + h + j * lh, legendText));
      });
    }
    h += Math.max(...cells.map((c) => c.length)) * lh + 3;
  }
  const key = pen.wrap(MAP_KEY, width, keyText);
  if (draw) key.forEach((l, j) => pen.line(l, pen.left, pen.y + h + 2 + j * pen.lineHeight(keyText.size), keyText));
  return h + 2 + key.length * pen.lineHeight(keyText.size);
}

/**
 * The least room the map and its legend take: as tall as the partners need, shrunk to the room left on a page when
 * that is enough (else the map starts a fresh page). The renderer keeps a section's title with it.
 */
export function ecomapLeast(pen: Pen, b: EcoMap): number {
  if (b.partners.length === 0) return 0;
  const extra = legend(pen, pen.width, false) + 12;
  // Never more than a fresh page holds under its section's opening: else the map leaves its heading alone on a page.
  return Math.min(pen.width * (b.partners.length > 12 ? 0.95 : 0.5), pen.bottom - pen.contentTop - extra - ECOMAP_OPENING) + extra;
}

/** The room a section's title, prompt and the map's heading take above the map on the section's first page. */
export const ECOMAP_OPENING = 110;

/**
 * The eco-map as vectors on one page: the agency at the centre, each partner a node placed by `ecomapLayout` with
 * its four marks (symbols told apart by shape and colour, with counts), its outline in the consensus colour (dashed
 * when split), and the legend in the seed's words under the map.
 */
export function drawEcomap(pen: Pen, b: EcoMap): void {
  if (b.partners.length === 0) {
    pen.lines(['No partners on the map.'], pen.left, { size: size.body, colour: colour.muted });
    pen.y += gap.block;
    return;
  }
  const legendHeight = legend(pen, pen.width, false);
  const want = pen.width * (b.partners.length > 12 ? 1.2 : b.partners.length > 5 ? 0.85 : 0.65);
  if (pen.room < ecomapLeast(pen, b) && !pen.atTop) pen.newPage();
  const height = Math.min(want, pen.room - legendHeight - 12);
  const measure = (t: string, f: number): number => pen.textWidth(t, { size: f });
  const partners = b.partners.map((p) => ({ name: pen.printable(nodeLabel(p)), side: p.side }));
  const map = ecomapLayout(partners, pen.printable(b.centre), { width: pen.width, height, fontRatio: 0.03, minFontRatio: 0.008, nodeRatio: 2.7, measure, wholeNames: true });
  // A map nobody marked (or whose results were not shown) is drawn without its empty marks.
  const marked = b.partners.some((p) => MARKS.some((m) => p.counts[m] > 0));
  const dx = pen.left;
  const dy = pen.y;
  pen.pdf.setFillColor(...colour.tint);
  pen.pdf.setDrawColor(...colour.accent);
  pen.pdf.setLineWidth(1.2);
  pen.pdf.circle(map.centre.x + dx, map.centre.y + dy, map.centre.r, 'FD');
  text(pen, map.centre.label, dx, dy, { bold: true, colour: colour.accent });
  map.nodes.forEach((at, i) => {
    const p = b.partners[i];
    if (!p) return;
    node(pen, p, at.x + dx, at.y + dy, at.r, marked);
    text(pen, at.label, dx, dy, { colour: colour.ink });
  });
  pen.y += height + 16;
  legend(pen, pen.width, true);
  pen.y += legendHeight + gap.block;
}
