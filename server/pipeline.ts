import { nanoid } from 'nanoid';
import { Command } from '../shared/protocol/commands.js';
import { fail, type CommandResult } from '../shared/protocol/results.js';
import { decideWithLate } from '../shared/session/late.js';
import type { Actor } from '../shared/session/permissions.js';
import type { Fanout } from './fanout.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';
import { describeIssues } from './validation.js';

export interface PipelineDeps {
  hub: SessionHub;
  fanout: Fanout;
  now: () => number;
}

/**
 * The one command pipeline. Every command from every client goes through here, top to bottom:
 * validate, deduplicate, decide (auth + rules, pure), persist, apply, broadcast, answer.
 */
export function runCommand(deps: PipelineDeps, session: LiveSession, actor: Actor, raw: unknown): CommandResult {
  // VALIDATION: the wire payload is unknown until the schema says otherwise.
  const parsed = Command.safeParse(raw);
  if (!parsed.success) return fail('invalid', describeIssues(parsed.error));
  const cmd = parsed.data as Command;

  // IDEMPOTENCE: a resent command gets the answer it got the first time and changes nothing.
  const earlier = deps.hub.rememberedResult(session, cmd.id);
  if (earlier) return earlier;

  // RESOLUTION: permissions and session rules, as a pure decision (input whose step closed is kept as late).
  const decision = decideWithLate(session.state, actor, cmd, deps.now(), () => nanoid(12));
  if (!decision.ok) {
    deps.hub.remember(session, cmd.id, decision);
    return decision;
  }

  // PERSISTENCE: durable before acknowledged.
  const { events, result } = deps.hub.commit(session, decision.events, cmd.id);

  // BROADCAST: coalesced per audience.
  deps.fanout.publish(session.record.id, events);
  return result;
}
