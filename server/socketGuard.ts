import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { JoinResult } from '../shared/protocol/join.js';
import { fail } from '../shared/protocol/results.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/socket.js';
import type { CodeTry, Limits } from './limits.js';
import { checkOrigin, clientAddress, type TrustProxy } from './origins.js';
import { SAY } from './sentences.js';

type IO = Server<ClientToServerEvents, ServerToClientEvents>;
type Sock = Socket<ClientToServerEvents, ServerToClientEvents>;
type Ack = (answer: unknown) => void;

export interface GuardDeps {
  limits: Limits;
  allowedOrigins: ReadonlySet<string>;
  trust: TrustProxy;
  logger: Logger;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Puts the packet guard in front of a socket listener (see guardSockets). */
export type PacketGuard = <A extends unknown[]>(event: string, listener: (this: Sock, ...args: A) => void) => (this: Sock, ...args: A) => void;

/**
 * The socket side of the limits, in front of the handlers in socket.ts: the origin check at the handshake, then per
 * packet the wrong-join-code limit, notes per participant and clock probes. Packets pass one at a time, in order,
 * so a note and the edit that follows it never swap places while a limiter answers. Returned: the wrapper socket.ts
 * puts around its listeners, one per event for all sockets (not a middleware closure and array on each socket).
 */
export function guardSockets(io: IO, deps: GuardDeps): PacketGuard {
  // A namespace middleware, not engine.io's allowRequest: its refusal reaches the page as our sentence
  // (connect_error's message), where an engine.io refusal is only a failed request to the browser.
  io.use((socket, next) => {
    const verdict = checkOrigin(socket.request, deps.allowedOrigins, deps.trust);
    if (verdict.ok) return next();
    const refusal = new Error(SAY.foreignPage(verdict.origin)) as Error & { data?: unknown };
    refusal.data = { code: 'forbidden' };
    next(refusal);
  });
  // The packet being checked and those waiting behind it, per socket, while there are any: a socket at rest keeps
  // nothing here (what the checks need is read from the socket: its handshake's address, socket.data once joined).
  const queues = new WeakMap<Sock, Promise<void>>();
  return (event, listener) =>
    function (this: Sock, ...args) {
      const packet: unknown[] = [event, ...args];
      // As socket.io lets a packet on after its middleware: only to a socket still connected.
      guardPacket(deps, this, queues, packet, () => {
        if (this.connected) listener.apply(this, packet.slice(1) as typeof args);
      });
    };
}

/** The participant a socket joined as (socket.data, set by socket.ts at the join), for their budgets. */
function joinedAs(socket: Sock): { sessionId: string; participantId: string } | null {
  const data: unknown = socket.data;
  if (typeof data !== 'object' || data === null) return null;
  const { role, sessionId, participantId } = data as Record<string, unknown>;
  return role === 'participant' && typeof sessionId === 'string' && typeof participantId === 'string' ? { sessionId, participantId } : null;
}

/**
 * What a phone writes besides notes, counted in the same budget per participant (a phone flooding a group's
 * report-out or the room's questions is slowed as one flooding a board).
 */
const WRITTEN: ReadonlySet<string> = new Set([
  'workgroup.addStrategy',
  'workgroup.addStep',
  'workgroup.addAnswer',
  'plenary.react',
  'ecomap.propose',
  'ecomap.plan',
  'values.propose',
]);
/**
 * Answers: taps that replace the phone's earlier answer (a rating, a mark), so they add nothing that grows. They have
 * a larger budget of their own (answersPerMinute), so answering a whole survey quickly is never slowed.
 */
const ANSWERS: ReadonlySet<string> = new Set(['values.rate', 'ecomap.mark']);

async function noteAllowed({ limits }: GuardDeps, socket: Sock, command: unknown, ack: Ack): Promise<boolean> {
  const participant = joinedAs(socket);
  if (participant === null || !isRecord(command) || typeof command.type !== 'string') return true;
  const { sessionId, participantId } = participant;
  if (ANSWERS.has(command.type)) {
    const verdict = await limits.answer(sessionId, participantId);
    if (!verdict.ok) ack(fail('rate_limited', SAY.tooManyAnswers(limits.settings)));
    return verdict.ok;
  }
  const note = command.type === 'note.add';
  if (!note && !WRITTEN.has(command.type)) return true;
  const verdict = await limits.note(sessionId, participantId);
  if (!verdict.ok) ack(fail('rate_limited', note ? SAY.tooManyNotes(limits.settings) : SAY.tooManyEntries(limits.settings)));
  return verdict.ok;
}

async function clockAllowed({ limits }: GuardDeps, socket: Sock, ack: Ack): Promise<boolean> {
  const verdict = await limits.clockProbe(socket.id);
  if (!verdict.ok) ack(fail('rate_limited', SAY.tooManyClockChecks(verdict.retryAfterSeconds), verdict.retryAfterSeconds));
  return verdict.ok;
}

type RightTry = CodeTry & { ok: true };
/**
 * Tries of a join code whose answer has not gone out, per socket, while there are any. A connection that ends before
 * its answer (a phone losing its network mid-join) never learns whether the code was right: its tries are undone, not
 * counted as wrong codes. A socket at rest keeps nothing here.
 */
const pendingTries = new WeakMap<Sock, Set<RightTry>>();

function holdTry(socket: Sock, attempt: RightTry): void {
  let tries = pendingTries.get(socket);
  if (!tries) {
    pendingTries.set(socket, (tries = new Set()));
    socket.once('disconnect', giveBackTries);
  }
  tries.add(attempt);
}

/** The try's answer goes out: false when the connection had already ended (its try was given back then). */
function settleTry(socket: Sock, attempt: RightTry): boolean {
  const tries = pendingTries.get(socket);
  if (!tries?.delete(attempt)) return false;
  if (!tries.size) {
    pendingTries.delete(socket);
    socket.off('disconnect', giveBackTries);
  }
  return true;
}

function giveBackTries(this: Sock): void {
  const tries = pendingTries.get(this);
  pendingTries.delete(this);
  for (const attempt of tries ?? []) void attempt.settle(true);
}

/** Wraps the join's answer (packet: ['join', request, ack]): it tells whether the code was right. */
async function joinAllowed({ limits, trust }: GuardDeps, socket: Sock, packet: unknown[], ack: Ack): Promise<boolean> {
  const request = packet[1];
  const setAck = (fn: (result: JoinResult) => void): void => void (packet[packet.length - 1] = fn);
  if (!isRecord(request) || typeof request.joinCode !== 'string') return true;
  const address = clientAddress(socket.request, trust);
  const attempt: CodeTry = await limits.joinCodeTry(address);
  if (attempt.ok) {
    // (A connection that ended while the limiter answered: socket.io drops its packet, so nothing will answer it.)
    if (socket.disconnected) {
      void attempt.settle(true);
      return false;
    }
    holdTry(socket, attempt);
    setAck((r) => {
      if (settleTry(socket, attempt)) void attempt.settle(r.ok || r.error.code !== 'not_found');
      ack(r);
    });
    return true;
  }
  const wait = fail('rate_limited', SAY.tooManyWrongCodes(attempt.retryAfterSeconds), attempt.retryAfterSeconds);
  // While the address waits, only a participant coming back with their token gets in, and without a name: an
  // unknown token then fails like a wrong code, so waiting tries cannot tell a right code from a wrong one.
  if (request.role === 'participant' && typeof request.participantToken === 'string') {
    const { name: _name, ...returning } = request;
    packet[1] = returning;
    setAck((r) => {
      if (!r.ok) return ack(wait);
      void limits.returningParticipant(address);
      ack(r);
    });
    return true;
  }
  ack(wait);
  return false;
}

function allowed(deps: GuardDeps, socket: Sock, packet: unknown[]): Promise<boolean> | boolean {
  const event = packet[0];
  const ack = packet[packet.length - 1];
  if (packet.length < 2 || typeof ack !== 'function') return true; // the handlers ignore packets they cannot answer
  const answerWith = ack as Ack;
  if (event === 'time') return clockAllowed(deps, socket, answerWith);
  if (event === 'command') return noteAllowed(deps, socket, packet[1], answerWith);
  if (event === 'join') return joinAllowed(deps, socket, packet, answerWith);
  return true;
}

/** Checks one packet once those before it on this socket are through, then lets it on (next) or answers it. */
function guardPacket(deps: GuardDeps, socket: Sock, queues: WeakMap<Sock, Promise<void>>, packet: unknown[], next: () => void): void {
  const checked = (queues.get(socket) ?? Promise.resolve())
    .then(() => allowed(deps, socket, packet))
    .then(
      (pass) => {
        if (pass) next();
      },
      (e: unknown) => {
        deps.logger.error({ err: e }, 'a limit could not be checked; the packet goes through');
        next();
      },
    )
    .finally(() => {
      if (queues.get(socket) === checked) queues.delete(socket);
    });
  queues.set(socket, checked);
}
