import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import { rehearseItem as rehearse, type RehearsalRoom } from '../../shared/rehearsal/run.js';
import type { Rng } from '../../shared/rehearsal/rng.js';
import { waitFor } from './harness.js';

/** A command the server refused during a rehearsal: who sent it, what, and the server's sentence. */
export interface Refusal {
  who: string;
  type: string;
  message: string;
}

/** The rehearsal room over real sockets: every send waits until every client has seen its events; refusals are kept. */
export function socketRoom(fac: SessionClient, people: readonly SessionClient[], refusals: Refusal[]): RehearsalRoom {
  const all = [fac, ...people];
  const byId = (id: string) => people.find((p) => p.snap.participantId === id);
  return {
    facilitator: () => fac.snap.state,
    participants: () => people.flatMap((p) => (p.snap.participantId ? [{ id: p.snap.participantId, state: () => p.snap.state }] : [])),
    async send(participantId: string | null, cmd: CommandBody) {
      const c = participantId === null ? fac : byId(participantId);
      if (!c) return false;
      const r = await c.send(cmd);
      if (!r.ok) {
        refusals.push({ who: participantId ?? 'facilitator', type: cmd.type, message: r.error.message });
        return false;
      }
      await waitFor(() => all.every((x) => x.snap.state.seq >= r.seq), `${cmd.type} seen by every client`);
      return true;
    },
  };
}

/** Enters the item (agenda.goto) and rehearses it over real sockets; throws when its driver never finished. */
export async function rehearseItem(fac: SessionClient, people: readonly SessionClient[], itemId: string, rng: Rng, refusals: Refusal[]): Promise<number> {
  const room = socketRoom(fac, people, refusals);
  if (fac.snap.state.currentItemId !== itemId) await room.send(null, { type: 'agenda.goto', payload: { itemId } });
  const { steps, done } = await rehearse(room, itemId, rng);
  if (!done && refusals.length === 0) throw new Error(`the item ${itemId} did not finish`);
  return steps;
}
