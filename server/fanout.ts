import type { Server } from 'socket.io';
import type { ClientToServerEvents, Presence, ServerToClientEvents } from '../shared/protocol/socket.js';
import type { SessionEvent } from '../shared/session/events.js';
import { eventFor, type Audience } from '../shared/session/visibility.js';

const AUDIENCES: readonly Audience[] = ['facilitator', 'participant', 'board'];
export const roomOf = (sessionId: string, audience: Audience): string => `${sessionId}:${audience}`;

/**
 * Coalesces a session's events into one frame per audience per short tick. Each audience's frame is built and
 * encoded once (socket.io encodes a room broadcast once for all its sockets), so cost grows with
 * events x audiences, not events x sockets.
 */
export class Fanout {
  private pending = new Map<string, SessionEvent[]>();
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private io: Server<ClientToServerEvents, ServerToClientEvents>,
    private tickMs: number,
  ) {}

  publish(sessionId: string, events: SessionEvent[]): void {
    const queue = this.pending.get(sessionId);
    if (queue) queue.push(...events);
    else this.pending.set(sessionId, [...events]);
    if (this.tickMs <= 0) return this.flush(sessionId);
    if (!this.timers.has(sessionId)) this.timers.set(sessionId, setTimeout(() => this.flush(sessionId), this.tickMs));
  }

  /** Sends what is pending now. Called before a client joins a room, so its catch-up and the live frames never overlap. */
  flush(sessionId: string): void {
    const timer = this.timers.get(sessionId);
    if (timer) clearTimeout(timer);
    this.timers.delete(sessionId);
    const events = this.pending.get(sessionId);
    this.pending.delete(sessionId);
    if (!events?.length) return;
    for (const audience of AUDIENCES) {
      const room = roomOf(sessionId, audience);
      if (!this.io.sockets.adapter.rooms.get(room)?.size) continue;
      this.io.to(room).emit(
        'events',
        events.map((e) => eventFor(e, audience)),
      );
    }
  }

  presence(sessionId: string, p: Presence): void {
    this.io.to(roomOf(sessionId, 'facilitator')).emit('presence', p);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
  }
}
