/** The report's look in one place: one accent colour, calm greys, a small set of type sizes (points). */
export type Rgb = readonly [number, number, number];

export const colour = {
  ink: [33, 37, 41],
  muted: [102, 108, 117],
  rule: [208, 213, 219],
  /** The one accent: a deep steel blue. */
  accent: [31, 95, 139],
  /** The accent, faded: cell headers and the track behind a bar. */
  tint: [231, 239, 246],
  /** Every other table row. */
  stripe: [246, 248, 250],
  white: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

export const size = {
  title: 28,
  subtitle: 13,
  section: 17,
  h1: 14,
  h2: 12,
  h3: 10.5,
  body: 10,
  small: 8.5,
  footer: 8,
} as const;

/** Line height as a multiple of the type size. */
export const leading = 1.38;

/** Page margins (points): 0.75 inch at the sides, a little more at the foot for the page numbers. */
export const margin = { side: 54, top: 54, bottom: 62 } as const;

/** Space after a block, and the height of the "(continued)" line at the top of a page. */
export const gap = { block: 12, continued: 24 } as const;
