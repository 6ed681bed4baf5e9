import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { emptyState, reduceOrSkip, upgrade } from '../../shared/modules/registry.js';
import type { AgendaItem, SessionState, TemplateOrigin } from '../../shared/session/state.js';
import { hashSecret, matchesHash } from '../secrets.js';
import type { AsyncEventStore } from '../store/asyncTypes.js';
import type { SessionRecord, Sender } from '../store/types.js';
import { catchUp, type CommandRef, type Committed, type CommitContext, type Decide, type Submission } from './commit.js';
import { GroupCommits, type Queued, type WriteFigures } from './groups.js';

import { tryCreate, type CreatedSession } from './create.js';
import { sweepRetention } from './retention.js';

export type { Committed, Decide, Submission } from './commit.js';
export type { WriteFigures } from './groups.js';
export type { CreatedSession } from './create.js';

/** How many remembered command answers a live session keeps in memory; older ones are read from the store. */
const RESULT_CACHE = 20_000;
/** Last activity is written at most this often per session (and when it unloads): no disk write per command. */
const ACTIVITY_WRITE_MS = 60 * 60 * 1000;
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
  /** The end of this process's work on the session: its commands are decided and committed one at a time. */
  tail: Promise<unknown>;
  /** Pieces of work queued on `tail` and not done yet (SessionHub.crowded). */
  waiting: number;
  /** Commands waiting for the session's next group commit, in the order they came (SessionHub.enqueue). */
  queued: Queued[];
  /** A group commit is queued on `tail` and has not started. */
  groupQueued: boolean;
  /** Answers of commands queued or being written, by sender and command id: a resend meanwhile shares them. */
  inFlight: Map<string, Promise<Committed>>;
}


export interface HubOptions {
  store: AsyncEventStore;
  snapshotEvery: number;
  now: () => number;
  /** A session with no connected screen leaves memory after this long. */
  idleUnloadMs: number;
  /** A session with no activity for this long is deleted. */
  retentionMs: number;
  /** Commands that may wait for their turn on one session (LimitSettings.commandsWaitingPerSession); default none. */
  maxWaiting?: number;
  log?: (line: string) => void;
}

/** Creates sessions, loads them from the store on first use, unloads idle ones, ends and deletes them. */
export class SessionHub {
  private live = new Map<string, LiveSession>();
  private liveByCode = new Map<string, string>();
  private unloadListeners = new Set<(sessionId: string, deleted: boolean) => void>();
  private loadListeners = new Set<(session: LiveSession) => void>();
  private caughtUpListeners = new Set<(s: LiveSession, events: SessionEvent[]) => void>();
  /** Loads in progress: a session asked for again meanwhile shares the one load. */
  private loading = new Map<string, Promise<LiveSession | undefined>>();
  /** Conflicts met since start (another process wrote the seq first): the tests and the logs read it. */
  conflicts = 0;
  private writes = new Set<Promise<void>>();
  private commits: CommitContext;
  private groups: GroupCommits;
  constructor(private opts: HubOptions) {
    this.commits = {
      store: opts.store,
      now: opts.now,
      snapshotEvery: opts.snapshotEvery,
      log: opts.log,
      skipped: (s) => this.skipped(s.record.id),
      settled: (s, command, kept) => {
        if (command) this.remember(s, command.sender, command.id, kept);
        this.touch(s);
      },
      gone: (s) => this.gone(s),
      caughtUp: (s, events) => {
        for (const fn of this.caughtUpListeners) fn(s, events);
      },
      conflicted: () => this.conflicts++,
    };
    this.groups = new GroupCommits(this.commits, (s, work) => this.exclusive(s, work));
  }

  /** A new session; `rehearsal`: flagged in its `session.created` event, so every screen and report says so. */
  async create(title: string, agenda: AgendaItem[], opts: { rehearsal?: boolean; template?: TemplateOrigin } = {}): Promise<CreatedSession> {
    for (;;) {
      const made = await tryCreate(this.opts.store, this.opts.now(), title, agenda, opts);
      if (made) return made;
    }
  }

  /** The session in memory, loading it from the store on first use (one load, however many ask at once). */
  get(sessionId: string): Promise<LiveSession | undefined> {
    const cached = this.live.get(sessionId);
    if (cached) return Promise.resolve(cached);
    const pending = this.loading.get(sessionId);
    if (pending) return pending;
    const load = this.load(sessionId).finally(() => this.loading.delete(sessionId));
    this.loading.set(sessionId, load);
    return load;
  }

