import type { Server, Socket } from 'socket.io';
import { JoinRequest, type CatchUp, type JoinResult } from '../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../shared/protocol/limits.js';
import { fail } from '../shared/protocol/results.js';
import type { ClientToServerEvents, Presence, ServerToClientEvents } from '../shared/protocol/socket.js';
import type { Actor } from '../shared/session/permissions.js';
import { participantById } from '../shared/session/notes.js';
import type { Viewer } from '../shared/session/visibility.js';
import type { SessionEvent } from '../shared/session/events.js';
import { eventFor, stateFor } from '../shared/modules/registry.js';
import { roomOf, type Audience, type Fanout } from './fanout.js';
import { SESSION_DELETED } from './pipeline.js';
import type { Limits } from './limits.js';
import { RateLimiter } from './rateLimit.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';
import { ballotOf } from './ballots.js';
import { describeIssues } from './validation.js';
import { REMOVED } from '../shared/modules/people/people.logic.js';
import { joinNewParticipant } from './join.js';
import { notJoined, onCommand, TOO_FAST } from './socketCommand.js';
import type { PacketGuard } from './socketGuard.js';

export type IO = Server<ClientToServerEvents, ServerToClientEvents>;
type Sock = Socket<ClientToServerEvents, ServerToClientEvents>;

export interface SocketDeps {
  hub: SessionHub;
  fanout: Fanout;
  now: () => number;
  /** Beyond this many missed events a reconnecting client gets a snapshot instead. */
  catchUpMaxEvents: number;
  rate: { capacity: number; perSecond: number };
  limits: Limits;
  /** The packet guard (socketGuard.ts) around the join, command and clock listeners. */
  guard: PacketGuard;
}

export interface Joined {
  session: LiveSession;
  actor: Actor;
  audience: Audience;
}

/** What the handlers share: one per server, not one per socket. */
export interface Ctx {
  io: IO;
  deps: SocketDeps;
  /** sessionId -> participantId -> open sockets */
  online: Map<string, Map<string, number>>;
  boards: Map<string, number>;
}

/**
 * What one connection holds. The handlers are shared functions taking it (with the socket), not closures made per
 * socket: a join storm of thousands of phones keeps this object and a few small listeners per phone, no more.
 */
export interface Conn {
  limiter: RateLimiter;
  joined: Joined | null;
  joining: boolean;
}

/** What the rest of the server may ask of the sockets. */
export interface Sockets {
  /**
   * Sends each console on this process who is online now, counted again on every process: another process went
   * (its screens with it) or came back without a screen here changing.
   */
  presenceAgain(): void;
  /** Who is online on this process for a session. */
  here(sessionId: string): Presence;
}

const OUT_OF_DATE = 'This page is out of date. Please reload it.';

/** Wires socket.io: protocol check, join, commands through the pipeline, clock probes, presence. */
export function attachSockets(io: IO, deps: SocketDeps): Sockets {
  const ctx: Ctx = { io, deps, online: new Map(), boards: new Map() };

  // A deleted session's screens are told why, then let go; the maps above empty as they disconnect.
  deps.hub.onUnload((sessionId, deleted) => {
    if (!deleted) return;
    const rooms = (['facilitator', 'participant', 'board'] as const).map((a) => roomOf(sessionId, a));
    // After the current command's answer has gone out on the facilitator's socket.
    setImmediate(() => {
      io.to(rooms).emit('closed', { reason: 'deleted', message: SESSION_DELETED });
      io.in(rooms).disconnectSockets();
    });
  });

  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const version = typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>).protocol : undefined;
    if (version !== PROTOCOL_VERSION) {
      const err = new Error(OUT_OF_DATE) as Error & { data?: unknown };
      err.data = { code: 'protocol', serverProtocol: PROTOCOL_VERSION };
      return next(err);
    }
    next();
  });

  const onTime = deps.guard('time', (ack: unknown): void => {
    if (typeof ack === 'function') (ack as (n: number) => void)(deps.now());
  });
  // One set of listeners for all sockets: socket.io calls a listener with its socket as `this`, and the socket's
  // own state is found in `conns`. Closures made per socket (three, and their shared scope) cost a join storm of
  // thousands of phones more than an entry each in a WeakMap.
  const conns = new WeakMap<Sock, Conn>();
  function onJoinOf(this: Sock, raw: unknown, ack: unknown): void {
    const conn = conns.get(this);
    if (conn) onJoin(ctx, this, conn, raw, ack);
  }
  function onCommandOf(this: Sock, raw: unknown, ack: unknown): void {
    const conn = conns.get(this);
    if (conn) onCommand(ctx, conn, raw, ack);
  }
  function onDisconnectOf(this: Sock): void {
    const conn = conns.get(this);
    if (conn) onDisconnect(ctx, conn);
  }
  const onJoinGuarded = deps.guard('join', onJoinOf);
  const onCommandGuarded = deps.guard('command', onCommandOf);
  io.on('connection', (socket: Sock) => {
    conns.set(socket, newConn(deps));
    // Handlers take `unknown`: nothing from the wire is trusted before its schema says so.
    socket.on('join', onJoinGuarded);
    socket.on('command', onCommandGuarded);
    socket.on('time', onTime);
    socket.on('disconnect', onDisconnectOf);
  });

  return {
    here: (sessionId) => here(ctx, sessionId),
    // A console is on a process still running (one on the process that went reconnects, and its join counts
    // again): each process counts for its own consoles, one question to the others per console.
    presenceAgain: () => {
      const suffix = roomOf('', 'facilitator');
      for (const room of io.sockets.adapter.rooms.keys()) {
        const sessionId = room.endsWith(suffix) ? room.slice(0, -suffix.length) : undefined;
        if (sessionId !== undefined && deps.hub.held(sessionId)) sendPresence(ctx, sessionId);
      }
    },
  };
}

