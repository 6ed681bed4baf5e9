import { css, MARK_COLOURS, trianglePoints } from '../../shared/report/ecomapMarks.js';
import type { MarkName } from '../../shared/report/model.js';

/** One eco-map mark as SVG: a green circle, a yellow triangle, a red square or an open ring ("no dot"). */
export function MarkSymbol({ mark, cx, cy, half }: { mark: MarkName; cx: number; cy: number; half: number }) {
  const c = MARK_COLOURS[mark];
  const paint = { fill: css(c.fill), stroke: css(c.line), strokeWidth: Math.max(0.6, half * 0.22) };
  switch (mark) {
    case 'green':
      return <circle cx={cx} cy={cy} r={half * 1.05} {...paint} />;
    case 'yellow':
      return <polygon points={trianglePoints({ cx, cy, half }).map((p) => p.join(',')).join(' ')} {...paint} />;
    case 'red':
      return <rect x={cx - half * 0.95} y={cy - half * 0.95} width={half * 1.9} height={half * 1.9} {...paint} />;
    case 'none':
      return <circle cx={cx} cy={cy} r={half * 0.9} fill="none" stroke={paint.stroke} strokeWidth={Math.max(0.8, half * 0.35)} />;
  }
}

/** A mark's symbol on its own, sized to sit in a line of text (legends, lists). */
export const MarkIcon = ({ mark, size = 14 }: { mark: MarkName; size?: number }) => (
  <svg className="mark-icon" width={size} height={size} viewBox="0 0 20 20" aria-hidden="true">
    <MarkSymbol mark={mark} cx={10} cy={10.5} half={6.5} />
  </svg>
);
