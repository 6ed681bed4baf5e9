import { customAlphabet, nanoid } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/protocol/limits.js';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { EventBody, SessionEvent } from '../../shared/session/events.js';
import { emptyState, reduceOrSkip } from '../../shared/session/reducer.js';
import type { AgendaItem, SessionState } from '../../shared/session/state.js';
import type { EventStore, ParticipantSecret, SessionRecord } from '../store/types.js';

const makeJoinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
/** How many remembered command answers a live session keeps in memory; older ones are read from the store. */
const RESULT_CACHE = 20_000;

/** A session as the server holds it in memory: its record, its current state and recent command answers. */
export interface LiveSession {
  record: SessionRecord;
  state: SessionState;
  results: Map<string, CommandResult>;
  eventsSinceSnapshot: number;
}

export interface HubOptions {
  store: EventStore;
  snapshotEvery: number;
  now: () => number;
  log?: (line: string) => void;
}

/** Creates sessions, loads them from the store on first use, and appends accepted events. */
export class SessionHub {
  private live = new Map<string, LiveSession>();
  constructor(private opts: HubOptions) {}

  create(title: string, agenda: AgendaItem[]): SessionRecord {
    const { store, now } = this.opts;
    let joinCode = makeJoinCode();
    while (store.sessionByCode(joinCode)) joinCode = makeJoinCode();
    const record: SessionRecord = { id: nanoid(12), joinCode, facilitatorKey: nanoid(32), title, createdAt: now() };
    const created: SessionEvent = {
      type: 'session.created',
      id: record.id,
      title,
      joinCode,
      agenda,
      seq: 1,
      at: record.createdAt,
    };
    store.createSession(record, created);
    return record;
  }

  get(sessionId: string): LiveSession | undefined {
    const cached = this.live.get(sessionId);
    if (cached) return cached;
    const record = this.opts.store.sessionById(sessionId);
    return record && this.load(record);
  }

  byCode(joinCode: string): LiveSession | undefined {
    for (const s of this.live.values()) if (s.record.joinCode === joinCode) return s;
    const record = this.opts.store.sessionByCode(joinCode);
    return record && this.load(record);
  }

  private load(record: SessionRecord): LiveSession {
    const { store } = this.opts;
    const snap = store.latestSnapshot(record.id);
    const from = snap ? snap.state : emptyState();
    const rest = store.eventsSince(record.id, snap ? snap.seq : 0);
    const session: LiveSession = {
      record,
      state: reduceOrSkip(rest, from, this.skipped(record.id)),
      results: new Map(),
      eventsSinceSnapshot: rest.length,
    };
    this.live.set(record.id, session);
    return session;
  }

  /** Reports an event that could not be applied: one line naming session and seq, then the session goes on. */
  private skipped(sessionId: string) {
    return (e: SessionEvent, error: unknown): void =>
      (this.opts.log ?? console.error)(
        `session ${sessionId} seq ${e.seq}: event ${String(e.type)} skipped (${error instanceof Error ? error.message : String(error)})`,
      );
  }

  /** An earlier answer to this command id, if the session has seen it. */
  rememberedResult(s: LiveSession, commandId: string): CommandResult | undefined {
    return s.results.get(commandId) ?? this.opts.store.commandResult(s.record.id, commandId);
  }

  remember(s: LiveSession, commandId: string, result: CommandResult): void {
    s.results.set(commandId, result);
    if (s.results.size > RESULT_CACHE) {
      const oldest = s.results.keys().next().value;
      if (oldest !== undefined) s.results.delete(oldest);
    }
  }

  /**
   * Numbers the events, writes them (with the command's answer) in one transaction, then applies them. Nothing is
   * applied or acknowledged unless the write succeeded.
   */
  commit(
    s: LiveSession,
    bodies: EventBody[],
    commandId: string | null,
    participant?: ParticipantSecret,
  ): { events: SessionEvent[]; result: CommandResult } {
    const at = this.opts.now();
    let seq = s.state.seq;
    const events = bodies.map((b) => ({ ...b, seq: ++seq, at }) as SessionEvent);
    // A resent late input must hear "late" again, so the flag is part of the remembered answer.
    const result: CommandResult = bodies.some((b) => b.type === 'late.received') ? { ok: true, seq, late: true } : { ok: true, seq };
    this.opts.store.append({ sessionId: s.record.id, commandId, events, result, participant });
    s.state = reduceOrSkip(events, s.state, this.skipped(s.record.id));
    if (commandId) this.remember(s, commandId, result);
    s.eventsSinceSnapshot += events.length;
    if (s.eventsSinceSnapshot >= this.opts.snapshotEvery) {
      this.opts.store.saveSnapshot(s.record.id, s.state.seq, s.state);
      s.eventsSinceSnapshot = 0;
    }
    return { events, result };
  }

  eventsSince(s: LiveSession, afterSeq: number): SessionEvent[] {
    return this.opts.store.eventsSince(s.record.id, afterSeq);
  }

  participantByToken(s: LiveSession, token: string): string | undefined {
    return this.opts.store.participantByToken(s.record.id, token);
  }
}
