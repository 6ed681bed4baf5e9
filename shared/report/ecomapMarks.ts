import type { MarkName } from './model.js';

/** Where one mark's symbol and count go inside a partner's node. */
export interface MarkSlot {
  mark: MarkName;
  /** The symbol's centre and half its size (a circle's radius, half a square's side). */
  cx: number;
  cy: number;
  half: number;
  /** The count under the symbol: its centre (text-anchor middle), baseline and size. */
  textX: number;
  textY: number;
  fontSize: number;
}

const ORDER: readonly MarkName[] = ['green', 'yellow', 'red', 'none'];

/**
 * The four marks inside a node of radius `r` at (x, y), in the seed's order as a 2x2 grid (green and yellow above,
 * red and no dot below): a symbol with its count under it, all inside the circle for counts up to three digits.
 */
export function markSlots(x: number, y: number, r: number): MarkSlot[] {
  const half = r * 0.14;
  const fontSize = r * 0.3;
  return ORDER.map((mark, i) => {
    const cx = x + (i % 2 === 0 ? -0.38 : 0.38) * r;
    const cy = y + (i < 2 ? -0.56 : 0.2) * r;
    return { mark, cx, cy, half, textX: cx, textY: cy + 0.46 * r, fontSize };
  });
}

/** The points of the mark's triangle (pointing up) within its slot, for SVG and PDF alike. */
export function trianglePoints(s: Pick<MarkSlot, 'cx' | 'cy' | 'half'>): Array<[number, number]> {
  const h = s.half * 1.15;
  return [
    [s.cx, s.cy - h],
    [s.cx + h, s.cy + h * 0.8],
    [s.cx - h, s.cy + h * 0.8],
  ];
}
