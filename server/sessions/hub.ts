import { customAlphabet, nanoid } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/protocol/limits.js';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { EventBody, SessionEvent } from '../../shared/session/events.js';
import { emptyState, reduceOrSkip, upgrade } from '../../shared/modules/registry.js';
import type { AgendaItem, SessionState, TemplateOrigin } from '../../shared/session/state.js';
import { newBallotSecret } from '../ballots.js';
import { hashSecret, matchesHash, newSecret } from '../secrets.js';
import type { EventStore, SessionRecord, Sender } from '../store/types.js';
import { withoutNoteText } from './erase.js';

const makeJoinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
/** How many remembered command answers a live session keeps in memory; older ones are read from the store. */
const RESULT_CACHE = 20_000;
/** Last activity is written at most this often per session (and when it unloads): no disk write per command. */
const ACTIVITY_WRITE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A session as the server holds it in memory: its record, its current state and recent command answers. */
export interface LiveSession {
  record: SessionRecord;
  state: SessionState;
  /** Remembered answers by sender, then command id. */
  results: Map<Sender, Map<string, CommandResult>>;
  resultCount: number;
  eventsSinceSnapshot: number;
  /** Connected screens; at 0 the session unloads after the idle time. */
  screens: number;
  idleTimer: NodeJS.Timeout | null;
  lastActiveAt: number;
  /** Set once the session is deleted: anyone still holding it is refused. */
  deleted: boolean;
}

/** What creating a session hands back once: the only moment the facilitator key exists outside the link. */
export interface CreatedSession {
  id: string;
  joinCode: string;
  facilitatorKey: string;
  title: string;
  createdAt: number;
}

export interface HubOptions {
  store: EventStore;
  snapshotEvery: number;
  now: () => number;
  /** A session with no connected screen leaves memory after this long. */
  idleUnloadMs: number;
  /** A session with no activity for this long is deleted. */
  retentionMs: number;
  log?: (line: string) => void;
}

/** Creates sessions, loads them from the store on first use, unloads idle ones, ends and deletes them. */
export class SessionHub {
  private live = new Map<string, LiveSession>();
  private liveByCode = new Map<string, string>();
  private unloadListeners = new Set<(sessionId: string, deleted: boolean) => void>();
  private loadListeners = new Set<(session: LiveSession) => void>();
  constructor(private opts: HubOptions) {}

  /** A new session; `rehearsal`: flagged in its `session.created` event, so every screen and report says so. */
  create(title: string, agenda: AgendaItem[], opts: { rehearsal?: boolean; template?: TemplateOrigin } = {}): CreatedSession {
    const { store, now } = this.opts;
    let joinCode = makeJoinCode();
    while (store.sessionByCode(joinCode)) joinCode = makeJoinCode();
    const facilitatorKey = newSecret();
    const at = now();
    const record: SessionRecord = {
      id: nanoid(12),
      joinCode,
      facilitatorKeyHash: hashSecret(facilitatorKey),
      title,
      createdAt: at,
      lastActiveAt: at,
      ballotSecret: newBallotSecret(),
    };
    const created: SessionEvent = {
      type: 'session.created',
      id: record.id,
      title,
      joinCode,
      agenda,
      ...(opts.rehearsal ? { rehearsal: true as const } : {}),
      ...(opts.template ? { template: opts.template } : {}),
      seq: 1,
      at,
    };
    store.createSession(record, created);
    return { id: record.id, joinCode, facilitatorKey, title, createdAt: at };
  }

  get(sessionId: string): LiveSession | undefined {
    const cached = this.live.get(sessionId);
    if (cached) return cached;
    const record = this.opts.store.sessionById(sessionId);
    return record && this.load(record);
  }

  /** Through the live index, then the store's indexed join_code: never a scan of live sessions. */
  byCode(joinCode: string): LiveSession | undefined {
    const id = this.liveByCode.get(joinCode);
    if (id !== undefined) return this.live.get(id);
    const record = this.opts.store.sessionByCode(joinCode);
    return record && this.load(record);
  }

  get liveCount(): number {
    return this.live.size;
  }

  private load(record: SessionRecord): LiveSession {
    const { store } = this.opts;
    const snap = store.latestSnapshot(record.id);
    // A snapshot written before a module existed lacks its slice: it starts empty.
    const from = snap ? upgrade(snap.state) : emptyState();
    const rest = store.eventsSince(record.id, snap ? snap.seq : 0);
    const session: LiveSession = {
      record,
      state: reduceOrSkip(rest, from, this.skipped(record.id)),
      results: new Map(),
      resultCount: 0,
      eventsSinceSnapshot: rest.length,
      screens: 0,
      idleTimer: null,
      lastActiveAt: record.lastActiveAt,
      deleted: false,
    };
    this.live.set(record.id, session);
    this.liveByCode.set(record.joinCode, record.id);
    for (const fn of this.loadListeners) fn(session);
    // Loaded for a join that may never come (a wrong key): it leaves again unless a screen attaches.
    this.scheduleUnload(session);
    return session;
  }

