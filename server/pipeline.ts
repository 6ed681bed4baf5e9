import { nanoid } from 'nanoid';
import { fail, type CommandResult } from '../shared/protocol/results.js';
import { decideCommand, isAnonymous, protocol } from '../shared/modules/registry.js';
import type { Actor } from '../shared/session/permissions.js';
import type { Fanout } from './fanout.js';
import type { Committed, LiveSession, SessionHub } from './sessions/hub.js';
import type { Sender } from './store/types.js';
import { describeIssues } from './validation.js';
import { resolveCarryImport } from './carryImport.js';
import { SAY } from './sentences.js';

export interface PipelineDeps {
  hub: SessionHub;
  fanout: Fanout;
  now: () => number;
}

export const SESSION_DELETED = 'This session was deleted by its facilitator.';

/** Whose command ids these are: each sender has their own, so nobody can pre-empt another's by reusing an id. */
export const senderOf = (actor: Actor): Sender => (actor.role === 'participant' ? actor.participantId : actor.role);

/** A commit that wrote nothing, as its sender hears it (a refusal is the decision's own answer). */
export const unwritten = (c: Extract<Committed, { ok: false }>): CommandResult =>
  c.why === 'refused' ? c.result : c.why === 'deleted' ? fail('not_found', SESSION_DELETED) : fail('internal', SAY.busy);

/**
 * The one command pipeline. Every command from every client goes through here, top to bottom:
 * validate, deduplicate, decide (auth + rules, pure), persist, apply, broadcast, answer. A session's commands take
 * their turn in this process in the order they came (SessionHub.exclusive) and are then decided and written in
 * groups (SessionHub.enqueue); another process's writes are met in the store's write lock (sessions/commit.ts).
 */
export function runCommand(deps: PipelineDeps, session: LiveSession, actor: Actor, raw: unknown): Promise<CommandResult> {
  if (session.deleted) return Promise.resolve(fail('not_found', SESSION_DELETED));
  // VALIDATION: the wire payload is unknown until the schema says otherwise.
  const parsed = protocol().Command.safeParse(raw);
  if (!parsed.success) return Promise.resolve(fail('invalid', describeIssues(parsed.error)));
  const command = parsed.data;
  if (deps.hub.crowded(session)) return Promise.resolve(fail('internal', SAY.busy));
  // The turn hands back the answer's promise rather than waiting for it, so the next command's turn can queue for
  // the same group commit.
  return deps.hub.exclusive(session, async (): Promise<{ answer: CommandResult | Promise<CommandResult> }> => {
    if (session.deleted) return { answer: fail('not_found', SESSION_DELETED) };
    const sender = senderOf(actor);

    // IDEMPOTENCE: a resent command gets the answer it got the first time and changes nothing (one this process
    // forgot, or another process gave, is found in the store in the write lock).
    const earlier = deps.hub.rememberedResult(session, sender, command.id);
    if (earlier) return { answer: earlier };

    // OUTSIDE DATA: a command naming another session (carry forward) gets what it may have of it, or its refusal.
    const cmd = actor.role === 'facilitator' ? await resolveCarryImport(deps.hub, session, command) : command;
    if (!('type' in cmd)) {
      deps.hub.remember(session, sender, command.id, cmd);
      return { answer: cmd };
    }

    // DELETION: the one command that ends the log instead of adding to it (when the decision allows it), decided
    // once every command before it is written.
    if (cmd.type === 'session.delete') {
      await deps.hub.commitQueued(session);
      const decision = decideCommand(session.state, actor, cmd, deps.now(), () => nanoid(12));
      if (!decision.ok) {
        deps.hub.remember(session, sender, cmd.id, decision);
        return { answer: decision };
      }
      await deps.hub.delete(session.record.id);
      return { answer: { ok: true, seq: session.state.seq } };
    }

    // RESOLUTION, PERSISTENCE: permissions and session rules as a pure decision (input whose step closed is kept
    // as late), durable before acknowledged, decided on what another process wrote first. An anonymous command (a
    // rating) is remembered without its seq. BROADCAST, once written, in seq order: coalesced per audience; an
    // anonymous command's full form only to its sender's screens (known here, in memory).
    const anonymous = actor.role === 'participant' && isAnonymous(cmd.type);
    const committed = deps.hub.enqueue(session, {
      decide: (state) => {
        const decision = decideCommand(state, actor, cmd, deps.now(), () => nanoid(12));
        return decision.ok ? { ok: true, bodies: decision.events } : { ok: false, result: decision };
      },
      command: { sender, id: cmd.id, anonymous },
      written: (c) => {
        if (c.ok && c.events.length)
          deps.fanout.publish(session.record.id, c.events, anonymous ? { participantId: actor.participantId, ballot: actor.ballot } : undefined);
        if (!c.ok && c.why === 'refused') deps.hub.remember(session, sender, cmd.id, c.result);
      },
    });
    return { answer: committed.then((c) => (c.ok ? c.result : unwritten(c))) };
  }).then((turn) => turn.answer);
}