const newConn = (deps: SocketDeps): Conn => ({ limiter: new RateLimiter(deps.rate.capacity, deps.rate.perSecond), joined: null, joining: false });

/** Who is online on this process for a session (the other processes ask it too: server/cluster.ts). */
const here = ({ online, boards }: Ctx, sessionId: string): Presence => ({
  participantIds: [...(online.get(sessionId)?.keys() ?? [])],
  boards: boards.get(sessionId) ?? 0,
});

// Worked out when the fanout sends it: a join storm's changes reach the console as one list per frame.
function sendPresence(ctx: Ctx, sessionId: string): void {
  ctx.deps.fanout.presence(sessionId, () => here(ctx, sessionId));
}

function onJoin(ctx: Ctx, socket: Sock, conn: Conn, raw: unknown, ack: unknown): void {
  if (typeof ack !== 'function') return;
  const reply = ack as (r: JoinResult) => void;
  if (!conn.limiter.take()) return reply(TOO_FAST);
  if (conn.joined || conn.joining) return reply(fail('conflict', 'This connection has already joined a session.'));
  conn.joining = true;
  join(ctx, socket, conn, raw)
    .then((result) => {
      if (!('enter' in result)) return reply(result);
      if (!socket.connected) return;
      return result.enter().then((answer) => socket.connected && reply(answer));
    })
    .catch((e: unknown) => {
      console.error('join failed', e);
      reply(fail('internal', 'Something went wrong on the server. Please try again.'));
    })
    .finally(() => {
      conn.joining = false;
    });
}

/** A refusal, or the answer to make once the events pending now went out (the socket is counted in already). */
async function join(ctx: Ctx, socket: Sock, conn: Conn, raw: unknown): Promise<JoinResult | { sessionId: string; enter: () => Promise<JoinResult> }> {
  const { deps } = ctx;
  const parsed = JoinRequest.safeParse(raw);
  if (!parsed.success) {
    const protocol = (raw as { protocol?: unknown } | null)?.protocol;
    if (protocol !== undefined && protocol !== PROTOCOL_VERSION) return fail('protocol', OUT_OF_DATE);
    return fail('invalid', describeIssues(parsed.error));
  }
  const req = parsed.data;
  if (req.protocol !== PROTOCOL_VERSION) return fail('protocol', OUT_OF_DATE);

  let session: LiveSession | undefined;
  let actor: Actor;
  let participantToken: string | undefined;
  if (req.role === 'facilitator') {
    // The key is checked on the record first: a wrong key does not load a session into memory.
    const record = await deps.hub.recordOf(req.sessionId);
    session = record && deps.hub.checkFacilitatorKey(record, req.facilitatorKey) ? await deps.hub.get(req.sessionId) : undefined;
    if (!session) return fail('forbidden', 'This facilitator link is not valid.');
    actor = { role: 'facilitator' };
  } else {
    session = await deps.hub.byCode(req.joinCode);
    if (!session) return fail('not_found', `No session with code ${req.joinCode}.`);
    if (req.role === 'board') actor = { role: 'board' };
    else {
      const known = req.participantToken ? await deps.hub.participantByToken(session, req.participantToken) : undefined;
      // What other processes wrote (this participant's join among them) before the participant is looked up.
      if (known) await deps.hub.refresh(session);
      const existing = known ? participantById(session.state, known) : undefined;
      // A token whose participant the facilitator removed is revoked: it opens nothing, not even a new name.
      if (known && !existing) return fail('forbidden', REMOVED);
      if (existing) {
        actor = { role: 'participant', participantId: existing.id, name: existing.name };
        participantToken = req.participantToken;
      } else {
        if (!req.name) return fail('invalid', 'Please enter your name.');
        const joinedNow = await joinNewParticipant(deps, session, req.name);
        if (!joinedNow.ok) return joinedNow;
        participantToken = joinedNow.token;
        actor = joinedNow.actor;
      }
    }
  }
  if (session.deleted) return fail('not_found', SESSION_DELETED);
  if (!socket.connected) return notJoined();

  const audience: Audience = actor.role;
  const viewer: Viewer =
    actor.role === 'participant'
      ? { role: 'participant', participantId: actor.participantId, ballot: ballotOf(session.record.ballotSecret, actor.participantId) }
      : actor;
  const sessionId = session.record.id;
  const admitted: Joined = (conn.joined = { session, actor, audience });
  deps.hub.attach(session);
  if (actor.role === 'participant') {
    const perSession = ctx.online.get(sessionId) ?? new Map<string, number>();
    perSession.set(actor.participantId, (perSession.get(actor.participantId) ?? 0) + 1);
    ctx.online.set(sessionId, perSession);
  } else if (actor.role === 'board') ctx.boards.set(sessionId, (ctx.boards.get(sessionId) ?? 0) + 1);
  if (actor.role === 'facilitator') setImmediate(() => sendPresence(ctx, sessionId));
  else sendPresence(ctx, sessionId);
  return { sessionId, enter: () => enter(deps, socket, admitted, viewer, req.lastSeq, participantToken) };
}

