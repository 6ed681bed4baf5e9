import { nanoid } from 'nanoid';
import { fail, type CommandError } from '../shared/protocol/results.js';
import { allParticipants } from '../shared/session/notes.js';
import type { Actor } from '../shared/session/permissions.js';
import type { Fanout } from './fanout.js';
import type { Limits } from './limits.js';
import { unwritten } from './pipeline.js';
import { newSecret } from './secrets.js';
import { SAY } from './sentences.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';

export interface JoinDeps {
  hub: SessionHub;
  fanout: Fanout;
  limits: Limits;
}

export type NewParticipant = { ok: true; actor: Extract<Actor, { role: 'participant' }>; token: string } | { ok: false; error: CommandError };

/**
 * The one way a new participant enters a session (a phone's join, or a rehearsal's simulated participant): the room's
 * cap, a `participant.joined` event (flagged `simulated` for a rehearsal's), durable, then broadcast. It takes its
 * turn with the session's commands and is written in their group (SessionHub.commitJoin).
 */
export function joinNewParticipant(deps: JoinDeps, session: LiveSession, name: string, simulated = false): Promise<NewParticipant> {
  const participantId = nanoid(12);
  const token = newSecret();
  return deps.hub
    .commitJoin(
      session,
      (state) =>
        deps.limits.participantsFull(allParticipants(state).length)
          ? { ok: false, result: fail('conflict', SAY.sessionFull(deps.limits.settings)) }
          : { ok: true, bodies: [{ type: 'participant.joined', participantId, name, ...(simulated ? { simulated: true as const } : {}) }] },
      { participantId, token },
      (c) => c.ok && deps.fanout.publish(session.record.id, c.events),
    )
    .then((committed): NewParticipant => {
      if (!committed.ok) {
        if (committed.why === 'busy') return fail('internal', SAY.joinBusy);
        const refused = unwritten(committed);
        return refused.ok ? fail('internal', SAY.serverFault) : refused;
      }
      return { ok: true, actor: { role: 'participant', participantId, name }, token };
    });
}
