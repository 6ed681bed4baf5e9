import type { ColumnDecor } from '../flow/model.js';
import { dictGet } from '../../../shared/session/dict.js';

/** Each quadrant has its own border style and shape as well as its colour, so it reads in greyscale too. */
const QUADRANTS: Record<string, { slug: string; shape: string }> = {
  Strengths: { slug: 'strengths', shape: '▲' },
  Weaknesses: { slug: 'weaknesses', shape: '▼' },
  Opportunities: { slug: 'opportunities', shape: '●' },
  Threats: { slug: 'threats', shape: '◆' },
};
const FALLBACK = ['strengths', 'weaknesses', 'opportunities', 'threats'];
const SHAPES = ['▲', '▼', '●', '◆'];

const slugOf = (column: string, index: number) => dictGet(QUADRANTS, column)?.slug ?? FALLBACK[index % 4] ?? 'strengths';

export const SWOT_DECOR: ColumnDecor = {
  className: (column, index) => `quadrant quadrant--${slugOf(column, index)}`,
  mark: (column, index) => (
    <span className="quadrant-shape" aria-hidden="true">
      {dictGet(QUADRANTS, column)?.shape ?? SHAPES[index % 4]}
    </span>
  ),
};
