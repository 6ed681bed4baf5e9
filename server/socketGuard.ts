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

/**
 * The socket side of the limits, in front of the handlers in socket.ts: the origin check at the handshake, then per
 * packet the wrong-join-code limit, notes per participant and clock probes. Packets pass one at a time, in order,
 * so a note and the edit that follows it never swap places while a limiter answers.
 */
export function guardSockets(io: IO, deps: GuardDeps): void {
  // A namespace middleware, not engine.io's allowRequest: its refusal reaches the page as our sentence
  // (connect_error's message), where an engine.io refusal is only a failed request to the browser.
  io.use((socket, next) => {
    const verdict = checkOrigin(socket.request, deps.allowedOrigins, deps.trust);
    if (verdict.ok) return next();
    const refusal = new Error(SAY.foreignPage(verdict.origin)) as Error & { data?: unknown };
    refusal.data = { code: 'forbidden' };
    next(refusal);
  });
  io.on('connection', (socket) => socket.use(packetGuard(socket, deps)));
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

function packetGuard(socket: Sock, deps: GuardDeps) {
  const { limits } = deps;
  const address = clientAddress(socket.request, deps.trust);
  let participant: { sessionId: string; participantId: string } | null = null; // once joined as a participant
  let queue = Promise.resolve();
  /**
   * Tries of a join code whose answer has not gone out. A connection that ends before its answer (a phone losing its
   * network mid-join) never learns whether the code was right: its tries are undone, not counted as wrong codes.
   */
  const unanswered = new Set<CodeTry & { ok: true }>();
  socket.on('disconnect', () => {
    for (const attempt of unanswered) void attempt.right();
    unanswered.clear();
  });

  const noteAllowed = async (command: unknown, ack: Ack): Promise<boolean> => {
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
  };

  const clockAllowed = async (ack: Ack): Promise<boolean> => {
    const verdict = await limits.clockProbe(socket.id);
    if (!verdict.ok) ack(fail('rate_limited', SAY.tooManyClockChecks(verdict.retryAfterSeconds), verdict.retryAfterSeconds));
    return verdict.ok;
  };

  /** Wraps the join's answer (packet: ['join', request, ack]): it tells who this socket is and whether the code was right. */
  const joinAllowed = async (packet: unknown[], ack: Ack): Promise<boolean> => {
    const request = packet[1];
    const setAck = (fn: (result: JoinResult) => void): void => void (packet[packet.length - 1] = fn);
    const answer = (result: JoinResult): void => {
      if (result.ok && result.role === 'participant' && result.participantId)
        participant = { sessionId: result.sessionId, participantId: result.participantId };
      ack(result);
    };
    if (!isRecord(request) || typeof request.joinCode !== 'string') {
      setAck(answer);
      return true;
    }
    const attempt: CodeTry = await limits.joinCodeTry(address);
    if (attempt.ok) {
      // (A connection that ended while the limiter answered: socket.io drops its packet, so nothing will answer it.)
      if (socket.disconnected) {
        void attempt.right();
        return false;
      }
      unanswered.add(attempt);
      setAck((r) => {
        if (unanswered.delete(attempt) && (r.ok || r.error.code !== 'not_found')) void attempt.right();
        answer(r);
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
        answer(r);
      });
      return true;
    }
    ack(wait);
    return false;
  };

  const allowed = (packet: unknown[]): Promise<boolean> | boolean => {
    const event = packet[0];
    const ack = packet[packet.length - 1];
    if (packet.length < 2 || typeof ack !== 'function') return true; // the handlers ignore packets they cannot answer
    const answerWith = ack as Ack;
    if (event === 'time') return clockAllowed(answerWith);
    if (event === 'command') return noteAllowed(packet[1], answerWith);
    if (event === 'join') return joinAllowed(packet, answerWith);
    return true;
  };

  return (packet: unknown[], next: (err?: Error) => void): void => {
    queue = queue
      .then(() => allowed(packet))
      .then(
        (pass) => {
          if (pass) next();
        },
        (e: unknown) => {
          deps.logger.error({ err: e }, 'a limit could not be checked; the packet goes through');
          next();
        },
      );
  };
}
