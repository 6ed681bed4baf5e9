import { displayNames } from '../shared/modules/people/people.logic.js';
import { allParticipants } from '../shared/session/notes.js';
import type { SessionState } from '../shared/session/state.js';
import { useSession } from './store.js';

let memo: { participants: SessionState['participants']; names: Map<string, string> } | null = null;

/** The console's names for everyone ("Sam", "Sam (2)"), worked out once per change of the participant list. */
export function consoleNames(participants: SessionState['participants']): Map<string, string> {
  if (memo?.participants !== participants) memo = { participants, names: displayNames(allParticipants({ participants })) };
  return memo.names;
}

/** A note's author as the console names them: with the suffix of a name given twice; blank stays blank (removed). */
export const useConsoleName = (authorId: string | null, authorName: string): string =>
  useSession((s) => (authorId && authorName ? (consoleNames(s.state.participants).get(authorId) ?? authorName) : authorName));
