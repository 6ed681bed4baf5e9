import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { SessionState } from '../../shared/session/state.js';

export interface SessionRecord {
  id: string;
  joinCode: string;
  /** sha256 of the facilitator key; the key itself is never stored. */
  facilitatorKeyHash: string;
  title: string;
  createdAt: number;
  /** Last activity written down (at most hourly, see SessionHub); retention counts from here. */
  lastActiveAt: number;
  /** The key of the session's ballots (server/ballots.ts): server-side only, never sent to a client. */
  ballotSecret: string;
}

/** A participant's token hash, written in the same transaction as their `participant.joined` event. */
export interface ParticipantSecret {
  participantId: string;
  tokenHash: string;
}

/** An agenda saved as a template: its JSON (the same shape as a file in sessions/) and who may delete it. */
export interface SavedTemplateRow {
  id: string;
  /** The template's JSON text, as it downloads. */
  body: string;
  /** sha256 of the facilitator key of the session it was saved from. */
  ownerKeyHash: string;
  savedAt: number;
}

/** Who sent a command: a participant id, 'facilitator' or 'board'. Command ids are remembered per sender. */
export type Sender = string;

/** What one accepted command writes: its events and its answer, atomically, before the command is acknowledged. */
export interface AppendBatch {
  sessionId: string;
  sender: Sender;
  commandId: string | null;
  events: SessionEvent[];
  result: CommandResult;
  participant?: ParticipantSecret;
}

/**
 * The durable event store. The rest of the server does not know which implementation runs; SQLite is the
 * embedded default. Its asynchronous form, which PostgreSQL also implements, is `AsyncEventStore` (asyncTypes.ts).
 */
export interface EventStore {
  createSession(rec: SessionRecord, created: SessionEvent): void;
  sessionById(id: string): SessionRecord | undefined;
  sessionByCode(joinCode: string): SessionRecord | undefined;
  append(batch: AppendBatch): void;
  /** The session's events after `afterSeq`, in seq order; at most `limit` of them when given (a replay's cap). */
  eventsSince(sessionId: string, afterSeq: number, limit?: number): SessionEvent[];
  latestSnapshot(sessionId: string): { seq: number; state: SessionState } | undefined;
  saveSnapshot(sessionId: string, seq: number, state: SessionState): void;
  commandResult(sessionId: string, sender: Sender, commandId: string): CommandResult | undefined;
  participantByTokenHash(sessionId: string, tokenHash: string): string | undefined;
  /** Moves the session's last activity on (never back). */
  touch(sessionId: string, at: number): void;
  /** Sessions whose last activity is before `cutoff`, at most `limit` of them. */
  idleSince(cutoff: number, limit: number): string[];
  /** Removes every row of the session from every table, and the freed space's content from the files. */
  deleteSession(sessionId: string): boolean;
  /**
   * Replaces the stored bodies of these events (same seqs) and every snapshot of the session by `snapshot`, then
   * clears the old content from the files: how a note removed for good leaves no trace.
   */
  rewriteHistory(sessionId: string, events: SessionEvent[], snapshot: { seq: number; state: SessionState }): void;
  /** Saved templates, oldest first. */
  savedTemplates(): SavedTemplateRow[];
  /** Adds one, unless `max` are kept already; says whether it was added. */
  saveTemplate(row: SavedTemplateRow, max: number): boolean;
  deleteSavedTemplate(id: string): boolean;
  close(): void;
}
