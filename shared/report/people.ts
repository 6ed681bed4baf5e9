import { participantById } from '../session/notes.js';
import type { SessionState } from '../session/state.js';

/** A name in the room as a report prints it: "proxy:<name>" is a dot the facilitator placed for <name>. */
export const PROXY_PREFIX = 'proxy:';

/**
 * The name behind a voter or participant id: a participant's display name, the name a proxy dot was placed for, or
 * "" for an id the session does not know. Callers print it only when names are on.
 */
export function personName(state: SessionState, id: string): string {
  if (id.startsWith(PROXY_PREFIX)) return id.slice(PROXY_PREFIX.length);
  return participantById(state, id)?.name ?? '';
}
