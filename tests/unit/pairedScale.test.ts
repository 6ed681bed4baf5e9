import { describe, expect, it } from 'vitest';
import { pairedScale, pairedValue } from '../../shared/report/pairedScale.js';

describe('the paired bars scale', () => {
  it('numbers each whole step of a survey scale and places values on it, clamped', () => {
    const s = pairedScale(1, 5);
    expect(s.ticks).toEqual([1, 2, 3, 4, 5]);
    expect(s.fraction(1)).toBe(0);
    expect(s.fraction(3)).toBe(0.5);
    expect(s.fraction(5)).toBe(1);
    expect(s.fraction(9)).toBe(1);
    expect(s.fraction(-2)).toBe(0);
  });

  it('takes five steps on a long or fractional range, and a range that is no range as one step', () => {
    expect(pairedScale(0, 100).ticks).toEqual([0, 25, 50, 75, 100]);
    expect(pairedScale(0, 2.5).ticks).toEqual([0, 0.6, 1.3, 1.9, 2.5]);
    expect(pairedScale(3, 3).ticks).toEqual([3, 4]);
    expect(pairedScale(Number.NaN, Number.NaN).fraction(0.5)).toBe(0.5);
  });

  it('draws no bar for an unanswered value or one that is no number', () => {
    expect(pairedValue(null)).toBeNull();
    expect(pairedValue(Number.NaN)).toBeNull();
    expect(pairedValue(4.2)).toBe(4.2);
  });
});
