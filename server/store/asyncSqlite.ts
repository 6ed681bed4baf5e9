import type { SessionEvent } from '../../shared/session/events.js';
import type { AppendOutcome, AsyncEventStore } from './asyncTypes.js';
import type { AppendBatch, EventStore } from './types.js';

/** A primary-key or unique violation from better-sqlite3 (its codes start so); any other error is not a race. */
const isConstraint = (e: unknown): boolean => {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
};

/**
 * The embedded SQLite store behind the asynchronous interface. Its calls run synchronously (an event is committed
 * before the promise settles); an append whose seq is taken fails on the primary key (session_id, seq) inside its
 * transaction, so nothing of it stays, and is reported as a lost race like PostgreSQL's.
 */
export function asyncSqlite(store: EventStore): AsyncEventStore {
  /** The events from `fromSeq` on; a writer that lost a race is behind by a few, so this read stays short. */
  const from = (sessionId: string, fromSeq: number): SessionEvent[] => store.eventsSince(sessionId, fromSeq - 1);
  // SQLite's tables do not reference the session (its file has one writer, which knows what it deleted): the
  // look-up gives the same answer as PostgreSQL's references, in the same synchronous step as the write.
  const append = (sessionId: string, batches: readonly AppendBatch[]): AppendOutcome => {
    if (!store.sessionById(sessionId)) return { ok: false, conflict: false, deleted: true };
    try {
      store.append(batches);
      return { ok: true };
    } catch (e) {
      const seqs = batches.flatMap((b) => b.events.map((ev) => ev.seq));
      const taken = isConstraint(e) && seqs.length ? from(sessionId, Math.min(...seqs)) : [];
      if (!taken.length) throw e;
      return { ok: false, conflict: true, latestSeq: taken[taken.length - 1]!.seq };
    }
  };
  return {
    createSession: async (rec, created) => {
      try {
        store.createSession(rec, created);
        return true;
      } catch (e) {
        if (isConstraint(e)) return false;
        throw e;
      }
    },
    sessionById: async (id) => store.sessionById(id),
    sessionByCode: async (code) => store.sessionByCode(code),
    append: async (batch) => append(batch.sessionId, [batch]),
    // Reading, deciding and writing are one synchronous step: no other writer of this process comes between. Other
    // processes on the same file can (SQLite's WAL mode allows them); the primary key catches them as above.
    appendLocked: async (sessionId, afterSeq, _commands, decide) => {
      const missed = store.eventsSince(sessionId, afterSeq);
      const batches = decide({ missed, earlier: (sender, id) => store.commandResult(sessionId, sender, id) });
      return batches.length ? append(sessionId, batches) : { ok: true };
    },
    // The slice keeps the bound should the synchronous store read more than asked.
    eventsSince: async (sessionId, afterSeq, limit) =>
      limit === undefined ? store.eventsSince(sessionId, afterSeq) : store.eventsSince(sessionId, afterSeq, limit).slice(0, limit),
    latestSnapshot: async (sessionId) => store.latestSnapshot(sessionId),
    saveSnapshot: async (sessionId, seq, state) => {
      if (store.sessionById(sessionId)) store.saveSnapshot(sessionId, seq, state);
    },
    commandResult: async (sessionId, sender, commandId) => store.commandResult(sessionId, sender, commandId),
    participantByTokenHash: async (sessionId, tokenHash) => store.participantByTokenHash(sessionId, tokenHash),
    touch: async (sessionId, at) => store.touch(sessionId, at),
    idleSince: async (cutoff, limit) => store.idleSince(cutoff, limit),
    deleteSession: async (sessionId) => store.deleteSession(sessionId),
    rewriteHistory: async (sessionId, events, snapshot) => {
      if (store.sessionById(sessionId)) store.rewriteHistory(sessionId, events, snapshot);
    },
    savedTemplate: async (id) => store.savedTemplate(id),
    saveTemplate: async (row, caps) => store.saveTemplate(row, caps),
    touchSavedTemplate: async (id, at) => store.touchSavedTemplate(id, at),
    deleteSavedTemplate: async (id) => store.deleteSavedTemplate(id),
    deleteUnusedTemplates: async (cutoff) => store.deleteUnusedTemplates(cutoff),
    close: async () => store.close(),
  };
}
