import type { CommandBody } from '../protocol/commands.js';
import type { SessionState } from '../session/state.js';
import { driveNext, loadRehearsal, simulateNext } from './rehearse.js';
import type { Rng } from './rng.js';

/** A rehearsal's room as the runner sees it: each one's state (as their screen holds it) and a way to send. */
export interface RehearsalRoom {
  facilitator(): SessionState;
  participants(): readonly { id: string; state(): SessionState }[];
  /** Sends a command as a participant (by id) or the facilitator (null); resolves true when it was accepted. */
  send(participantId: string | null, cmd: CommandBody): Promise<boolean>;
}

/** Most rounds (the room until idle, then one facilitator step) an item may take before the runner gives up. */
export const MAX_ROUNDS = 120;
/** Most passes over the room before the facilitator's next step. */
export const MAX_PASSES = 60;

/**
 * Runs one agenda item's main activity: round after round, every simulated participant acts until the room is idle,
 * then the facilitator takes the item's next step, until the driver says the item is done. A participant refused once
 * stops on this item; a refused facilitator step ends it. Pure: all it does goes through `room.send`.
 * Returns how many steps the facilitator took, and whether the driver reached the end.
 */
export async function rehearseItem(room: RehearsalRoom, itemId: string, rng: Rng): Promise<{ steps: number; done: boolean }> {
  await loadRehearsal();
  const stopped = new Set<string>();
  let steps = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (let pass = 0, acted = true; acted && pass < MAX_PASSES; pass++) {
      acted = false;
      for (const p of room.participants()) {
        const s = p.state();
        const item = s.agenda.find((i) => i.id === itemId);
        const cmd = item && !stopped.has(p.id) ? simulateNext(s, item, p.id, rng) : null;
        if (!cmd) continue;
        if (await room.send(p.id, cmd)) acted = true;
        else stopped.add(p.id);
      }
    }
    const s = room.facilitator();
    const item = s.agenda.find((i) => i.id === itemId);
    const cmd = item ? driveNext(s, item, rng) : null;
    if (!cmd) return { steps, done: true };
    if (!(await room.send(null, cmd))) return { steps, done: false };
    steps++;
  }
  return { steps, done: false };
}
