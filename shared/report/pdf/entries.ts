import { countLabel } from '../format.js';
import type { RankedEntry } from '../model.js';
import { badgeWidth, drawBadge } from './badge.js';
import type { Pen, TextStyle } from './pen.js';
import { colour, size } from './theme.js';

/** One line's worth of an entry: its height and how to draw it with its top at `top`. */
export interface Piece {
  h: number;
  /** Kept on the same page as the next piece (an entry's text lines stay together). */
  glue?: boolean;
  draw(x: number, top: number): void;
}

export interface EntryLook {
  /** The entry's text size (details are set smaller). */
  size: number;
  /** What the badge counts ("dots"); no badge without it. */
  unit?: string;
  /** The rank printed before the text. */
  rank?: number;
  /** Space above the entry. */
  before: number;
}

const rankWidth = 20;
const detailIndent = 12;

/**
 * An entry laid out in `width` as pieces of one line each, so a long entry can continue on the next page or in the
 * next part of a grid cell: its text (the badge with its count beside the first line), then its details, smaller.
 */
export function entryPieces(pen: Pen, e: RankedEntry, width: number, look: EntryLook): Piece[] {
  const text: TextStyle = { size: look.size, colour: colour.ink };
  const detail: TextStyle = { size: size.small, colour: colour.muted };
  const indent = look.rank === undefined ? 0 : rankWidth;
  const badge = look.unit === undefined ? null : countLabel(e.count, look.unit);
  // However wide the badge, the text keeps at least two fifths of the line.
  const textWidth = Math.max(width * 0.4, width - indent - (badge ? badgeWidth(pen, badge) + 8 : 0));
  const lh = pen.lineHeight(text.size);
  const headline = pen.wrap(e.text, textWidth, text);
  const pieces: Piece[] = headline.map((line, i) => ({
    h: lh + (i === 0 ? look.before : 0),
    glue: i < headline.length - 1,
    draw: (x, top) => {
      const y = i === 0 ? top + look.before : top;
      if (i === 0 && look.rank !== undefined) pen.line(`${look.rank}`, x + rankWidth - 8, y, { ...text, bold: true, colour: colour.accent }, 'right');
      if (i === 0 && badge) drawBadge(pen, badge, x + width, y + (lh - size.small - 6) / 2);
      pen.line(line, x + indent, y, text);
    },
  }));
  const dh = pen.lineHeight(detail.size);
  for (const d of e.detail ?? []) {
    pen.wrap(d, width - indent - detailIndent, detail).forEach((line, i) => {
      pieces.push({
        h: dh,
        draw: (x, top) => {
          if (i === 0) pen.line('–', x + indent + 2, top, detail);
          pen.line(line, x + indent + detailIndent, top, detail);
        },
      });
    });
  }
  return pieces;
}

/** The pieces in runs that stay together: each run ends at a piece without glue. */
export function runs(pieces: Piece[]): Piece[][] {
  const out: Piece[][] = [];
  let run: Piece[] = [];
  for (const p of pieces) {
    run.push(p);
    if (!p.glue) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

export function height(pieces: Piece[]): number {
  return pieces.reduce((sum, p) => sum + p.h, 0);
}

/** Draws pieces down the page, turning it between runs (a run taller than a page is turned within). */
export function drawPieces(pen: Pen, pieces: Piece[], x: number): void {
  for (const run of runs(pieces)) {
    pen.ensure(Math.min(height(run), pen.bottom - pen.contentTop));
    for (const p of run) {
      pen.ensure(p.h);
      p.draw(x, pen.y);
      pen.y += p.h;
    }
  }
}
