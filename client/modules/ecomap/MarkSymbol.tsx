import type { Mark } from '../../../shared/modules/ecomap/ecomap.state.js';
import { MARK_LABELS, MARK_SHAPES } from '../../../shared/modules/ecomap/ecomap.state.js';
import { trianglePoints } from '../../../shared/report/ecomapMarks.js';

/** The fill of each mark; 'none' is an open ring, drawn in the ink of wherever it sits. */
export const MARK_FILL: Record<Mark, string> = { green: '#1e8e3e', yellow: '#f4c20d', red: '#d32f2f', none: 'none' };

/**
 * One mark's symbol inside an SVG: colour AND shape (circle, triangle, square, ring), centred on (cx, cy), `half` its
 * half-size (the geometry of shared/report/ecomapMarks.ts, as the PDF draws it). The board's map, the phone's buttons
 * and the console's tables all draw marks with this.
 */
export function MarkShape({ mark, cx, cy, half, ink = 'currentColor' }: { mark: Mark; cx: number; cy: number; half: number; ink?: string }) {
  const fill = MARK_FILL[mark];
  const edge = { stroke: ink, strokeWidth: Math.max(1, half * 0.16) };
  switch (MARK_SHAPES[mark]) {
    case 'circle':
      return <circle cx={cx} cy={cy} r={half} fill={fill} {...edge} />;
    case 'triangle':
      return <polygon points={trianglePoints({ cx, cy, half }).join(' ')} fill={fill} {...edge} strokeLinejoin="round" />;
    case 'square':
      return <rect x={cx - half * 0.9} y={cy - half * 0.9} width={half * 1.8} height={half * 1.8} fill={fill} {...edge} />;
    case 'ring':
      return <circle cx={cx} cy={cy} r={half * 0.82} fill="none" stroke={ink} strokeWidth={half * 0.34} />;
  }
}

/** A mark's symbol on its own, in a line of text or on a button; named for screen readers unless `decorative`. */
export function MarkSymbol({ mark, size = 20, decorative = false }: { mark: Mark; size?: number; decorative?: boolean }) {
  const label = decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': `${MARK_LABELS[mark].name} (${MARK_SHAPES[mark]})` };
  return (
    <svg className={`ecomap-symbol ecomap-symbol--${mark}`} width={size} height={size} viewBox="0 0 24 24" {...label}>
      <MarkShape mark={mark} cx={12} cy={12.5} half={9} />
    </svg>
  );
}
