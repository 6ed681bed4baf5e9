import type { Block } from '../model.js';
import type { Pen, TextStyle } from './pen.js';
import { colour, gap, size } from './theme.js';

type Bars = Extract<Block, { kind: 'bars' }>;

const label: TextStyle = { size: size.body - 0.5 };
const value: TextStyle = { size: size.small + 0.5, bold: true, colour: colour.ink };
const barHeight = 10;

/**
 * A horizontal bar chart as vectors: labels on the left (wrapped), a faint track, the bar in the accent colour
 * scaled to the largest value, the value at its end; what is counted named above the bars.
 */
export function drawBars(pen: Pen, b: Bars): void {
  if (b.bars.length === 0) return;
  // A value that is no number is drawn as none (a bar cannot be NaN points long).
  const bars = b.bars.map((bar) => ({ label: bar.label, value: Number.isFinite(bar.value) ? bar.value : 0 }));
  const labelWidth = pen.width * 0.34;
  const valueRoom = Math.max(...bars.map((bar) => pen.textWidth(String(bar.value), value)), 0) + 8;
  const trackX = pen.left + labelWidth + 10;
  const trackWidth = pen.right - trackX - valueRoom;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const lh = pen.lineHeight(label.size);
  pen.ensure(lh * 2);
  pen.line(b.unit, trackX, pen.y, { size: size.small, colour: colour.muted });
  pen.y += pen.lineHeight(size.small) + 2;
  for (const bar of bars) {
    const lines = pen.wrap(bar.label, labelWidth, label);
    const h = Math.max(lines.length * lh, barHeight + 4) + 5;
    pen.ensure(Math.min(h, pen.bottom - pen.contentTop));
    const top = pen.y;
    pen.lines(lines, pen.left, label);
    const barTop = top + (Math.min(h - 5, lh) - barHeight) / 2;
    pen.fill(trackX, barTop, trackWidth, barHeight, colour.tint);
    const w = (Math.max(0, bar.value) / max) * trackWidth;
    if (w > 0) pen.fill(trackX, barTop, w, barHeight, colour.accent);
    pen.line(String(bar.value), trackX + w + 4, barTop + (barHeight - value.size * 1.3) / 2, value);
    pen.y = Math.max(pen.y, top + h);
  }
  pen.y += gap.block;
}
