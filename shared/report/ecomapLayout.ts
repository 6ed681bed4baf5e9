import { estimateWidth, type Measure } from './ecomapText.js';
import { fits } from './ecomapFit.js';
import { place, type Partners } from './ecomapPlace.js';

/**
 * The eco-map's layout, one for the board's SVG, the report preview and the PDF: the agency in a circle at the
 * centre, internal partners on an inner ring and external ones on an outer ring (ellipses that fill the box), spread
 * evenly clockwise from the top, each partner a circle big enough for its four marks (see `markSlots`) with its name
 * beside it, pointing away from the centre. The largest label size at which no node, label or the centre overlaps
 * and all stay inside the box wins. Pure geometry in the box's units (pixels or points), y downwards.
 */
export interface EcoLayoutOptions {
  width: number;
  height: number;
  /** The largest label size, as a fraction of the box's height (default 0.03: 32 px on a 1080 px board). */
  fontRatio?: number;
  /** The smallest label size tried (default 0.009 of the box's height). */
  minFontRatio?: number;
  /** A node's radius per point of label size (default NODE_RATIO); paper, read close, wants larger marks. */
  nodeRatio?: number;
  /** The renderer's own text measure (the PDF's); the default estimate errs wide. */
  measure?: Measure;
  /**
   * Only a size at which every name is spelt whole (none cut short with "…") fits; where none is, as without this.
   * The board's choice: a whole name at a slightly smaller size reads better than a cut one.
   */
  wholeNames?: boolean;
}

export interface EcoLabel {
  /** The anchor point's x: the left edge ('start'), the middle or the right edge ('end') of every line. */
  x: number;
  anchor: 'start' | 'middle' | 'end';
  lines: string[];
  /** The baseline of each line. */
  baselines: number[];
  fontSize: number;
  /** The box the lines take (for tests and hit areas). */
  box: { x: number; y: number; w: number; h: number };
}

export interface EcoNodeLayout {
  name: string;
  side: 'internal' | 'external';
  x: number;
  y: number;
  r: number;
  label: EcoLabel;
}

export interface EcoLayout {
  width: number;
  height: number;
  /** The label size every partner's name is drawn at. */
  fontSize: number;
  centre: { x: number; y: number; r: number; label: EcoLabel };
  /** In the order given. */
  nodes: EcoNodeLayout[];
}

/** A node's radius per point of label size: room for the 2x2 marks inside it. */
export const NODE_RATIO = 1.9;
/** Whether the layout cut a node's name short to fit its lines (the last line ends with "…", the name did not). */
const cut = (n: EcoNodeLayout): boolean => (n.label.lines.at(-1) ?? '').endsWith('…') && !n.name.endsWith('…');
const STAGGERS = [[1], [1, 0.8], [1, 0.7], [1, 0.8, 0.62]] as const;

export function ecomapLayout(
  partners: Partners,
  centre: string,
  opts: EcoLayoutOptions,
): EcoLayout {
  const { width, height } = opts;
  const measure = opts.measure ?? estimateWidth;
  const nodeRatio = opts.nodeRatio ?? NODE_RATIO;
  const max = (opts.fontRatio ?? 0.03) * height;
  const min = Math.min(max, (opts.minFontRatio ?? 0.009) * height);
  const external = partners.filter((p) => p.side === 'external').length;
  const outer = external > 0 ? external : partners.length;
  const sizes: number[] = [];
  for (let f = max; f > min; f *= 0.97) sizes.push(f);
  const at = (f: number, stagger: readonly number[]): EcoLayout | null => {
    for (const perLine of [14, 18, 11]) {
      for (const inner of [0.52, 0.6, 0.44]) {
        const attempt = place(partners, centre, { width, height, f, perLine, stagger, inner, measure, nodeRatio });
        if (fits(attempt.shapes, width, height, f * 0.15) && !(opts.wholeNames && attempt.layout.nodes.some(cut))) return attempt.layout;
      }
    }
    return null;
  };
  // For each zigzag (none first), the largest size that fits (by halving: a smaller size fits when a larger does);
  // a zigzag must buy a clearly larger type to win, as a plain ring reads more easily.
  let best: { layout: EcoLayout; score: number } | null = null;
  for (const [i, stagger] of (outer > 8 ? STAGGERS : STAGGERS.slice(0, 1)).entries()) {
    let lo = 0;
    let hi = sizes.length - 1;
    let found: EcoLayout | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const layout = at(sizes[mid] ?? min, stagger);
      if (layout) {
        found = layout;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    const score = found ? found.fontSize * (1 - 0.08 * i) : 0;
    if (found && (!best || score > best.score)) best = { layout: found, score };
  }
  if (best) return best.layout;
  if (opts.wholeNames) return ecomapLayout(partners, centre, { ...opts, wholeNames: false });
  // Nothing fits even at the smallest size (a box far too small): the smallest, most staggered attempt.
  return place(partners, centre, { width, height, f: min, perLine: 11, stagger: STAGGERS[STAGGERS.length - 1] ?? [1], inner: 0.52, measure, nodeRatio }).layout;
}