  /** Through the live index, then the store's indexed join_code: never a scan of live sessions. */
  async byCode(joinCode: string): Promise<LiveSession | undefined> {
    const id = this.liveByCode.get(joinCode);
    if (id !== undefined) return this.live.get(id);
    const record = await this.opts.store.sessionByCode(joinCode);
    return record && this.get(record.id);
  }

  get liveCount(): number {
    return this.live.size;
  }

  private async load(sessionId: string): Promise<LiveSession | undefined> {
    const { store } = this.opts;
    const record = await store.sessionById(sessionId);
    if (!record) return undefined;
    const snap = await store.latestSnapshot(record.id);
    // A snapshot written before a module existed lacks its slice: it starts empty.
    const from = snap ? upgrade(snap.state) : emptyState();
    const rest = await store.eventsSince(record.id, snap ? snap.seq : 0);
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
      tail: Promise.resolve(),
      waiting: 0,
      queued: [],
      groupQueued: false,
      inFlight: new Map(),
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
    if (!deleted && s.lastActiveAt > s.record.lastActiveAt) this.background(this.opts.store.touch(s.record.id, s.lastActiveAt));
    if (this.live.get(s.record.id) === s) {
      this.live.delete(s.record.id);
      this.liveByCode.delete(s.record.joinCode);
    }
    for (const fn of this.unloadListeners) fn(s.record.id, deleted);
  }

  /** A write nobody waits for (last activity): a failure is logged, never thrown; `close` waits for it. */
  private background(write: Promise<unknown>): void {
    const kept = write.then(
      () => undefined,
      (e: unknown) => this.opts.log?.(`store write failed: ${e instanceof Error ? e.message : String(e)}`),
    );
    this.writes.add(kept);
    void kept.finally(() => this.writes.delete(kept));
  }

