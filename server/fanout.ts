import type { Server } from 'socket.io';
import type { ClientToServerEvents, Presence, ServerToClientEvents } from '../shared/protocol/socket.js';
import type { SessionEvent } from '../shared/session/events.js';
import type { Viewer } from '../shared/session/visibility.js';
import { eventFor, personalTo } from '../shared/modules/registry.js';

export type Audience = 'facilitator' | 'participant' | 'board';
export const roomOf = (sessionId: string, audience: Audience): string => `${sessionId}:${audience}`;
/** Each participant's sockets (all their tabs) also sit in a room of their own, for what is theirs alone. */
export const personalRoom = (sessionId: string, participantId: string): string => `${sessionId}:p:${participantId}`;

/** Who sent an anonymous command (its events name a ballot, never the person): known to the fanout only in memory. */
export interface AnonymousSender {
  participantId: string;
  ballot: string | undefined;
}

interface Pending {
  events: SessionEvent[];
  /** The ballots of the participants who sent anonymous commands in this frame, by participant id. */
  ballots: Map<string, string | undefined>;
}

/**
 * Coalesces a session's events into one frame per audience per short tick. Each audience's frame is built and
 * encoded once (socket.io encodes a room broadcast once for all its sockets), so cost grows with
 * events x audiences, not events x sockets. A participant to whom an event in the frame is personal (their own
 * private note, their own dot, their own anonymous rating) gets a frame of their own and is left out of the shared
 * one. An anonymous event's sender is not in the event: the pipeline names them here, and it is forgotten once sent.
 */
export class Fanout {
  private pending = new Map<string, Pending>();
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private io: Server<ClientToServerEvents, ServerToClientEvents>,
    private tickMs: number,
  ) {}

  publish(sessionId: string, events: SessionEvent[], sender?: AnonymousSender): void {
    const queue = this.pending.get(sessionId) ?? { events: [], ballots: new Map<string, string | undefined>() };
    queue.events.push(...events);
    if (sender) queue.ballots.set(sender.participantId, sender.ballot);
    this.pending.set(sessionId, queue);
    if (this.tickMs <= 0) return this.flush(sessionId);
    if (!this.timers.has(sessionId)) this.timers.set(sessionId, setTimeout(() => this.flush(sessionId), this.tickMs));
  }

  /** Sends what is pending now. Called before a client joins a room, so its catch-up and the live frames never overlap. */
  flush(sessionId: string): void {
    const timer = this.timers.get(sessionId);
    if (timer) clearTimeout(timer);
    this.timers.delete(sessionId);
    const pending = this.pending.get(sessionId);
    this.pending.delete(sessionId);
    if (!pending?.events.length) return;
    const { events, ballots } = pending;
    const rooms = this.io.sockets.adapter.rooms;
    const send = (room: string, viewer: Viewer, except: string[] = []): void => {
      if (!rooms.get(room)?.size) return;
      const frame = events.map((e) => eventFor(e, viewer));
      (except.length ? this.io.to(room).except(except) : this.io.to(room)).emit('events', frame);
    };
    send(roomOf(sessionId, 'facilitator'), { role: 'facilitator' });
    send(roomOf(sessionId, 'board'), { role: 'board' });
    const personal = [...new Set([...events.flatMap(personalTo), ...ballots.keys()])];
    send(
      roomOf(sessionId, 'participant'),
      { role: 'participant', participantId: null },
      personal.map((p) => personalRoom(sessionId, p)),
    );
    for (const p of personal) {
      const ballot = ballots.get(p);
      send(personalRoom(sessionId, p), ballot ? { role: 'participant', participantId: p, ballot } : { role: 'participant', participantId: p });
    }
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
