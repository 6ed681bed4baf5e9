/** A command from a joined screen (socket.ts wires it): budget, sender as the session knows them now, the pipeline. */
import { fail, type CommandResult } from '../shared/protocol/results.js';
import type { Actor } from '../shared/session/permissions.js';
import { participantById } from '../shared/session/notes.js';
import { REMOVED } from '../shared/modules/people/people.logic.js';
import { participantOf, roomOf } from './fanout.js';
import { runCommand } from './pipeline.js';
import type { LiveSession } from './sessions/hub.js';
import { ballotOf } from './ballots.js';
import type { Conn, Ctx, IO, Joined } from './socket.js';

export const TOO_FAST = fail('rate_limited', 'You are sending too fast. Please wait a moment and try again.', 1);
export const notJoined = () => fail('not_joined', 'Join a session first.');

export function onCommand({ io, deps }: Ctx, conn: Conn, raw: unknown, ack: unknown): void {
  if (typeof ack !== 'function') return;
  const reply = ack as (r: CommandResult) => void;
  if (!conn.limiter.take()) return reply(TOO_FAST);
  if (!conn.joined) return reply(notJoined());
  const actor = currentActor(conn.joined);
  if (!actor) return reply(fail('forbidden', REMOVED));
  const { session } = conn.joined;
  runCommand(deps, session, actor, raw).then(
    (result) => {
      reply(result);
      if (result.ok) letGoOfRemoved(io, session, raw);
    },
    (e: unknown) => {
      console.error('command failed', e);
      reply(fail('internal', 'Something went wrong on the server. Your input was not saved; it will be retried.'));
    },
  );
}

/**
 * The sender as the session knows them now: a participant under their current name, with their ballot for
 * anonymous answers (server/ballots.ts), or nobody once removed.
 */
function currentActor({ session, actor }: Joined): Actor | undefined {
  if (actor.role !== 'participant') return actor;
  const now = participantById(session.state, actor.participantId);
  return now && { ...actor, name: now.name, ballot: ballotOf(session.record.ballotSecret, actor.participantId) };
}

/** A removed participant's screens are told in a sentence, then let go (their token opens nothing any more). */
function letGoOfRemoved(io: IO, session: LiveSession, raw: unknown): void {
  const cmd = raw as { type?: unknown; payload?: { participantId?: unknown } };
  if (cmd.type !== 'people.remove' || typeof cmd.payload?.participantId !== 'string') return;
  const { participantId } = cmd.payload;
  const room = roomOf(session.record.id, 'participant');
  const letGo = (sockets: { data: unknown; emit: IO['emit']; disconnect: () => unknown }[]): void => {
    for (const s of sockets.filter((s) => participantOf(s.data) === participantId)) {
      s.emit('closed', { reason: 'removed', message: REMOVED });
      s.disconnect();
    }
  };
  // Their screens on every process (through the cluster's adapter); without it, at least this process's.
  setImmediate(() => {
    io.in(room)
      .fetchSockets()
      .catch(() => io.local.in(room).fetchSockets())
      .then(letGo, (e: unknown) => console.error('a removed participant could not be let go', e));
  });
}