  /** Activity moves the retention date on; written at most hourly per session. */
  touch(s: LiveSession): void {
    const at = this.opts.now();
    s.lastActiveAt = Math.max(s.lastActiveAt, at);
    if (at - s.record.lastActiveAt < ACTIVITY_WRITE_MS) return;
    this.background(this.opts.store.touch(s.record.id, at));
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
  async recordOf(sessionId: string): Promise<SessionRecord | undefined> {
    return this.live.get(sessionId)?.record ?? this.opts.store.sessionById(sessionId);
  }

  /**
   * The session's stored log after `afterSeq`, at most `limit` events (a replay), read without loading the session or
   * counting as activity. Every event is durable before it is acknowledged, so a live session's log here is as
   * current as its state.
   */
  storedEvents(sessionId: string, afterSeq: number, limit: number): Promise<SessionEvent[]> {
    return this.opts.store.eventsSince(sessionId, afterSeq, limit);
  }

  checkFacilitatorKey(record: SessionRecord, key: string): boolean {
    return matchesHash(key, record.facilitatorKeyHash);
  }

  /**
   * An earlier answer to this sender's command id that this process remembers. One written by another process (or
   * forgotten here) is found in the store in the write lock (commitGroup), where it stands instead of a decision.
   */
  rememberedResult(s: LiveSession, sender: Sender, commandId: string): CommandResult | undefined {
    return s.results.get(sender)?.get(commandId);
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
   * Runs `work` once this process's earlier work on the session is done: its commands are decided, written and
   * applied one at a time (commands of different sessions run side by side). A failure is the caller's alone.
   */
  exclusive<T>(s: LiveSession, work: () => Promise<T>): Promise<T> {
    s.waiting++;
    const run = s.tail.then(work, work).finally(() => void s.waiting--);
    s.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * As many commands wait their turn on the session as may (a store that stopped answering, a flood): the next is
   * refused at once, its sender told to send it again, rather than held in memory without end.
   */
  crowded(s: LiveSession): boolean {
    return s.waiting + s.queued.length >= (this.opts.maxWaiting ?? Infinity);
  }

  /** Applies what other processes wrote to the session since this copy's state; call it inside `exclusive`. */
  catchUp(s: LiveSession): Promise<void> {
    return catchUp(this.commits, s);
  }

  /** The sessions this process holds now. */
  heldSessions(): LiveSession[] {
    return [...this.live.values()];
  }

  /** Whether the store still has the session (another process may have deleted it). */
  async stored(s: LiveSession): Promise<boolean> {
    return (await this.opts.store.sessionById(s.record.id)) !== undefined;
  }

  /** The session if this process holds it now (no load). */
  held(sessionId: string): LiveSession | undefined {
    return this.live.get(sessionId);
  }

  /** Applies events another process committed, next in seq (server/sessions/remote.ts, in the session's turn). */
  applyRelayed(s: LiveSession, events: SessionEvent[]): void {
    s.state = reduceOrSkip(events, s.state, this.skipped(s.record.id));
  }

  /** Listens for events this copy read from the store (another process wrote them), so its screens get them too. */
  onCaughtUp(fn: (s: LiveSession, events: SessionEvent[]) => void): void {
    this.caughtUpListeners.add(fn);
  }

  /** Another process deleted the session: this copy is let go of as if deleted here (its screens are told). */
  dropDeleted(sessionId: string): void {
    const s = this.live.get(sessionId);
    if (s) this.gone(s);
  }

  /** `catchUp` in its turn: the session as stored, before a screen is given its state. */
  refresh(s: LiveSession): Promise<void> {
    return this.exclusive(s, () => this.catchUp(s));
  }

  /**
   * Queues a command for the session's next group commit and answers once it is written (see GroupCommits.enqueue):
   * call it in the session's turn (`exclusive`), so that commands are decided in the order they came.
   */
  enqueue(s: LiveSession, submission: Submission): Promise<Committed> {
    return this.groups.enqueue(s, submission);
  }

  /** Writes what is queued on the session now; in its turn, first thing, when a turn must see it all applied (a deletion). */
  commitQueued(s: LiveSession): Promise<void> {
    return this.groups.commitQueued(s);
  }

  /** `enqueue` in a turn of its own, for a caller with nothing to do first: the command's answer once written. */
  commit(s: LiveSession, decide: Decide, command: CommandRef | null, written?: Submission['written']): Promise<Committed> {
    return this.exclusive(s, async () => ({ answer: this.enqueue(s, { decide, command, written }) })).then((t) => t.answer);
  }

  /** A new participant's `participant.joined`, with their token's hash in the same transaction (see `commit`). */
  commitJoin(s: LiveSession, decide: Decide, participant: { participantId: string; token: string }, written: Submission['written']): Promise<Committed> {
    const secret = { participantId: participant.participantId, tokenHash: hashSecret(participant.token) };
    return this.exclusive(s, async () => ({ answer: this.enqueue(s, { decide, command: null, participant: secret, written }) })).then((t) => t.answer);
  }

  /** The events after `afterSeq`, at most `limit` of them: a reconnecting screen's catch-up. */
  eventsSince(s: LiveSession, afterSeq: number, limit?: number): Promise<SessionEvent[]> {
    return this.opts.store.eventsSince(s.record.id, afterSeq, limit);
  }

  participantByToken(s: LiveSession, token: string): Promise<string | undefined> {
    return this.opts.store.participantByTokenHash(s.record.id, hashSecret(token));
  }

  /** A session deleted elsewhere (another process, or retention there): it leaves memory as a deleted one does. */
  private gone(s: LiveSession): void {
    if (s.deleted) return;
    s.deleted = true;
    this.unload(s, true);
  }

  /** Deletes the session for good: every stored row, and its place in memory. */
  async delete(sessionId: string): Promise<boolean> {
    const s = this.live.get(sessionId);
    // Refused from now on; its screens are told once the rows are gone (after the deleting command's answer).
    if (s) s.deleted = true;
    const had = await this.opts.store.deleteSession(sessionId);
    if (s && this.live.get(sessionId) === s) this.unload(s, true);
    return had;
  }

  /** Deletes sessions without activity for the retention period; returns how many (see retention.ts). */
  sweepRetention(): Promise<number> {
    return sweepRetention(this.opts, (id, cutoff) => {
      const s = this.live.get(id);
      // Held open right now: that is activity the hourly bookkeeping has not written yet.
      return !!s && (s.screens > 0 || s.lastActiveAt >= cutoff);
    }, (id) => this.delete(id));
  }

  writeFigures(): WriteFigures {
    return this.groups.figures();
  }

  /** Writes what is only in memory (last activity) and stops the timers; waits for the work under way. */
  async close(): Promise<void> {
    const sessions = [...this.live.values()];
    for (const s of sessions) this.unload(s);
    await Promise.all(sessions.map((s) => s.tail));
    await Promise.all([...this.writes]);
  }
}
