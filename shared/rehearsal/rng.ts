/** A seeded random source for rehearsals (mulberry32): the same seed replays the same simulated room. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** One entry of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * Math.max(0, n));
  const pick = <T>(list: readonly T[]): T => {
    const v = list[int(list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  };
  return { next, int, pick };
}
