import type { Pen } from './pen.js';
import { colour, size } from './theme.js';

const style = { size: size.small, bold: true, colour: colour.white } as const;
const padX = 6;

/** The width of the count badge for `label`. */
export function badgeWidth(pen: Pen, label: string): number {
  return pen.textWidth(label, style) + 2 * padX;
}

/** A filled pill in the accent colour holding `label` ("12 dots"), its right edge at `right`, its top at `top`. */
export function drawBadge(pen: Pen, label: string, right: number, top: number): void {
  const w = badgeWidth(pen, label);
  const h = size.small + 6;
  pen.fill(right - w, top, w, h, colour.accent, h / 2);
  pen.line(label, right - w / 2, top + 2, style, 'center');
}
