import { describe, expect, it } from 'vitest';
import { MODULE_TYPES, stateFor } from '../../shared/modules/registry.js';
import { driveNext, loadRehearsal, rehearsalHooks, simulateNext } from '../../shared/rehearsal/rehearse.js';
import { clauses, phrase } from '../../shared/rehearsal/phrases.js';
import { seededRng } from '../../shared/rehearsal/rng.js';
import type { AgendaItem } from '../../shared/session/state.js';
import { agendaItem } from '../support/sessionModel.js';
import { unfinished } from '../support/rehearsalEnd.js';
import { rehearseModel } from '../support/rehearsalModel.js';

const ROOM = ['p1', 'p2', 'p3', 'p4', 'p5'];

/** An agenda with one item of every kind, in the registry's order (themes before groups, groups before report-outs). */
const everyKind = (): AgendaItem[] =>
  MODULE_TYPES.map((type) => ({ ...agendaItem(type, type), prompt: `What does ${type} show us? Our strengths; our needs.` }));

const rehearse = (seed: number) => rehearseModel(everyKind(), ROOM, seed);

describe('rehearsal hooks', () => {
  it.each([1, 2, 3])('drive every kind to its end state, and the room is never refused (seed %i)', async (seed) => {
    const { m, refusals, steps } = await rehearse(seed);
    expect(refusals).toEqual([]);
    expect(m.state.agenda.flatMap((item) => unfinished(m.state, item, ROOM))).toEqual([]);
    // Every kind with an activity took facilitator steps; a presentation has none.
    expect(steps.presentation).toBe(0);
    for (const type of MODULE_TYPES.filter((t) => t !== 'presentation')) expect(steps[type], type).toBeGreaterThan(0);
  });

  it('every kind has a driver, found through its own module or the modules it runs', async () => {
    await loadRehearsal();
    for (const type of MODULE_TYPES) {
      const drivers = rehearsalHooks({ moduleType: type }).filter((h) => h.drive);
      expect(drivers.length, type).toBeGreaterThan(0);
    }
  });

  it('a driver stops: run again on a finished item, it has nothing more to do', async () => {
    const { m } = await rehearse(4);
    for (const item of m.state.agenda) expect(driveNext(m.state, item, seededRng(9)), item.moduleType).toBeNull();
  });

  it('a simulated participant stops after a plausible amount', async () => {
    const { m } = await rehearse(5);
    for (const item of m.state.agenda)
      for (const id of ROOM) {
        const view = stateFor(m.state, { role: 'participant', participantId: id, ballot: `ballot-${id}` });
        expect(simulateNext(view, item, id, seededRng(7)), `${item.moduleType} ${id}`).toBeNull();
      }
  });

  it('phrases are made of the prompt’s own words and stay short', () => {
    const rng = seededRng(11);
    const prompt = 'Read your element from the CB Guide. Discuss examples from your state; brainstorm other examples.';
    expect(clauses(prompt)).toEqual(['Read your element from the CB Guide', 'Discuss examples from your state', 'brainstorm other examples']);
    for (let i = 0; i < 50; i++) {
      const text = phrase(rng, prompt, 'Communication', 60);
      expect(text.length).toBeLessThanOrEqual(60);
      const words = text.split(' ').slice(1).filter((w) => w.length > 3);
      expect(words.some((w) => `${prompt} Communication`.toLowerCase().includes(w.toLowerCase().replace(/[^a-z]/g, '')))).toBe(true);
    }
  });

  it('a seeded room replays the same', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });
});
