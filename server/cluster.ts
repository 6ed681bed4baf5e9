import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Presence } from '../shared/protocol/socket.js';
import type { SessionEvent } from '../shared/session/events.js';
import type { AnonymousSender } from './fanout.js';
import { Peers } from './peers.js';

export { HEARTBEAT_MS, PEER_GONE_MS } from './peers.js';

/** A start-up refusal an operator reads as it is (main.ts prints its message alone and exits non-zero). */
export class StartupError extends Error {}

export interface ClusterOptions {
  /** REDIS_URL. */
  url: string;
  /** Keys and channels start with this (REDIS_PREFIX): deployments, or test runs, sharing one Redis stay apart. */
  prefix: string;
  /** How /health names this process (PROCESS_NAME; by default host:pid). */
  processName?: string;
  logger: Logger;
}

/** What another process says on the session channel: events it committed, or a session it deleted. */
export type ClusterMessage = { from: string; sessionId: string } & (
  | { kind: 'events'; events: SessionEvent[]; sender?: AnonymousSender }
  | { kind: 'deleted' }
);
type Message = ClusterMessage;
/** A process saying it is alive (every HEARTBEAT_MS). */
interface Alive {
  from: string;
  kind: 'alive';
}
/** How long a question to the other processes (who is online) waits for their answers. */
export const REQUESTS_TIMEOUT_MS = 3000;
/** The most processes remembered at once (a channel flooded with made-up ones grows nothing past this). */

/** What one process asks the others through the adapter (server-side emit): who is online there for a session. */
const PRESENCE_QUESTION = 'ft:presence';

/** Another process's answer, as it arrives from Redis: checked before it is counted. */
function isPresence(v: unknown): v is Presence {
  const { participantIds, boards } = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  return (
    Array.isArray(participantIds) &&
    participantIds.every((id) => typeof id === 'string') &&
    Number.isSafeInteger(boards) &&
    (boards as number) >= 0
  );
}

/** An anonymous answer's sender as a relay message carries it (anything else is left out). */
function isSender(v: unknown): v is AnonymousSender {
  const { participantId, ballot } = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  return typeof participantId === 'string' && (ballot === undefined || typeof ballot === 'string');
}

/** Where a Redis URL points, without its password, for a message an operator reads. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return 'an address that is not a URL';
  }
}

/**
 * Several server processes as one: a channel of our own tells the other processes what this one committed (so their
 * copies of a live session stay current, and each sends the events to its own screens from its copy) and which
 * sessions were deleted; socket.io's Redis adapter carries what goes to rooms across processes (who is online, a
 * session closed, a participant removed) and answers who is connected where; the rate limits count in Redis
 * (server/limits.ts).
 * Redis down at start is a StartupError; lost later, it is logged, ioredis reconnects, and meanwhile each process
 * serves its own screens (what went unsaid shows up as a gap in seqs, which the clients and the copies catch up on).
 */
export class Cluster {
  readonly processName: string;
  /** Publishes, answers the adapter's requests and holds the rate limits' counters. */
  readonly client: Redis;
  private sub: Redis;
  private channel: string;
  private listeners = new Set<(m: Message) => void>();
  private down = false;
  private dropped = 0;
  private started = false;
  /** Tells this process's own messages apart (names may repeat). */
  private uid = randomUUID();
  /** The socket's own error (ECONNREFUSED...), which says more than the client's "Connection is closed.". */
  private firstError: unknown = null;
  /** The other processes heard from (server/peers.ts). */
  private peers: Peers;
  private resubscribed = new Set<() => void>();
  private subLost = false;

  private constructor(private opts: ClusterOptions) {
    this.processName = opts.processName || `${os.hostname()}:${process.pid}`;
    this.channel = `${opts.prefix}:sessions`;
    this.peers = new Peers(opts.logger);
    const connection = {
      lazyConnect: true,
      // Nothing waits in memory for a Redis that is gone: a command then fails at once (the limits fall back to
      // counting in memory, a publish is counted as dropped) and nothing grows while it is down.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 3000,
      retryStrategy: (attempt: number) => (this.started ? Math.min(attempt * 200, 2000) : null),
    };
    this.client = new Redis(opts.url, connection);
    // A subscriber only receives: it may queue its (re)subscriptions until it is connected.
    this.sub = new Redis(opts.url, { ...connection, enableOfflineQueue: true });
    for (const r of [this.client, this.sub]) {
      r.on('error', (e: Error) => {
        this.firstError ??= e;
        this.lost(e);
      });
      r.on('ready', () => this.back());
    }
    this.sub.on('reconnecting', () => {
      if (this.started) this.subLost = true;
    });
    this.sub.on('ready', () => {
      if (!this.subLost) return;
      this.subLost = false;
      // 'ready' comes before ioredis subscribes again; a PING answers after the SUBSCRIBE on the same connection.
      this.sub.ping().then(
        () => this.started && this.tellResubscribed(),
        (e: unknown) => this.lost(e),
      );
    });
    // The adapter publishes without waiting for the answer: a publish that fails while Redis is down must not
    // become an unhandled rejection (which ends the process).
    const publish = this.client.publish.bind(this.client);
    this.client.publish = ((channel: string, message: string | Buffer) =>
      publish(channel, message).catch((e: unknown) => {
        this.dropped++;
        this.lost(e);
        return 0;
      })) as typeof this.client.publish;
  }

