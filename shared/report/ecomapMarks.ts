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

/** Each mark's fill and outline (RGB), readable on white and told apart by shape as well (MARK_SHAPES). */
export const MARK_COLOURS: Record<MarkName, { fill: readonly [number, number, number]; line: readonly [number, number, number] }> = {
  green: { fill: [36, 140, 62], line: [22, 96, 40] },
  yellow: { fill: [240, 190, 20], line: [150, 110, 0] },
  red: { fill: [200, 36, 44], line: [140, 20, 26] },
  none: { fill: [255, 255, 255], line: [70, 74, 80] },
};

/** An RGB triple as CSS. */
export const css = (rgb: readonly [number, number, number]): string => `rgb(${rgb.join(' ')})`;

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

/** A partner's label on the map: its name, with "(split)" when no mark has more than half of its marks. */
export const nodeLabel = (p: { name: string; split: boolean }): string => (p.split ? `${p.name} (split)` : p.name);

/** What the map's outlines and rings mean, under every legend. */
export const MAP_KEY =
  "A partner's outline takes the colour of the room's consensus (the mark with the most); a dashed outline and \"(split)\": no mark has more than half. Inner ring: internal partners; outer ring: external partners.";
