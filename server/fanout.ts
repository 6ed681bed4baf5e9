import type { Server } from 'socket.io';
import type { ClientToServerEvents, Presence, ServerToClientEvents } from '../shared/protocol/socket.js';
import type { SessionEvent } from '../shared/session/events.js';
import type { Viewer } from '../shared/session/visibility.js';
import { eventFor, personalTo } from '../shared/modules/registry.js';

export type Audience = 'facilitator' | 'participant' | 'board';
export const roomOf = (sessionId: string, audience: Audience): string => `${sessionId}:${audience}`;
/** Each participant's sockets (all their tabs) also sit in a room of their own, for what is theirs alone. */
export const personalRoom = (sessionId: string, participantId: string): string => `${sessionId}:p:${participantId}`;

/**
 * Coalesces a session's events into one frame per audience per short tick. Each audience's frame is built and
 * encoded once (socket.io encodes a room broadcast once for all its sockets), so cost grows with
 * events x audiences, not events x sockets. A participant to whom an event in the frame is personal (their own
 * private note, their own dot) gets a frame of their own and is left out of the shared one.
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
    const rooms = this.io.sockets.adapter.rooms;
    const send = (room: string, viewer: Viewer, except: string[] = []): void => {
      if (!rooms.get(room)?.size) return;
      const frame = events.map((e) => eventFor(e, viewer));
      (except.length ? this.io.to(room).except(except) : this.io.to(room)).emit('events', frame);
    };
    send(roomOf(sessionId, 'facilitator'), { role: 'facilitator' });
    send(roomOf(sessionId, 'board'), { role: 'board' });
    const personal = [...new Set(events.flatMap(personalTo))];
    send(
      roomOf(sessionId, 'participant'),
      { role: 'participant', participantId: null },
      personal.map((p) => personalRoom(sessionId, p)),
    );
    for (const p of personal) send(personalRoom(sessionId, p), { role: 'participant', participantId: p });
  }

  presence(sessionId: string, p: Presence): void {
    this.io.to(roomOf(sessionId, 'facilitator')).emit('presence', p);
  }

  /** Drops what a session that left memory still had pending. */
  forget(sessionId: string): void {
    const timer = this.timers.get(sessionId);
    if (timer) clearTimeout(timer);
    this.timers.delete(sessionId);
    this.pending.delete(sessionId);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
  }
}
