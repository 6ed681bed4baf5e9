import { expect } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import { waitFor } from './harness.js';

/** A screen with everything that reached its socket: the join answer (with its catch-up) and every live frame. */
export async function listen(c: SessionClient, join: (c: SessionClient) => Promise<JoinResult>) {
  const wire: string[] = [];
  c.socket.onAny((...args: unknown[]) => wire.push(JSON.stringify(args)));
  const res = await join(c);
  expect(res.ok).toBe(true);
  wire.push(JSON.stringify(res));
  return { c, wire, heard: () => wire.join('\n') };
}

/** Commands that must be accepted, and a wait until screens have caught up with the last event they wrote. */
export class Steps {
  head = 0;

  async ok(c: SessionClient, body: CommandInput): Promise<void> {
    const res = await c.send(body);
    if (!res.ok) throw new Error(`${body.type}: ${res.error.message}`);
    this.head = Math.max(this.head, res.seq);
  }

  inStep(clients: SessionClient[]): Promise<void> {
    return waitFor(() => clients.every((c) => c.snap.state.seq >= this.head), 'every screen in step');
  }
}
