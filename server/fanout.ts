import type { Server } from 'socket.io';
import type { ClientToServerEvents, Presence, ServerToClientEvents } from '../shared/protocol/socket.js';
import type { SessionEvent } from '../shared/session/events.js';
import type { Viewer } from '../shared/session/visibility.js';
import { eventFor, personalTo } from '../shared/modules/registry.js';

export type Audience = 'facilitator' | 'participant' | 'board';
const AUDIENCES: readonly Audience[] = ['facilitator', 'board', 'participant'];
export const roomOf = (sessionId: string, audience: Audience): string => `${sessionId}:${audience}`;
/**
 * The participant a socket in a participant room joined as (socket.data, set at the join): what is theirs alone goes
 * to their sockets (all their tabs) by id, not through a room of their own that every phone would keep.
 */
export const participantOf = (data: unknown): string | undefined => {
  const p = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).participantId : undefined;
  return typeof p === 'string' ? p : undefined;
};

/** Who sent an anonymous command (its events name a ballot, never the person): known to the fanout only in memory. */
export interface AnonymousSender {
  participantId: string;
  ballot: string | undefined;
}

export interface FanoutOptions {
  /** The longest an event waits to be coalesced with the ones after it, under load (0: every event at once). */
  tickMs: number;
  /**
   * Sockets a session's frames may reach per second before its events wait to be coalesced: the window after a
   * frame is (sockets in the session / this) seconds, at most the tick. A room of 50 phones gets frames after at
   * most a few ms, a room of hundreds waits the whole tick; under 1 ms there is no window. Default: no such budget
   * (the window is the tick).
   */
  socketWritesPerSecond?: number;
  /**
   * Several processes (server/cluster.ts): `relay` tells the other processes about the events this one committed
   * (before its own frames go), so that each sends them from its own copy to its own screens; presence adds who is
   * online on the other processes and goes to the console wherever it is.
   */
  cluster?: {
    relay(sessionId: string, events: SessionEvent[], sender?: AnonymousSender): void;
    presenceElsewhere(sessionId: string): Promise<Presence>;
  };
}

interface Pending {
  events: SessionEvent[];
  /** The ballots of the participants who sent anonymous commands in this frame, by participant id. */
  ballots: Map<string, string | undefined>;
  /** Who is online, worked out when the frame goes (a join storm's presence changes become one frame). */
  presence: (() => Presence) | null;
  /** Runs right after the frame went out (a join waiting so its catch-up and the live frames never overlap). */
  after: Array<() => void>;
}

const emptyPending = (): Pending => ({ events: [], ballots: new Map(), presence: null, after: [] });

/**
 * Sends a session's events in one frame per audience, adaptively: a session that has been quiet for a window sends
 * an event at once; the events that follow within the window after a frame are coalesced into one frame sent at the
 * window's end; a window with nothing to send ends it, and the next event goes at once again. Each audience's frame
 * is built and encoded once (socket.io encodes a room broadcast once for all its sockets), so cost grows with
 * frames x audiences, not events x sockets. A participant to whom an event in the frame is personal (their own
 * private note, their own dot, their own anonymous rating) gets a frame of their own and is left out of the shared
 * one. An anonymous event's sender is not in the event: the pipeline names them here, and it is forgotten once sent.
 */
export class Fanout {
  private pending = new Map<string, Pending>();
  /** Sessions whose window is open, with the timer that ends it. */
  private windows = new Map<string, NodeJS.Timeout>();
  private tickMs: number;
  private writesPerSecond: number;
  private cluster: FanoutOptions['cluster'];
  /** The latest presence asked of the other processes per session: an older answer arriving late is not sent. */
  private presenceAsked = new Map<string, number>();

  constructor(
    private io: Server<ClientToServerEvents, ServerToClientEvents>,
    options: FanoutOptions,
  ) {
    this.tickMs = options.tickMs;
    this.writesPerSecond = options.socketWritesPerSecond ?? 0;
    this.cluster = options.cluster;
  }

  publish(sessionId: string, events: SessionEvent[], sender?: AnonymousSender): void {
    this.cluster?.relay(sessionId, events, sender);
    this.publishRelayed(sessionId, events, sender);
  }

  /**
   * Events another process committed, now applied to this process's copy: to this process's screens, in the same
   * frames and order as its own. (Each process sends to its own screens only: frames from two processes could
   * overtake each other on the way to one screen, and its catch-up comes from this copy.)
   */
  publishRelayed(sessionId: string, events: SessionEvent[], sender?: AnonymousSender): void {
    const queue = this.queueOf(sessionId);
    queue.events.push(...events);
    if (sender) queue.ballots.set(sender.participantId, sender.ballot);
    this.sendOrWait(sessionId);
  }

  /** The facilitator's list of who is online: `current` is asked when the frame goes, so only the latest is sent. */
  presence(sessionId: string, current: () => Presence): void {
    this.queueOf(sessionId).presence = current;
    this.sendOrWait(sessionId);
  }

  /**
   * Runs `fn` once what is pending has gone out: at once when nothing is, else right after the window's frame. A
   * join waits here, so its catch-up and the live frames after it neither overlap nor gap, without a frame per join.
   */
  afterPending(sessionId: string, fn: () => void): void {
    const queue = this.pending.get(sessionId);
    if (!queue?.events.length) return fn();
    queue.after.push(fn);
  }

