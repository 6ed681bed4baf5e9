import { emptyKeyed, keyedSet } from '../../session/keyed.js';
import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { isAuthor, type Viewer } from '../../session/visibility.js';
import type { LateEvent } from './late.events.js';
import { lateEntries } from './late.logic.js';
import type { LateEntry } from './late.state.js';

/** Both late events name the author, so the fan-out can route them to that one phone. */
export const latePersonalFor = (e: LateEvent): string | null => (e.type === 'late.received' ? e.entry.authorId : e.authorId);

/** Late input is between its author and the facilitator until it is accepted (and then it is an ordinary note). */
export const lateEventFor = (e: LateEvent & EventMeta, viewer: Viewer, hidden: SessionEvent): SessionEvent =>
  isAuthor(e.type === 'late.received' ? e.entry.authorId : e.authorId, viewer) ? e : hidden;

export function lateStateFor(s: SessionState, viewer: Viewer): Pick<SessionState, 'late'> {
  let late = emptyKeyed<LateEntry>();
  for (const entry of lateEntries(s, (e) => isAuthor(e.authorId, viewer))) late = keyedSet(late, entry.id, entry);
  return { late };
}
