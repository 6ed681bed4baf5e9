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

/** An agenda saved as a template: its JSON (the same shape as a file in sessions/) and the hash of its key. */
export interface SavedTemplateRow {
  id: string;
  /** The template's JSON text, as it downloads. */
  body: string;
  /** sha256 of the template's own key (handed out once, at saving); rows from schema 4: of the saving facilitator's key. */
  ownerKeyHash: string;
  savedAt: number;
  /** The session it was saved from ('' for rows from schema 4). */
  sessionId: string;
  /** When its owner last listed, opened, started or downloaded it: the retention counts from here. */
  usedAt: number;
}

/** Why a saved template was not added: the server holds its cap, or the session saved its share. */
export type SaveTemplateResult = 'added' | 'full' | 'session-full';

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
  /** Writes the batches (each one command's events and answer) in one transaction: all of them or none. */
  append(batches: readonly AppendBatch[]): void;
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
  savedTemplate(id: string): SavedTemplateRow | undefined;
  /** Adds one, unless `caps.total` are kept already or its session saved `caps.perSession`; says which. */
  saveTemplate(row: SavedTemplateRow, caps: { total: number; perSession: number }): SaveTemplateResult;
  /** Marks a saved template as used now (never moving back). */
  touchSavedTemplate(id: string, at: number): void;
  deleteSavedTemplate(id: string): boolean;
  /** Deletes the saved templates not used since `cutoff`; returns how many. */
  deleteUnusedTemplates(cutoff: number): number;
  close(): void;
}