  /** Reports an event that could not be applied: one line naming session and seq, then the session goes on. */
  private skipped(sessionId: string) {
    return (e: SessionEvent, error: unknown): void =>
      (this.opts.log ?? console.error)(
        `session ${sessionId} seq ${e.seq}: event ${String(e.type)} skipped (${error instanceof Error ? error.message : String(error)})`,
      );
  }

  /** Called when a screen joins / leaves the session. */
  attach(s: LiveSession): void {
    s.screens++;
    if (s.idleTimer) clearTimeout(s.idleTimer);
    s.idleTimer = null;
    this.touch(s);
  }

  detach(s: LiveSession): void {
    s.screens = Math.max(0, s.screens - 1);
    if (s.screens === 0) this.scheduleUnload(s);
  }

  private scheduleUnload(s: LiveSession): void {
    if (s.idleTimer) clearTimeout(s.idleTimer);
    s.idleTimer = setTimeout(() => {
      s.idleTimer = null;
      if (s.screens === 0 && this.live.get(s.record.id) === s) this.unload(s);
    }, this.opts.idleUnloadMs);
    s.idleTimer.unref();
  }

  /** Listens for sessions coming into memory (created, or read back after a restart or an idle unload). */
  onLoad(fn: (session: LiveSession) => void): void {
    this.loadListeners.add(fn);
  }

  /** Listens for sessions leaving memory (`deleted`: for good), so per-session structures elsewhere are freed. */
  onUnload(fn: (sessionId: string, deleted: boolean) => void): void {
    this.unloadListeners.add(fn);
  }

  private unload(s: LiveSession, deleted = false): void {
    if (s.idleTimer) clearTimeout(s.idleTimer);
    s.idleTimer = null;
    if (!deleted && s.lastActiveAt > s.record.lastActiveAt) this.opts.store.touch(s.record.id, s.lastActiveAt);
    this.live.delete(s.record.id);
    this.liveByCode.delete(s.record.joinCode);
    for (const fn of this.unloadListeners) fn(s.record.id, deleted);
  }

  /** Activity moves the retention date on; written at most hourly per session. */
  touch(s: LiveSession): void {
    const at = this.opts.now();
    s.lastActiveAt = Math.max(s.lastActiveAt, at);
    if (at - s.record.lastActiveAt < ACTIVITY_WRITE_MS) return;
    this.opts.store.touch(s.record.id, at);
    s.record = { ...s.record, lastActiveAt: at };
  }

  /** A read that is not a screen (an export): activity, and an idle session stays loaded a while longer. */
  used(s: LiveSession): void {
    this.touch(s);
    if (s.screens === 0) this.scheduleUnload(s);
  }

  /** The day the session will be deleted unless something happens in it before. */
  keptUntil(s: LiveSession): number {
    return s.lastActiveAt + this.opts.retentionMs;
  }

  /** The session's record, from memory or the store, without loading its log (for checks before a load). */
  recordOf(sessionId: string): SessionRecord | undefined {
    return this.live.get(sessionId)?.record ?? this.opts.store.sessionById(sessionId);
  }

  /**
   * The session's stored log after `afterSeq`, at most `limit` events (a replay), read without loading the session or
   * counting as activity. Every event is durable before it is acknowledged, so a live session's log here is as
   * current as its state.
   */
  storedEvents(sessionId: string, afterSeq: number, limit: number): SessionEvent[] {
    return this.opts.store.eventsSince(sessionId, afterSeq, limit);
  }

  checkFacilitatorKey(record: SessionRecord, key: string): boolean {
    return matchesHash(key, record.facilitatorKeyHash);
  }

  /** An earlier answer to this sender's command id, if the session has seen it. */
  rememberedResult(s: LiveSession, sender: Sender, commandId: string): CommandResult | undefined {
    return s.results.get(sender)?.get(commandId) ?? this.opts.store.commandResult(s.record.id, sender, commandId);
  }

  remember(s: LiveSession, sender: Sender, commandId: string, result: CommandResult): void {
    const mine = s.results.get(sender) ?? new Map<string, CommandResult>();
    if (!mine.has(commandId)) s.resultCount++;
    mine.set(commandId, result);
    s.results.set(sender, mine);
    // Older answers are still in the store (accepted ones); the cache only spares it the reads.
    if (s.resultCount > RESULT_CACHE) {
      s.results.clear();
      s.resultCount = 0;
    }
  }

