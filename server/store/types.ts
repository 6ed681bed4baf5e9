import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { SessionState } from '../../shared/session/state.js';

export interface SessionRecord {
  id: string;
  joinCode: string;
  facilitatorKey: string;
  title: string;
  createdAt: number;
}

/** A participant's secret token, written in the same transaction as their `participant.joined` event. */
export interface ParticipantSecret {
  participantId: string;
  token: string;
}

/** What one accepted command writes: its events and its answer, atomically, before the command is acknowledged. */
export interface AppendBatch {
  sessionId: string;
  commandId: string | null;
  events: SessionEvent[];
  result: CommandResult;
  participant?: ParticipantSecret;
}

/**
 * The durable event store. The rest of the server does not know which implementation runs; SQLite is the
 * embedded default.
 */
export interface EventStore {
  createSession(rec: SessionRecord, created: SessionEvent): void;
  sessionById(id: string): SessionRecord | undefined;
  sessionByCode(joinCode: string): SessionRecord | undefined;
  append(batch: AppendBatch): void;
  eventsSince(sessionId: string, afterSeq: number): SessionEvent[];
  latestSnapshot(sessionId: string): { seq: number; state: SessionState } | undefined;
  saveSnapshot(sessionId: string, seq: number, state: SessionState): void;
  commandResult(sessionId: string, commandId: string): CommandResult | undefined;
  participantByToken(sessionId: string, token: string): string | undefined;
  close(): void;
}
