import { nanoid } from 'nanoid';
import { fail, type CommandResult } from '../shared/protocol/results.js';
import { decideCommand, isAnonymous, protocol } from '../shared/modules/registry.js';
import type { Actor } from '../shared/session/permissions.js';
import type { Fanout } from './fanout.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';
import type { Sender } from './store/types.js';
import { describeIssues } from './validation.js';
import { resolveCarryImport } from './carryImport.js';

export interface PipelineDeps {
  hub: SessionHub;
  fanout: Fanout;
  now: () => number;
}

export const SESSION_DELETED = 'This session was deleted by its facilitator.';

/** Whose command ids these are: each sender has their own, so nobody can pre-empt another's by reusing an id. */
export const senderOf = (actor: Actor): Sender => (actor.role === 'participant' ? actor.participantId : actor.role);

/**
 * The one command pipeline. Every command from every client goes through here, top to bottom:
 * validate, deduplicate, decide (auth + rules, pure), persist, apply, broadcast, answer.
 */
export function runCommand(deps: PipelineDeps, session: LiveSession, actor: Actor, raw: unknown): CommandResult {
  if (session.deleted) return fail('not_found', SESSION_DELETED);
  // VALIDATION: the wire payload is unknown until the schema says otherwise.
  const parsed = protocol().Command.safeParse(raw);
  if (!parsed.success) return fail('invalid', describeIssues(parsed.error));
  const sender = senderOf(actor);

  // IDEMPOTENCE: a resent command gets the answer it got the first time and changes nothing.
  const earlier = deps.hub.rememberedResult(session, sender, parsed.data.id);
  if (earlier) return earlier;

  // OUTSIDE DATA: a command naming another session (carry forward) gets what it may have of it, or its refusal.
  const cmd = actor.role === 'facilitator' ? resolveCarryImport(deps.hub, session, parsed.data) : parsed.data;
  if (!('type' in cmd)) {
    deps.hub.remember(session, sender, parsed.data.id, cmd);
    return cmd;
  }

  // RESOLUTION: permissions and session rules, as a pure decision (input whose step closed is kept as late).
  const decision = decideCommand(session.state, actor, cmd, deps.now(), () => nanoid(12));
  if (!decision.ok) {
    deps.hub.remember(session, sender, cmd.id, decision);
    return decision;
  }

  // DELETION: the one command that ends the log instead of adding to it.
  if (cmd.type === 'session.delete') {
    deps.hub.delete(session.record.id);
    return { ok: true, seq: session.state.seq };
  }

  // PERSISTENCE: durable before acknowledged. An anonymous command (a rating) is remembered without its seq.
  const anonymous = actor.role === 'participant' && isAnonymous(cmd.type);
  const { events, result } = deps.hub.commit(session, decision.events, { sender, id: cmd.id, anonymous });

  // BROADCAST: coalesced per audience; an anonymous command's full form only to its sender's screens (known here, in memory).
  deps.fanout.publish(session.record.id, events, anonymous ? { participantId: actor.participantId, ballot: actor.ballot } : undefined);
  return result;
}
