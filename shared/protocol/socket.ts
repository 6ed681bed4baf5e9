import type { CommandError, CommandResult } from './results.js';
import type { JoinRequest, JoinResult } from './join.js';
import type { SessionEvent } from '../session/events.js';

/** Who is connected right now; sent to the facilitator only. Not part of the log. */
export interface Presence {
  participantIds: string[];
  boards: number;
}

/** Typed socket.io event maps: the same definitions type the server and every client. */
export interface ClientToServerEvents {
  join: (req: JoinRequest, ack: (res: JoinResult) => void) => void;
  command: (cmd: unknown, ack: (res: CommandResult) => void) => void;
  /** Clock probe: the server answers with its own time so the client can compute its offset (or why it will not). */
  time: (ack: (serverNow: number | { ok: false; error: CommandError }) => void) => void;
}

export interface ServerToClientEvents {
  /** A batch of events in seq order, coalesced per short tick. */
  events: (events: SessionEvent[]) => void;
  presence: (p: Presence) => void;
  /** The session is gone (deleted by its facilitator); the server disconnects right after. */
  closed: (notice: { reason: 'deleted' | 'removed'; message: string }) => void;
}