  /** Sends what is pending now: the events, then who is online, then lets the waiting joins in. */
  private flush(sessionId: string): void {
    const pending = this.pending.get(sessionId);
    this.pending.delete(sessionId);
    if (!pending) return;
    if (pending.events.length) this.sendEvents(sessionId, pending);
    if (pending.presence) this.sendPresence(sessionId, pending.presence());
    for (const fn of pending.after) fn();
  }

  /** This process's list, joined with the other processes' when there are several (asked of them, so a moment later). */
  private sendPresence(sessionId: string, here: Presence): void {
    const room = roomOf(sessionId, 'facilitator');
    if (!this.cluster) return void this.io.to(room).emit('presence', here);
    // The console may be on any process: this list goes through the adapter to wherever it is.
    const asked = (this.presenceAsked.get(sessionId) ?? 0) + 1;
    this.presenceAsked.set(sessionId, asked);
    void this.cluster.presenceElsewhere(sessionId).then((there) => {
      if (this.presenceAsked.get(sessionId) !== asked) return;
      this.presenceAsked.delete(sessionId);
      const participantIds = [...new Set([...here.participantIds, ...there.participantIds])];
      this.io.to(room).emit('presence', { participantIds, boards: here.boards + there.boards });
    });
  }

  /** Drops the frame a session that left memory still had pending; the joins waiting for it are let in. */
  forget(sessionId: string): void {
    clearTimeout(this.windows.get(sessionId));
    this.windows.delete(sessionId);
    const after = this.pending.get(sessionId)?.after ?? [];
    this.pending.delete(sessionId);
    this.presenceAsked.delete(sessionId);
    for (const fn of after) fn();
  }

  close(): void {
    for (const t of this.windows.values()) clearTimeout(t);
    this.windows.clear();
    this.pending.clear();
    this.presenceAsked.clear();
  }

  private queueOf(sessionId: string): Pending {
    let queue = this.pending.get(sessionId);
    if (!queue) this.pending.set(sessionId, (queue = emptyPending()));
    return queue;
  }

  /** A quiet session sends at once and opens a window; within an open window, what comes waits for its end. */
  private sendOrWait(sessionId: string): void {
    if (this.windows.has(sessionId)) return;
    this.flush(sessionId);
    this.openWindow(sessionId);
  }

  private openWindow(sessionId: string): void {
    const ms = this.windowMs(sessionId);
    if (ms <= 0) return;
    this.windows.set(
      sessionId,
      setTimeout(() => {
        this.windows.delete(sessionId);
        // Something came within the window: send it, and coalesce again for the next window (still under load).
        if (!this.pending.has(sessionId)) return;
        this.flush(sessionId);
        this.openWindow(sessionId);
      }, ms),
    );
  }

  private windowMs(sessionId: string): number {
    if (this.tickMs <= 0 || this.writesPerSecond <= 0) return this.tickMs;
    const rooms = this.io.sockets.adapter.rooms;
    const sockets = AUDIENCES.reduce((n, a) => n + (rooms.get(roomOf(sessionId, a))?.size ?? 0), 0);
    const ms = Math.min(this.tickMs, (sockets * 1000) / this.writesPerSecond);
    return ms < 1 ? 0 : ms; // a timer cannot wait less: a window this short is none, the next event goes at once too
  }

  private sendEvents(sessionId: string, { events, ballots }: Pending): void {
    const rooms = this.io.sockets.adapter.rooms;
    const send = (room: string | string[], viewer: Viewer, except: string[] = []): void => {
      if (typeof room === 'string' ? !rooms.get(room)?.size : room.length === 0) return;
      const frame = events.map((e) => eventFor(e, viewer));
      // This process's screens only (with several processes, the others send from their own copies).
      (except.length ? this.io.local.to(room).except(except) : this.io.local.to(room)).emit('events', frame);
    };
    send(roomOf(sessionId, 'facilitator'), { role: 'facilitator' });
    send(roomOf(sessionId, 'board'), { role: 'board' });
    const personal = this.socketsOf(sessionId, new Set([...events.flatMap(personalTo), ...ballots.keys()]));
    send(roomOf(sessionId, 'participant'), { role: 'participant', participantId: null }, [...personal.values()].flat());
    for (const [p, sockets] of personal) {
      const ballot = ballots.get(p);
      send(sockets, ballot ? { role: 'participant', participantId: p, ballot } : { role: 'participant', participantId: p });
    }
  }

  /** The ids of this process's sockets of these participants, by participant (one pass over the participant room). */
  private socketsOf(sessionId: string, participants: ReadonlySet<string>): Map<string, string[]> {
    const found = new Map<string, string[]>();
    if (participants.size === 0) return found;
    const { adapter, sockets } = this.io.sockets;
    for (const id of adapter.rooms.get(roomOf(sessionId, 'participant')) ?? []) {
      const p = participantOf(sockets.get(id)?.data);
      if (p !== undefined && participants.has(p)) found.set(p, [...(found.get(p) ?? []), id]);
    }
    return found;
  }
}
