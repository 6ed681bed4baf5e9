import { expect } from 'vitest';
import { stateFor } from '../../shared/modules/registry.js';
import { rehearseItem, type RehearsalRoom } from '../../shared/rehearsal/run.js';
import { seededRng } from '../../shared/rehearsal/rng.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { AgendaItem } from '../../shared/session/state.js';
import { FACILITATOR, SessionModel } from './sessionModel.js';

/**
 * Rehearses every item of the agenda over the pure model (decide, then apply), the room's participants each acting
 * from their own screen's state. Returns the model, the refusals in words, and the facilitator's steps by kind.
 */
export async function rehearseModel(items: AgendaItem[], room: readonly string[], seed: number) {
  const m = new SessionModel(items);
  const people = room.map((id) => ({ ...m.join(id, `Name ${id}`), ballot: `ballot-${id}` }) as Extract<Actor, { role: 'participant' }>);
  const rng = seededRng(seed);
  const refusals: string[] = [];
  const steps: Record<string, number> = {};
  const rehearsalRoom: RehearsalRoom = {
    facilitator: () => m.state,
    participants: () => people.map((p) => ({ id: p.participantId, state: () => stateFor(m.state, { role: 'participant', participantId: p.participantId, ballot: p.ballot }) })),
    send: (who, cmd) => {
      const err = m.run(people.find((p) => p.participantId === who) ?? FACILITATOR, cmd);
      if (err) refusals.push(`${who ?? 'facilitator'} ${cmd.type}: ${err.message}`);
      return Promise.resolve(err === null);
    },
  };
  for (const item of m.state.agenda) {
    m.ok(FACILITATOR, { type: 'agenda.goto', payload: { itemId: item.id } });
    const run = await rehearseItem(rehearsalRoom, item.id, rng);
    expect(run.done, item.moduleType).toBe(true);
    steps[item.moduleType] = run.steps;
  }
  return { m, refusals, steps };
}
