import { nanoid } from 'nanoid';
import { fail, type CommandError } from '../shared/protocol/results.js';
import { allParticipants } from '../shared/session/notes.js';
import type { Actor } from '../shared/session/permissions.js';
import type { Fanout } from './fanout.js';
import type { Limits } from './limits.js';
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
 * cap, a `participant.joined` event (flagged `simulated` for a rehearsal's), durable, then broadcast.
 */
export function joinNewParticipant(deps: JoinDeps, session: LiveSession, name: string, simulated = false): NewParticipant {
  if (deps.limits.participantsFull(allParticipants(session.state).length)) return fail('conflict', SAY.sessionFull(deps.limits.settings));
  const participantId = nanoid(12);
  const token = newSecret();
  const { events } = deps.hub.commit(
    session,
    [{ type: 'participant.joined', participantId, name, ...(simulated ? { simulated: true as const } : {}) }],
    null,
    { participantId, token },
  );
  deps.fanout.publish(session.record.id, events);
  return { ok: true, actor: { role: 'participant', participantId, name }, token };
}
