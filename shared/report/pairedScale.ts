/** The scale of a paired-bars block, shared by the PDF and the on-screen preview. */
export interface PairedScale {
  /** The numbers printed along the scale: each whole number from min to max (at most 11, else five steps). */
  ticks: number[];
  /** Where `v` falls between min (0) and max (1), clamped. */
  fraction: (v: number) => number;
}

export function pairedScale(min: number, max: number): PairedScale {
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) && max > lo ? max : lo + 1;
  const whole = Number.isInteger(lo) && Number.isInteger(hi) && hi - lo <= 10;
  const ticks = whole
    ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
    : Array.from({ length: 5 }, (_, i) => Math.round((lo + ((hi - lo) * i) / 4) * 10) / 10);
  return { ticks, fraction: (v) => Math.min(1, Math.max(0, (v - lo) / (hi - lo))) };
}

/** A row's value to draw: null when not answered (or not a number). */
export const pairedValue = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);
