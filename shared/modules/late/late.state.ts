import type { Keyed } from '../../session/keyed.js';
import type { LateInput } from '../../session/module.js';

export type { LateInput };

/** The module's name: the prefix of its command and event types. */
export const LATE = 'late';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** Input that arrived after its step closed, by entry id (snapshots from before late input lack it: see `upgrade`). */
    late: Keyed<LateEntry>;
  }
}

/**
 * How many late inputs one participant can leave on one agenda item, decided or not: a phone that comes back
 * after a long drop sends a few; more than this is someone filling the log, and the phone keeps the rest.
 */
export const LATE_CAP_PER_ITEM = 20;

export type LateStatus = 'pending' | 'accepted' | 'dismissed';

/**
 * An input that reached the server after its step closed (board locked, brainstorm over, vote over, round
 * closed). It waits for the facilitator to accept it into the board or dismiss it. Only the facilitator and its
 * author ever see it.
 */
export interface LateEntry {
  /** Server-made; an accepted note keeps it as its own id. */
  id: string;
  /** The id the phone sent the input under, so the phone can match its queued text to this entry. */
  commandId: string;
  itemId: string;
  authorId: string;
  authorName: string;
  input: LateInput;
  /** Why it was late, as a sentence ("The board was locked."). */
  reason: string;
  status: LateStatus;
  receivedAt: number;
}