  static async connect(opts: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(opts);
    try {
      await Promise.all([cluster.client.connect(), cluster.sub.connect()]);
      await cluster.sub.subscribe(cluster.channel);
    } catch (e) {
      cluster.client.disconnect();
      cluster.sub.disconnect();
      const cause = cluster.firstError ?? e;
      const why = (cause as { code?: unknown }).code ?? (cause instanceof Error ? cause.message : String(cause));
      throw new StartupError(
        `Redis in REDIS_URL (${describeRedisUrl(opts.url)}) could not be reached (${String(why)}). Start Redis there, or leave REDIS_URL unset to run one process on its own.`,
        { cause: e },
      );
    }
    cluster.started = true;
    cluster.sub.on('messageBuffer', (channel: Buffer, raw: Buffer) => cluster.onMessage(channel, raw));
    cluster.peers.start(() => cluster.publish({ from: cluster.uid, kind: 'alive' }));
    return cluster;
  }

  /** socket.io's Redis adapter on this server's default namespace, on the same two connections. */
  attach(io: Server): void {
    io.adapter(createAdapter(this.client, this.sub, { key: `${this.opts.prefix}:io`, requestsTimeout: REQUESTS_TIMEOUT_MS }));
  }

  /**
   * Tells the other processes about events this one committed (before its own frames go out). An anonymous
   * answer's sender goes along, so that their screens on another process get their own answer: in this message
   * only, through Redis's memory, never stored (as in each process's memory).
   */
  relayEvents(sessionId: string, events: SessionEvent[], sender?: AnonymousSender): void {
    this.publish({ from: this.uid, sessionId, kind: 'events', events, ...(sender ? { sender } : {}) });
  }

  relayDeleted(sessionId: string): void {
    this.publish({ from: this.uid, sessionId, kind: 'deleted' });
  }

  /** Events and deletions from the other processes (never this one's own). */
  onRemote(fn: (m: Message) => void): void {
    this.listeners.add(fn);
  }

  /**
   * A process appeared or went (killed, or cut off from Redis): who is online elsewhere changed without any screen
   * here saying so. A process's uid is its own for one run, so a restarted one (same PROCESS_NAME) is a new peer and
   * the one it replaced still goes.
   */
  onPeersChanged(fn: () => void): void {
    this.peers.onChanged(fn);
  }

  /**
   * The channel hears again after Redis was lost: what the other processes said meanwhile (events, deletions) went
   * unheard, and the copies should be read from the store now, not when their session's next event shows a gap.
   */
  onResubscribed(fn: () => void): void {
    this.resubscribed.add(fn);
  }

  /**
   * Answers the other processes' question of who is online here for a session (`here`: this process's own count).
   * Called once the sockets are wired (server/socket.ts).
   */
  answerPresence(io: Server, here: (sessionId: string) => Presence): void {
    io.on(PRESENCE_QUESTION, (sessionId: unknown, reply: unknown) => {
      if (typeof sessionId === 'string' && typeof reply === 'function') (reply as (p: Presence) => void)(here(sessionId));
    });
  }

  /**
   * Who is online on the other processes for a session: its participants (by id) and boards there, as each process
   * counts its own. Asked when a presence frame goes; the processes that answer within REQUESTS_TIMEOUT_MS are
   * counted (one that hangs is not, and does not hide the others); without Redis nobody elsewhere is.
   */
  presenceElsewhere(io: Server, sessionId: string): Promise<Presence> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (answers: unknown[]): void => {
        if (done) return;
        done = true;
        clearTimeout(fallback);
        const participantIds = new Set<string>();
        let boards = 0;
        for (const a of answers.filter(isPresence)) {
          for (const id of a.participantIds) participantIds.add(id);
          boards += a.boards;
        }
        resolve({ participantIds: [...participantIds], boards });
      };
      // The adapter never answers when Redis is down (its count of processes fails first).
      const fallback = setTimeout(() => finish([]), REQUESTS_TIMEOUT_MS + 500);
      io.serverSideEmit(PRESENCE_QUESTION, sessionId, (_err: Error | null, answers: unknown) => finish(Array.isArray(answers) ? answers : []));
    });
  }

  async close(): Promise<void> {
    this.started = false;
    this.peers.stop();
    await Promise.all([this.client.quit().catch(() => this.client.disconnect()), this.sub.quit().catch(() => this.sub.disconnect())]);
  }

  private publish(m: Message | Alive): void {
    void this.client.publish(this.channel, JSON.stringify(m));
  }

  private tellResubscribed(): void {
    for (const fn of this.resubscribed) fn();
  }

  private onMessage(channel: Buffer, raw: Buffer): void {
    if (channel.toString() !== this.channel) return;
    let m: Message;
    try {
      // Written by our own processes (relayEvents, relayDeleted); the shape is still checked before use.
      m = JSON.parse(raw.toString()) as Message;
    } catch {
      return;
    }
    if (typeof m !== 'object' || m === null || typeof m.from !== 'string' || m.from === this.uid) return;
    if ((m as Message | Alive).kind === 'alive') return this.peers.heard(m.from);
    if (typeof m.sessionId !== 'string') return;
    // Anything else (a kind of a later version, a message cut short) is not acted on: never read as a deletion.
    if (m.kind === 'events' ? !Array.isArray(m.events) : m.kind !== 'deleted') return;
    if (m.kind === 'events' && m.sender !== undefined && !isSender(m.sender)) delete m.sender;
    for (const fn of this.listeners) fn(m);
  }

  private lost(e: unknown): void {
    if (this.down || !this.started) return;
    this.down = true;
    this.opts.logger.error(
      { err: e instanceof Error ? e.message : String(e) },
      "Redis connection lost: this process keeps serving its own screens and reconnects; the other processes' events reach them again once it is back",
    );
  }

  private back(): void {
    if (!this.down) return;
    this.down = false;
    this.opts.logger.warn({ dropped: this.dropped }, 'Redis connection back');
    this.dropped = 0;
  }
}