/**
 * Puts the admitted socket in its rooms and makes its answer with the catch-up from `lastSeq`. The session is
 * brought up to what the store holds first (another process may have written since), and the catch-up is made
 * once the events pending now went out, so it and the live frames after it neither overlap nor gap; in a join
 * storm the joins of one window share its frame instead of each forcing one.
 */
async function enter(
  deps: SocketDeps,
  socket: Sock,
  { session, actor, audience }: Joined,
  viewer: Viewer,
  lastSeq: number | undefined,
  participantToken: string | undefined,
): Promise<JoinResult> {
  const sessionId = session.record.id;
  await deps.hub.refresh(session);
  // Read ahead of the moment the socket enters its rooms, so the answer and the entry happen in one step.
  const head = session.state.seq;
  const wanted = lastSeq !== undefined && lastSeq <= head && head - lastSeq <= deps.catchUpMaxEvents;
  const missed = wanted && lastSeq < head ? await deps.hub.eventsSince(session, lastSeq, deps.catchUpMaxEvents) : [];
  return new Promise<JoinResult>((resolve) =>
    deps.fanout.afterPending(sessionId, () => {
      const catchUp = catchUpFor(session, viewer, wanted ? lastSeq : undefined, missed);
      // Who this screen is: read to find a participant's sockets (personal frames, and a removal on any process:
      // letGoOfRemoved), and by the packet guard to count a participant's notes (server/socketGuard.ts).
      socket.data = { role: actor.role, sessionId, participantId: actor.role === 'participant' ? actor.participantId : undefined };
      void socket.join(roomOf(sessionId, audience));
      resolve({
        ok: true,
        role: actor.role,
        sessionId,
        joinCode: session.record.joinCode,
        participantId: actor.role === 'participant' ? actor.participantId : undefined,
        participantToken,
        serverNow: deps.now(),
        catchUp,
        keptUntil: actor.role === 'facilitator' ? deps.hub.keptUntil(session) : undefined,
      });
    }),
  );
}

/**
 * The events after `lastSeq` when `missed` (read before) holds all of them up to the state's seq now, else the
 * state itself: a command applied since the read went out before this socket entered its rooms.
 */
function catchUpFor(session: LiveSession, viewer: Viewer, lastSeq: number | undefined, missed: SessionEvent[]): CatchUp {
  const head = session.state.seq;
  const upTo = missed.filter((e) => e.seq <= head);
  if (lastSeq !== undefined && lastSeq <= head && head - lastSeq === upTo.length && upTo.every((e, i) => e.seq === lastSeq + i + 1))
    return { kind: 'events', events: upTo.map((e) => eventFor(e, viewer)) };
  return { kind: 'snapshot', seq: head, state: stateFor(session.state, viewer) };
}

function onDisconnect(ctx: Ctx, { joined }: Conn): void {
  if (!joined) return;
  const sessionId = joined.session.record.id;
  if (joined.actor.role === 'participant') {
    const perSession = ctx.online.get(sessionId);
    const n = (perSession?.get(joined.actor.participantId) ?? 1) - 1;
    if (n > 0) perSession?.set(joined.actor.participantId, n);
    else perSession?.delete(joined.actor.participantId);
    if (perSession?.size === 0) ctx.online.delete(sessionId);
  } else if (joined.actor.role === 'board') {
    const n = (ctx.boards.get(sessionId) ?? 1) - 1;
    if (n > 0) ctx.boards.set(sessionId, n);
    else ctx.boards.delete(sessionId);
  }
  ctx.deps.hub.detach(joined.session);
  if (!joined.session.deleted) sendPresence(ctx, sessionId);
}
