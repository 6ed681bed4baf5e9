import { describe, expect, it } from 'vitest';
import { planOf } from '../support/randomClientsPlan.js';

describe("the random clients' plan", () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(planOf(7, 300, 8)).toEqual(planOf(7, 300, 8));
    expect(planOf(8, 300, 8)).not.toEqual(planOf(7, 300, 8));
  });

  it('acts only on notes its screen added (the console on any) and resends only its own commands', () => {
    const plan = planOf(11, 500, 6);
    const added = new Map(plan.filter((a) => a.kind === 'add' || a.kind === 'twice').map((a) => [a.id, a.screen]));
    for (const a of plan) {
      if (['edit', 'move', 'delete'].includes(a.kind)) expect(a.screen === 0 || added.get(a.target) === a.screen).toBe(true);
      if (a.kind === 'resend') expect(plan.find((b) => b.id === a.target)?.screen).toBe(a.screen);
    }
  });
});
