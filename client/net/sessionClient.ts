import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { JoinRequest, JoinResult, Role } from '../../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import { fail, type CommandError, type CommandResult } from '../../shared/protocol/results.js';
import type { ClientToServerEvents, Presence, ServerToClientEvents } from '../../shared/protocol/socket.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { applyOrSkip, emptyState } from '../../shared/modules/registry.js';
import type { SessionState } from '../../shared/session/state.js';
import { clockOffset } from '../../shared/session/timer.js';
import { rejoinDelay } from './rejoinDelay.js';

/** The part of `localStorage` the client needs; tests and the bench pass an in-memory one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const memoryStorage = (): KeyValueStorage => {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
};

export type Connection = 'connecting' | 'online' | 'offline' | 'failed';
export type QueuedCommand = { id: string } & CommandInput;
/** Typed input the server refused for good: kept on the device with the reason, so the text is never lost. */
export interface UnsentInput {
  command: QueuedCommand;
  reason: string;
}
export type JoinAs =
  | { role: 'facilitator'; sessionId: string; facilitatorKey: string }
  | { role: 'participant'; joinCode: string; name?: string }
  | { role: 'board'; joinCode: string };

export interface ClientSnapshot {
  connection: Connection;
  role: Role | null;
  sessionId: string | null;
  participantId: string | null;
  state: SessionState;
  queued: QueuedCommand[];
  unsent: UnsentInput[];
  offsetMs: number;
  presence: Presence | null;
  /** The last refusal, for the UI to show; cleared by `clearError`. */
  error: CommandError | null;
  /** Why the session is gone for good (deleted by its facilitator); the client stops reconnecting. */
  closed: string | null;
  /** Facilitator only: when the session will be deleted unless there is activity before then. */
  keptUntil: number | null;
  /** A re-join the server refused for a while: its sentence, and when this screen tries again by itself. */
  rejoining: { error: CommandError; at: number } | null;
}

export interface SessionClientOptions {
  url: string;
  storage?: KeyValueStorage;
  /** How long to wait for an acknowledgement before treating the command as not delivered. */
  ackTimeoutMs?: number;
  /** Passed to socket.io-client (tests use websocket-only transports, for example). */
  transports?: ('websocket' | 'polling')[];
  forceNew?: boolean;
  /** Node only: the source address to connect from (tests of sticky routing behind a load balancer). */
  localAddress?: string;
}

/** What a client knows before it has joined anything. */
export const emptySnapshot = (): ClientSnapshot => ({
  connection: 'connecting',
  role: null,
  sessionId: null,
  participantId: null,
  state: emptyState(),
  queued: [],
  unsent: [],
  offsetMs: 0,
  presence: null,
  error: null,
  closed: null,
  keptUntil: null,
  rejoining: null,
});

/** Refusals that pass by themselves (a wait, a server fault, a connection not ready): commands and re-joins retry. */
const RETRYABLE = new Set(['rate_limited', 'internal', 'not_joined']);
/**
 * Commands whose refusal stays on the device with the reason (at most UNSENT_CAP, newest kept): text a person typed,
 * and a rating of the values survey (the server never keeps a rating it did not count: that would tie it to the
 * person). Kept here, not by whoever sent it, so a rating queued offline and refused after a page reload is kept too.
 */
const KEEP_ON_REFUSAL = new Set(['note.add', 'note.edit', 'values.rate']);
const UNSENT_CAP = 100;
/** An answer's slot: a refused answer replaces the slot's earlier one, and a counted answer clears the slot. */
const slotOf = (cmd: QueuedCommand): string | null =>
  cmd.type === 'values.rate' ? `${cmd.payload.itemId}:${cmd.payload.valueId}:${cmd.payload.scale}` : null;
/** A withdrawal (score null) that was refused leaves nothing to keep. */
const keptOnRefusal = (cmd: QueuedCommand): boolean =>
  KEEP_ON_REFUSAL.has(cmd.type) && !(cmd.type === 'values.rate' && cmd.payload.score === null);
const tokenKey = (code: string) => `ft:token:${code.toUpperCase()}`;

/** Whether this device already joined session `code` as a participant (a refresh can resume without a name). */
export const hasParticipantToken = (storage: KeyValueStorage, code: string): boolean =>
  storage.getItem(tokenKey(code)) !== null;
