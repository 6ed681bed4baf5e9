import type { Measure } from '../../../shared/report/ecomapText.js';

/** The weight the map's labels are drawn at (ecomap.css), which their measure must use. */
const WEIGHT = 600;
/** A little room for the difference between the canvas's text and the SVG's (hinting, rounding). */
const SLACK = 1.02;

let context: CanvasRenderingContext2D | null | undefined;
let made: { family: string; measure: Measure } | undefined;

/**
 * The browser's own measure of a label in the page's font, for ecomapLayout (its default estimate is for a regular
 * weight: bold names would run past their place). Undefined where there is no canvas to measure with (tests under
 * jsdom), which leaves the layout's estimate.
 */
export function labelMeasure(): Measure | undefined {
  if (context === undefined) context = typeof document === 'undefined' || /jsdom/i.test(navigator.userAgent) ? null : document.createElement('canvas').getContext('2d');
  const ctx = context;
  if (!ctx) return undefined;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  if (made?.family !== family) {
    const measure: Measure = (text, fontSize) => {
      ctx.font = `${WEIGHT} ${fontSize}px ${family}`;
      return ctx.measureText(text).width * SLACK;
    };
    made = { family, measure };
  }
  return made.measure;
}
