import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import { driveNext, simulateNext } from '../../shared/rehearsal/rehearse.js';
import type { Rng } from '../../shared/rehearsal/rng.js';
import { waitFor } from './harness.js';

/** A command the server refused during a rehearsal: who sent it, what, and the server's sentence. */
export interface Refusal {
  who: string;
  type: string;
  message: string;
}

/** Most rounds (participants until idle, then one facilitator step) an item may take before the rehearsal gives up. */
const MAX_ROUNDS = 120;
/** Most passes over the room before the facilitator's next step. */
const MAX_PASSES = 60;

/** Sends a command and waits until every client has seen its events; a refusal is recorded, not thrown. */
async function sendSeen(c: SessionClient, who: string, all: readonly SessionClient[], cmd: CommandBody, refusals: Refusal[]): Promise<boolean> {
  const r = await c.send(cmd);
  if (!r.ok) {
    refusals.push({ who, type: cmd.type, message: r.error.message });
    return false;
  }
  await waitFor(() => all.every((x) => x.snap.state.seq >= r.seq), `${cmd.type} seen by every client`);
  return true;
}

/**
 * Runs one agenda item as a rehearsal over real sockets: the facilitator enters it, then, round after round, every
 * simulated participant acts until the room is idle and the facilitator takes the item's next step, until the
 * facilitator's driver says the item is done. A participant refused once stops on this item (the refusal is kept).
 * Returns how many steps the facilitator took.
 */
export async function rehearseItem(fac: SessionClient, people: readonly SessionClient[], itemId: string, rng: Rng, refusals: Refusal[]): Promise<number> {
  const all = [fac, ...people];
  if (fac.snap.state.currentItemId !== itemId) await sendSeen(fac, 'facilitator', all, { type: 'agenda.goto', payload: { itemId } }, refusals);
  const stopped = new Set<SessionClient>();
  let steps = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (let pass = 0, acted = true; acted && pass < MAX_PASSES; pass++) {
      acted = false;
      for (const p of people) {
        const item = p.snap.state.agenda.find((i) => i.id === itemId);
        const me = p.snap.participantId;
        if (stopped.has(p) || !item || !me) continue;
        const cmd = simulateNext(p.snap.state, item, me, rng);
        if (!cmd) continue;
        if (await sendSeen(p, me, all, cmd, refusals)) acted = true;
        else stopped.add(p);
      }
    }
    const item = fac.snap.state.agenda.find((i) => i.id === itemId);
    const cmd = item ? driveNext(fac.snap.state, item, rng) : null;
    if (!cmd) return steps;
    if (!(await sendSeen(fac, 'facilitator', all, cmd, refusals))) return steps;
    steps++;
  }
  throw new Error(`the item ${itemId} did not finish in ${MAX_ROUNDS} rounds`);
}