  /**
   * Numbers the events, writes them (with the command's answer) in one transaction, then applies them. Nothing is
   * applied or acknowledged unless the write succeeded. An anonymous command's answer (see SessionModule.anonymous)
   * is remembered, in memory and in the store, with seq 0: nothing kept says which event its sender's command wrote.
   */
  commit(
    s: LiveSession,
    bodies: EventBody[],
    command: { sender: Sender; id: string; anonymous?: boolean } | null,
    participant?: { participantId: string; token: string },
  ): { events: SessionEvent[]; result: CommandResult } {
    if (s.deleted) throw new Error(`session ${s.record.id} is deleted`);
    const at = this.opts.now();
    let seq = s.state.seq;
    const events = bodies.map((b) => ({ ...b, seq: ++seq, at }) as SessionEvent);
    // A resent late input must hear "late" again, so the flag is part of the remembered answer.
    const result: CommandResult = bodies.some((b) => b.type === 'late.received') ? { ok: true, seq, late: true } : { ok: true, seq };
    const secret = participant && { participantId: participant.participantId, tokenHash: hashSecret(participant.token) };
    const kept: CommandResult = command?.anonymous ? { ...result, seq: 0 } : result;
    this.opts.store.append({
      sessionId: s.record.id,
      sender: command?.sender ?? '',
      commandId: command?.id ?? null,
      events,
      result: kept,
      participant: secret,
    });
    s.state = reduceOrSkip(events, s.state, this.skipped(s.record.id));
    if (command) this.remember(s, command.sender, command.id, kept);
    this.touch(s);
    s.eventsSinceSnapshot += events.length;
    if (s.eventsSinceSnapshot >= this.opts.snapshotEvery) {
      this.opts.store.saveSnapshot(s.record.id, s.state.seq, s.state);
      s.eventsSinceSnapshot = 0;
    }
    if (events.some((e) => e.type === 'note.erased')) this.eraseFromHistory(s, events);
    return { events, result };
  }

  /** Blanks the erased notes' text in every stored event and replaces the snapshots by the current state. */
  private eraseFromHistory(s: LiveSession, events: SessionEvent[]): void {
    const erased = events.flatMap((e) => (e.type === 'note.erased' ? [e.noteId] : []));
    const rewritten = new Map<number, SessionEvent>();
    for (const e of this.opts.store.eventsSince(s.record.id, 0))
      for (const noteId of erased) {
        const clean = withoutNoteText(rewritten.get(e.seq) ?? e, noteId);
        if (clean) rewritten.set(e.seq, clean);
      }
    this.opts.store.rewriteHistory(s.record.id, [...rewritten.values()], { seq: s.state.seq, state: s.state });
    s.eventsSinceSnapshot = 0;
  }

  /**
   * Events another process committed (server/cluster.ts): applied to this process's copy, if it holds the session,
   * in seq order; ones it has are ignored; a gap (a message lost while Redis was away) reads the rest from the store.
   */
  applyRemote(sessionId: string, events: SessionEvent[]): { applied: SessionEvent[]; fromStore: boolean } {
    const s = this.live.get(sessionId);
    const none = { applied: [], fromStore: false };
    if (!s || s.deleted) return none;
    const fresh = events.filter((e) => e.seq > s.state.seq).sort((a, b) => a.seq - b.seq);
    const first = fresh[0];
    if (!first) return none;
    if (first.seq !== s.state.seq + 1) return { applied: this.catchUpFromStore(s), fromStore: true };
    s.state = reduceOrSkip(fresh, s.state, this.skipped(sessionId));
    return { applied: fresh, fromStore: false };
  }

  /** Brings the copy up to what the store holds (another process may have committed more); returns what it applied. */
  catchUpFromStore(s: LiveSession): SessionEvent[] {
    const rest = this.opts.store.eventsSince(s.record.id, s.state.seq);
    if (rest.length) s.state = reduceOrSkip(rest, s.state, this.skipped(s.record.id));
    return rest;
  }

  /** Another process deleted the session: this copy is let go of as if deleted here (its screens are told). */
  dropDeleted(sessionId: string): void {
    const s = this.live.get(sessionId);
    if (!s) return;
    s.deleted = true;
    this.unload(s, true);
  }

  eventsSince(s: LiveSession, afterSeq: number): SessionEvent[] {
    return this.opts.store.eventsSince(s.record.id, afterSeq);
  }

  participantByToken(s: LiveSession, token: string): string | undefined {
    return this.opts.store.participantByTokenHash(s.record.id, hashSecret(token));
  }

  /** Deletes the session for good: every stored row, and its place in memory. */
  delete(sessionId: string): boolean {
    const s = this.live.get(sessionId);
    if (s) {
      s.deleted = true;
      this.unload(s, true);
    }
    return this.opts.store.deleteSession(sessionId);
  }

  /** Deletes sessions without activity for the retention period; returns how many. */
  sweepRetention(): number {
    const cutoff = this.opts.now() - this.opts.retentionMs;
    let n = 0;
    for (let batch = this.opts.store.idleSince(cutoff, 500); batch.length; batch = this.opts.store.idleSince(cutoff, 500)) {
      let deleted = 0;
      for (const id of batch) {
        const s = this.live.get(id);
        // Held open right now: that is activity the hourly bookkeeping has not written yet.
        if (s && (s.screens > 0 || s.lastActiveAt >= cutoff)) continue;
        if (this.delete(id)) deleted++;
      }
      n += deleted;
      if (deleted === 0) break;
    }
    if (n) this.opts.log?.(`retention: deleted ${n} session(s) without activity for ${Math.round(this.opts.retentionMs / DAY_MS)} days`);
    return n;
  }

  /** Writes what is only in memory (last activity) and stops the timers. */
  close(): void {
    for (const s of [...this.live.values()]) this.unload(s);
  }
}
