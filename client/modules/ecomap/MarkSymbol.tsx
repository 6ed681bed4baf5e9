import type { Mark } from '../../../shared/modules/ecomap/ecomap.state.js';
import { MARK_LABELS, MARK_SHAPES } from '../../../shared/modules/ecomap/ecomap.state.js';

/** The fill of each mark; 'none' is an open ring, drawn in the ink of wherever it sits. */
export const MARK_FILL: Record<Mark, string> = { green: '#1e8e3e', yellow: '#f4c20d', red: '#d32f2f', none: 'none' };

/**
 * One mark's symbol inside an SVG: colour AND shape (circle, triangle, square, ring), centred on (x, y), `r` its
 * half-size. The board's map, the phone's buttons and the console's tables all draw marks with this.
 */
export function MarkShape({ mark, x, y, r, ink = 'currentColor' }: { mark: Mark; x: number; y: number; r: number; ink?: string }) {
  const fill = MARK_FILL[mark];
  const edge = { stroke: ink, strokeWidth: Math.max(1, r * 0.14) };
  switch (MARK_SHAPES[mark]) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill={fill} {...edge} />;
    case 'triangle':
      return <polygon points={`${x},${y - r * 1.05} ${x + r},${y + r * 0.8} ${x - r},${y + r * 0.8}`} fill={fill} {...edge} strokeLinejoin="round" />;
    case 'square':
      return <rect x={x - r * 0.85} y={y - r * 0.85} width={r * 1.7} height={r * 1.7} fill={fill} {...edge} />;
    case 'ring':
      return <circle cx={x} cy={y} r={r * 0.8} fill="none" stroke={ink} strokeWidth={r * 0.3} />;
  }
}

/** A mark's symbol on its own, in a line of text or on a button; named for screen readers unless `decorative`. */
export function MarkSymbol({ mark, size = 20, decorative = false }: { mark: Mark; size?: number; decorative?: boolean }) {
  const label = decorative ? {} : { role: 'img', 'aria-label': `${MARK_LABELS[mark].name} (${MARK_SHAPES[mark]})` };
  return (
    <svg className={`ecomap-symbol ecomap-symbol--${mark}`} width={size} height={size} viewBox="0 0 24 24" aria-hidden={decorative || undefined} {...label}>
      <MarkShape mark={mark} x={12} y={12.5} r={9} />
    </svg>
  );
}
