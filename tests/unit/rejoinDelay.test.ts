import { expect, it } from 'vitest';
import { REJOIN_MAX_MS, rejoinDelay } from '../../client/net/rejoinDelay.js';

it("waits the server's wait, plus up to half of it (at most 5 s) at random", () => {
  expect(rejoinDelay(4, 0, () => 0)).toBe(4000);
  expect(rejoinDelay(4, 7, () => 1)).toBe(6000);
  expect(rejoinDelay(900, 0, () => 1)).toBe(905_000);
});

it('without a wait from the server, doubles from one second up to the cap', () => {
  expect([0, 1, 2, 3].map((tries) => rejoinDelay(undefined, tries, () => 0))).toEqual([1000, 2000, 4000, 8000]);
  expect(rejoinDelay(undefined, 40, () => 0)).toBe(REJOIN_MAX_MS);
  expect(rejoinDelay(undefined, 40, () => 1)).toBe(REJOIN_MAX_MS + 5000);
});