/** This device's participant token for session `code`: it proves who the phone is to an HTTP route (a group's PDF). */
export const participantTokenOf = (storage: KeyValueStorage, code: string): string | null => storage.getItem(tokenKey(code));
const storeKey = (what: 'queue' | 'unsent', who: JoinAs) =>
  `ft:${what}:${who.role === 'facilitator' ? who.sessionId : who.joinCode}:${who.role}`;

/**
 * The one typed client: connect, join, commands with acknowledgement, an offline queue kept in storage, catch-up
 * after reconnecting, and the server clock offset. The UI, the tests and the bench all use it.
 */
export class SessionClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private storage: KeyValueStorage;
  private ackTimeoutMs: number;
  private who: JoinAs | null = null;
  private joined = false;
  private inFlight = new Set<string>();
  private waiters = new Map<string, Array<(r: CommandResult) => void>>();
  private listeners = new Set<(s: ClientSnapshot) => void>();
  private eventListeners = new Set<(events: SessionEvent[]) => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private joinWaiters: Array<(r: JoinResult) => void> = [];
  /** Whether `who` was let in once: its later joins are automatic, and a passing refusal of one is tried again. */
  private admitted = false;
  private rejoinTries = 0;
  private rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  /** Events received whose seq the client already had (should stay 0). */
  duplicates = 0;
  /** Times a gap in the seqs forced a re-join (should stay 0). */
  gaps = 0;
  snap: ClientSnapshot = emptySnapshot();

  constructor(opts: SessionClientOptions) {
    this.storage = opts.storage ?? memoryStorage();
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 8000;
    this.socket = io(opts.url, {
      auth: { protocol: PROTOCOL_VERSION },
      transports: opts.transports ?? ['websocket', 'polling'],
      forceNew: opts.forceNew ?? true,
      ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
    });
    this.socket.on('connect', () => {
      this.stopRejoinTimer(); // this connection joins now
      this.set({ connection: 'online' });
      if (this.who && !this.snap.closed) void this.rejoin();
    });
    this.socket.on('disconnect', () => {
      this.stopRejoinTimer(); // the next connection joins
      this.joined = false;
      this.inFlight.clear();
      this.set({ connection: this.snap.closed ? 'failed' : 'offline' });
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      // Refusals that retrying cannot change (an out-of-date page, a page the server does not count as its own).
      const code = err.data?.code;
      if (code === 'protocol' || code === 'forbidden') {
        this.set({ connection: 'failed', error: { code, message: err.message } });
        this.socket.disconnect();
      } else this.set({ connection: 'offline' });
    });
    this.socket.on('events', (events) => this.receive(events));
    this.socket.on('presence', (presence) => this.set({ presence }));
    this.socket.on('closed', (notice) => {
      this.set({ closed: notice.message, connection: 'failed' });
      this.socket.disconnect();
      // What is still queued can never arrive now; whoever waits for it hears why.
      for (const waiting of this.waiters.values()) for (const resolve of waiting) resolve(fail('not_found', notice.message));
      this.waiters.clear();
    });
  }

  subscribe(fn: (s: ClientSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Raw event batches as they arrive, before de-duplication (the bench measures with this). */
  onEvents(fn: (events: SessionEvent[]) => void): () => void {
    this.eventListeners.add(fn);
    return () => this.eventListeners.delete(fn);
  }

  /** Server time now, as best this client knows it. */
  serverNow(): number {
    return Date.now() + this.snap.offsetMs;
  }

  /** Joins a session; resolves with the server's answer. Later reconnects re-join and catch up by themselves. */
  async join(who: JoinAs): Promise<JoinResult> {
    this.who = who;
    this.admitted = false;
    this.rejoinTries = 0;
    this.stopRejoinTimer();
    this.set({ queued: this.load<QueuedCommand>('queue'), unsent: this.load<UnsentInput>('unsent') });
    if (this.socket.connected) return this.rejoin();
    // The 'connect' handler joins; wait for its answer.
    return new Promise((resolve) => this.joinWaiters.push(resolve));
  }

  private rejoin(): Promise<JoinResult> {
    const who = this.who;
    if (!who) throw new Error('join() first');
    const lastSeq = this.snap.state.seq > 0 ? this.snap.state.seq : undefined;
    let req: JoinRequest;
    if (who.role === 'participant') {
      const token = this.storage.getItem(tokenKey(who.joinCode)) ?? undefined;
      req = { role: 'participant', protocol: PROTOCOL_VERSION, joinCode: who.joinCode, name: who.name, participantToken: token, lastSeq };
    } else if (who.role === 'board') req = { role: 'board', protocol: PROTOCOL_VERSION, joinCode: who.joinCode, lastSeq };
    else req = { ...who, protocol: PROTOCOL_VERSION, lastSeq };

    // The answer is handled in the ack callback itself, not after an await: live frames that arrive right behind
    // it (often in the same read from the socket) must find the catch-up already applied.
    return new Promise((resolve) => {
      this.socket.timeout(this.ackTimeoutMs).emit('join', req, (err: Error | null, res?: JoinResult) => {
        if (err || !res) {
          // No answer in time: start over on a fresh connection, which joins again when it is up. A connection that
          // closed meanwhile (socket.io fails its unanswered requests as it closes) reconnects and re-joins by
          // itself: restarting it from inside socket.io's own close left it believing it was reconnecting, for good.
          if (this.socket.connected) this.socket.disconnect().connect();
          return resolve({ ok: false, error: { code: 'internal', message: 'The server did not answer. Retrying...' } });
        }
        resolve(this.onJoinAnswer(res));
      });
    });
  }

  private onJoinAnswer(res: JoinResult): JoinResult {
    const waiters = this.joinWaiters.splice(0);
    for (const resolve of waiters) resolve(res);
    if (!res.ok) {
      if (this.admitted && RETRYABLE.has(res.error.code)) this.rejoinLater(res.error);
      else this.set({ error: res.error, rejoining: null });
      return res;
    }
    // The refusal the screen showed while it waited to re-join is over.
    const waited = this.snap.rejoining;
    if (waited) this.set({ rejoining: null, ...(this.snap.error === waited.error ? { error: null } : {}) });
    this.admitted = true;
    this.rejoinTries = 0;
    if (res.participantToken) this.storage.setItem(tokenKey(res.joinCode), res.participantToken);
    const c = res.catchUp;
    const state = c.kind === 'snapshot' ? c.state : this.snap.state;
    this.joined = true;
    this.set({
      role: res.role,
      sessionId: res.sessionId,
      participantId: res.participantId ?? null,
      state,
      offsetMs: this.snap.offsetMs || res.serverNow - Date.now(),
      keptUntil: res.keptUntil ?? null,
    });
    if (c.kind === 'events') this.receive(c.events);
    void this.syncClock();
    this.flushQueue();
    return res;
  }

  /**
   * An automatic re-join refused for a while (a wait the server gave, a server fault): tried again after the wait, or
   * after a capped backoff, with jitter. Meanwhile the screen shows the server's sentence.
   */
  private rejoinLater(error: CommandError): void {
    this.stopRejoinTimer();
    const delay = rejoinDelay(error.retryAfterSeconds, this.rejoinTries++);
    this.set({ error, rejoining: { error, at: Date.now() + delay } });
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = null;
      // A connection that dropped meanwhile re-joins as it comes back.
      if (this.socket.connected && !this.joined && !this.snap.closed) void this.rejoin();
    }, delay);
  }

  private stopRejoinTimer(): void {
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
  }

  private receive(events: SessionEvent[]): void {
    for (const fn of this.eventListeners) fn(events);
    if (!this.joined) return; // frames of a connection that has not (re)joined yet are covered by its catch-up
    let state = this.snap.state;
    for (const e of events) {
      if (e.seq <= state.seq) {
        this.duplicates++;
        continue;
      }
      if (e.seq > state.seq + 1) {
        // A gap: something was missed. Keep what is consistent and reconnect, which re-joins from the last seq.
        this.gaps++;
        if (state !== this.snap.state) this.set({ state });
        this.socket.disconnect().connect();
        return;
      }
      state = applyOrSkip(state, e, (bad, error) => console.warn(`event ${bad.seq} (${bad.type}) skipped`, error));
    }
    if (state !== this.snap.state) this.set({ state });
  }

  /** Measures the clock offset to the server from a few probes, keeping the one with the shortest round trip. */
  async syncClock(probes = 3): Promise<number> {
    let best: { offsetMs: number; rttMs: number } | null = null;
    for (let i = 0; i < probes; i++) {
      const sentAt = Date.now();
      try {
        const serverNow = await this.socket.timeout(this.ackTimeoutMs).emitWithAck('time');
        if (typeof serverNow !== 'number') break; // too many probes: the offset measured so far stands
        const probe = clockOffset(sentAt, serverNow, Date.now());
        if (!best || probe.rttMs < best.rttMs) best = probe;
      } catch {
        break;
      }
    }
    if (best) this.set({ offsetMs: best.offsetMs });
    return this.snap.offsetMs;
  }

  /**
   * Sends a command. It is queued (and the queue saved) first, so it survives being offline or a page reload, and
   * resent until the server answers. Resolves with the server's answer.
   */
  send(body: CommandInput, id: string = nanoid()): Promise<CommandResult> {
    const cmd = { id, ...body } as QueuedCommand;
    const done = new Promise<CommandResult>((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
    if (!this.snap.queued.some((q) => q.id === id)) this.setQueue([...this.snap.queued, cmd]);
    this.flushQueue();
    return done;
  }

  private flushQueue(): void {
    if (!this.joined || !this.socket.connected) return;
    for (const cmd of this.snap.queued) {
      if (this.inFlight.has(cmd.id)) continue;
      this.inFlight.add(cmd.id);
      this.socket.timeout(this.ackTimeoutMs).emit('command', cmd, (err: Error | null, res?: CommandResult) => {
        this.inFlight.delete(cmd.id);
        if (err || !res) return this.retrySoon();
        if (!res.ok && RETRYABLE.has(res.error.code)) return this.retrySoon();
        this.settle(cmd.id, res);
      });
    }
  }

  private retrySoon(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flushQueue();
    }, 1000);
  }

  private settle(id: string, res: CommandResult): void {
    const cmd = this.snap.queued.find((q) => q.id === id);
    this.setQueue(this.snap.queued.filter((q) => q.id !== id));
    const slot = cmd ? slotOf(cmd) : null;
    const others = slot ? this.snap.unsent.filter((u) => slotOf(u.command) !== slot) : this.snap.unsent;
    if (!res.ok) {
      this.set({ error: res.error });
      if (cmd && keptOnRefusal(cmd)) this.setUnsent([...others, { command: cmd, reason: res.error.message }].slice(-UNSENT_CAP));
    } else if (others.length !== this.snap.unsent.length) this.setUnsent(others);
    for (const resolve of this.waiters.get(id) ?? []) resolve(res);
    this.waiters.delete(id);
  }

  clearError(): void {
    this.set({ error: null });
  }

  /** Forgets a refused input the person chose to let go of. */
  discardUnsent(commandId: string): void {
    this.setUnsent(this.snap.unsent.filter((u) => u.command.id !== commandId));
  }

  /** Sends a refused input again, as a new command (the old id keeps its old answer). */
  resendUnsent(commandId: string): Promise<CommandResult> | null {
    const kept = this.snap.unsent.find((u) => u.command.id === commandId);
    if (!kept) return null;
    this.discardUnsent(commandId);
    const { id: _old, ...body } = kept.command;
    return this.send(body as CommandInput);
  }

  private load<T>(what: 'queue' | 'unsent'): T[] {
    if (!this.who) return [];
    try {
      const raw = this.storage.getItem(storeKey(what, this.who));
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as T[]) : [];
    } catch {
      return [];
    }
  }

  private save(what: 'queue' | 'unsent', list: unknown[]): void {
    if (!this.who) return;
    if (list.length) this.storage.setItem(storeKey(what, this.who), JSON.stringify(list));
    else this.storage.removeItem(storeKey(what, this.who));
  }

  private setQueue(queued: QueuedCommand[]): void {
    this.save('queue', queued);
    this.set({ queued });
  }

  private setUnsent(unsent: UnsentInput[]): void {
    this.save('unsent', unsent);
    this.set({ unsent });
  }

  private set(patch: Partial<ClientSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn(this.snap);
  }

  /** Drops the connection (tests use this to simulate a Wi-Fi drop); `reconnect()` brings it back. */
  goOffline(): void {
    this.socket.disconnect();
  }

  reconnect(): void {
    this.set({ connection: 'connecting' });
    this.socket.connect();
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopRejoinTimer();
    this.listeners.clear();
    this.socket.disconnect();
  }
}
