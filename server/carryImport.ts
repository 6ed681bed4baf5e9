import type { Command } from '../shared/protocol/commands.js';
import { fail, type CommandError } from '../shared/protocol/results.js';
import { carriedOut, carryOf, codeSession } from '../shared/modules/carry/carry.logic.js';
import { kinds } from '../shared/modules/registry.js';
import { hashSecret, matchesHash } from './secrets.js';
import type { LiveSession, SessionHub } from './sessions/hub.js';

/** One sentence for every code or key that opens nothing: it says nothing about which part was wrong. */
export const CARRY_CODE_INVALID = 'That carry-forward code does not open any session’s carried items. Check it on the earlier session’s console.';
export const CARRY_OWN_CODE = 'That is this session’s own carry-forward code: paste it into a later session.';

type Refused = { ok: false; error: CommandError };

/**
 * A `carry.import` names an earlier session by its carry-forward code or by its id and facilitator key: the server
 * finds it, and puts `carry.receive` with that session's carried list (and nothing else of it) in the command's
 * place, for the usual decision. Any other command passes as it is.
 */
export function resolveCarryImport(hub: SessionHub, session: LiveSession, cmd: Command): Command | Refused {
  if (cmd.type !== 'carry.import') return cmd;
  const from = cmd.payload.from;
  const sessionId = 'code' in from ? codeSession(from.code) : from.sessionId;
  if (sessionId === session.record.id) return fail('conflict', CARRY_OWN_CODE);
  const record = sessionId === null ? undefined : hub.recordOf(sessionId);
  if (!record) return fail('not_found', CARRY_CODE_INVALID);
  // A key is checked on the record first: a wrong key does not load a session into memory.
  if ('facilitatorKey' in from && !hub.checkFacilitatorKey(record, from.facilitatorKey)) return fail('not_found', CARRY_CODE_INVALID);
  const earlier = hub.get(record.id);
  if (!earlier || earlier.deleted) return fail('not_found', CARRY_CODE_INVALID);
  if ('code' in from) {
    const code = carryOf(earlier.state).code;
    if (code === null || !matchesHash(from.code, hashSecret(code))) return fail('not_found', CARRY_CODE_INVALID);
  }
  const items = carriedOut(earlier.state, kinds);
  const source = { sessionId: record.id, title: earlier.state.title || record.title, createdAt: earlier.state.createdAt, items };
  return { id: cmd.id, type: 'carry.receive', payload: { source } };
}
