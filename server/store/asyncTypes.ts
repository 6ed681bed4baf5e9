import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { SessionState } from '../../shared/session/state.js';
import type { AppendBatch, SavedTemplateRow, SaveTemplateResult, Sender, SessionRecord } from './types.js';

/**
 * What an append did. `conflict`: another writer (another process, or a command decided on an older state) took
 * one of the batch's seqs first; nothing of the batch was written, and `latestSeq` is the session's last stored seq,
 * so the writer reloads the events after its own state, decides again, and appends with new seqs. `deleted`: the
 * session is gone (deleted on request or by retention, perhaps by another process); nothing was written.
 */
export type AppendOutcome =
  | { ok: true }
  | { ok: false; conflict: true; latestSeq: number }
  | { ok: false; conflict: false; deleted: true };

/** What a writer finds once it holds the session's write lock: see AsyncEventStore.appendLocked. */
export interface CaughtUp {
  /** The events after the writer's seq that other writers stored, in seq order. */
  missed: SessionEvent[];
  /** The stored answer to one of the writer's command ids, when another writer answered it already. */
  earlier: (sender: Sender, commandId: string) => CommandResult | undefined;
}

/** A command whose stored answer a locked writer asks for. */
export interface AskedCommand {
  sender: Sender;
  id: string;
}

/**
 * The durable event store, asynchronous: what a store shared by several server processes (PostgreSQL) needs, and
 * what the embedded SQLite store also offers (store/asyncSqlite.ts). The same operations as `EventStore`; the
 * database enforces the per-session sequence (unique session + seq), and an append that loses the race says so.
 */
export interface AsyncEventStore {
  /** False when the id or the join code is taken already (two processes drew the same code): draw another. */
  createSession(rec: SessionRecord, created: SessionEvent): Promise<boolean>;
  sessionById(id: string): Promise<SessionRecord | undefined>;
  sessionByCode(joinCode: string): Promise<SessionRecord | undefined>;
  /** The events, the command's answer and the participant's token hash, all or nothing. */
  append(batch: AppendBatch): Promise<AppendOutcome>;
  /**
   * Holds the session's write lock (across processes on PostgreSQL), reads what other writers stored after
   * `afterSeq` and the stored answers of `commands`, lets `decide` choose the batches to write on that caught-up state
   * (a group commit: every command waiting on the session, each its own batch; none: nothing), writes them in one
   * transaction, and lets the lock go at the commit: writers that all come this way never lose a race.
   * A writer that does not (or a store shared without such a lock) can still take a seq first: `conflict` as above.
   * `decide` runs synchronously and must not throw.
   */
  appendLocked(
    sessionId: string,
    afterSeq: number,
    commands: readonly AskedCommand[],
    decide: (seen: CaughtUp) => AppendBatch[],
  ): Promise<AppendOutcome>;
  /** The events after `afterSeq` in seq order, at most `limit` of them when it is given. */
  eventsSince(sessionId: string, afterSeq: number, limit?: number): Promise<SessionEvent[]>;
  latestSnapshot(sessionId: string): Promise<{ seq: number; state: SessionState } | undefined>;
  /** Keeps this snapshot and drops the older ones; writes nothing for a session that is gone. */
  saveSnapshot(sessionId: string, seq: number, state: SessionState): Promise<void>;
  commandResult(sessionId: string, sender: Sender, commandId: string): Promise<CommandResult | undefined>;
  participantByTokenHash(sessionId: string, tokenHash: string): Promise<string | undefined>;
  /** Moves the session's last activity on (never back). */
  touch(sessionId: string, at: number): Promise<void>;
  /** Sessions whose last activity is before `cutoff`, oldest first, at most `limit` of them. */
  idleSince(cutoff: number, limit: number): Promise<string[]>;
  /** Removes every row of the session from every table; says whether there was any. */
  deleteSession(sessionId: string): Promise<boolean>;
  /**
   * Replaces the stored bodies of these events (same seqs) and every snapshot of the session by `snapshot`; writes
   * nothing for a session that is gone.
   */
  rewriteHistory(sessionId: string, events: SessionEvent[], snapshot: { seq: number; state: SessionState }): Promise<void>;
  savedTemplate(id: string): Promise<SavedTemplateRow | undefined>;
  /**
   * Adds one, unless `caps.total` are kept already or its session saved `caps.perSession` (counted and added
   * atomically, across processes too); says which.
   */
  saveTemplate(row: SavedTemplateRow, caps: { total: number; perSession: number }): Promise<SaveTemplateResult>;
  /** Marks a saved template as used now (never moving back). */
  touchSavedTemplate(id: string, at: number): Promise<void>;
  deleteSavedTemplate(id: string): Promise<boolean>;
  /** Deletes the saved templates not used since `cutoff`; returns how many. */
  deleteUnusedTemplates(cutoff: number): Promise<number>;
  close(): Promise<void>;
}
