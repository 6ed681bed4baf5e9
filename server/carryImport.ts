import type { Command } from '../shared/protocol/commands.js';
import { fail, type CommandError } from '../shared/protocol/results.js';
import { carriedOut, carryOf, codeSession } from '../shared/modules/carry/carry.logic.js';
import { importSourceOf } from '../shared/modules/plenary/plenary.import.js';
import { kinds } from '../shared/modules/registry.js';
import { hashSecret, matchesHash } from './secrets.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';

/** One sentence for every code or key that opens nothing: it says nothing about which part was wrong. */
export const CARRY_CODE_INVALID = 'That carry-forward code does not open any session’s carried items. Check it on the earlier session’s console.';
export const CARRY_OWN_CODE = 'That is this session’s own carry-forward code: paste it into a later session.';

type Refused = { ok: false; error: CommandError };
type From = Extract<Command, { type: 'carry.import' }>['payload']['from'];

/**
 * The earlier session a carry-forward code (or its id and facilitator key) opens, or the refusal. The same code opens
 * its carried items (`carry.import`) and its work groups and results (`plenary.import`).
 */
export async function earlierSession(hub: SessionHub, session: LiveSession, from: From): Promise<{ id: string; title: string; live: LiveSession } | Refused> {
  const sessionId = 'code' in from ? codeSession(from.code) : from.sessionId;
  if (sessionId === session.record.id) return fail('conflict', CARRY_OWN_CODE);
  const record = sessionId === null ? undefined : await hub.recordOf(sessionId);
  if (!record) return fail('not_found', CARRY_CODE_INVALID);
  // A key is checked on the record first: a wrong key does not load a session into memory.
  if ('facilitatorKey' in from && !hub.checkFacilitatorKey(record, from.facilitatorKey)) return fail('not_found', CARRY_CODE_INVALID);
  const earlier = await hub.get(record.id);
  if (!earlier || earlier.deleted) return fail('not_found', CARRY_CODE_INVALID);
  if ('code' in from) {
    const code = carryOf(earlier.state).code;
    if (code === null || !matchesHash(from.code, hashSecret(code))) return fail('not_found', CARRY_CODE_INVALID);
  }
  return { id: record.id, title: record.title, live: earlier };
}

/**
 * A `carry.import` (or `plenary.import`) names an earlier session by its carry-forward code or by its id and
 * facilitator key: the server finds it, and puts `carry.receive` with that session's carried list (or
 * `plenary.receive` with its groups and results), and nothing else of it, in the command's place, for the usual
 * decision. Any other command passes as it is.
 */
export async function resolveCarryImport(hub: SessionHub, session: LiveSession, cmd: Command): Promise<Command | Refused> {
  if (cmd.type !== 'carry.import' && cmd.type !== 'plenary.import') return cmd;
  const found = await earlierSession(hub, session, cmd.payload.from);
  if ('ok' in found) return found;
  const { state } = found.live;
  if (cmd.type === 'plenary.import') return { id: cmd.id, type: 'plenary.receive', payload: { source: importSourceOf(state, found.id, found.title, kinds) } };
  const items = carriedOut(state, kinds);
  const source = { sessionId: found.id, title: state.title || found.title, createdAt: state.createdAt, items };
  return { id: cmd.id, type: 'carry.receive', payload: { source } };
}
