import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Presence } from '../shared/protocol/socket.js';
import type { SessionEvent } from '../shared/session/events.js';
import { roomOf, type AnonymousSender } from './fanout.js';

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
/** Every process says it is alive this often on the channel... */
export const HEARTBEAT_MS = 3000;
/**
 * ...and one not heard from for this long is gone: within HEARTBEAT_MS more (the next sweep) the others recount
 * who is online, so a killed process's phones show offline on every console at most 12 s after it died.
 */
export const PEER_GONE_MS = 9000;
/** The most processes remembered at once (a channel flooded with made-up ones grows nothing past this). */
const MAX_PEERS = 1000;

/** One participant or board as the other processes report it (`socket.data`, set when a screen enters). */
export interface ScreenData {
  role?: 'facilitator' | 'participant' | 'board';
  participantId?: string;
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
  /** The other processes heard from, by their uid (a restarted process is a new one), with when they last spoke. */
  private peers = new Map<string, number>();
  private peersChanged = new Set<() => void>();
  private resubscribed = new Set<() => void>();
  private subLost = false;
  private heartbeat: NodeJS.Timeout | null = null;

  private constructor(private opts: ClusterOptions) {
    this.processName = opts.processName || `${os.hostname()}:${process.pid}`;
    this.channel = `${opts.prefix}:sessions`;
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
    cluster.beat();
    cluster.heartbeat = setInterval(() => cluster.beat(), HEARTBEAT_MS);
    cluster.heartbeat.unref();
    return cluster;
  }

  /** socket.io's Redis adapter on this server's default namespace, on the same two connections. */
  attach(io: Server): void {
    io.adapter(createAdapter(this.client, this.sub, { key: `${this.opts.prefix}:io`, requestsTimeout: 3000 }));
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
    this.peersChanged.add(fn);
  }

  /**
   * The channel hears again after Redis was lost: what the other processes said meanwhile (events, deletions) went
   * unheard, and the copies should be read from the store now, not when their session's next event shows a gap.
   */
  onResubscribed(fn: () => void): void {
    this.resubscribed.add(fn);
  }

  /**
   * Who is online on the other processes for a session: its participants (by id) and boards there. Asked when a
   * presence frame goes; without an answer (Redis down, a process not answering in time) nobody elsewhere is counted.
   */
  async presenceElsewhere(io: Server, sessionId: string): Promise<Presence> {
    try {
      const sockets = await io.in([roomOf(sessionId, 'participant'), roomOf(sessionId, 'board')]).fetchSockets();
      const participantIds = new Set<string>();
      let boards = 0;
      for (const s of sockets) {
        if (io.sockets.sockets.has(s.id)) continue; // this process counts its own
        const data = s.data as ScreenData | undefined;
        if (data?.role === 'board') boards++;
        else if (data?.role === 'participant' && typeof data.participantId === 'string') participantIds.add(data.participantId);
      }
      return { participantIds: [...participantIds], boards };
    } catch (e) {
      this.lost(e);
      return { participantIds: [], boards: 0 };
    }
  }

  async close(): Promise<void> {
    this.started = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    await Promise.all([this.client.quit().catch(() => this.client.disconnect()), this.sub.quit().catch(() => this.sub.disconnect())]);
  }

  private publish(m: Message | Alive): void {
    void this.client.publish(this.channel, JSON.stringify(m));
  }

  /** Says this process is alive, and lets go of the processes not heard from for PEER_GONE_MS. */
  private beat(): void {
    this.publish({ from: this.uid, kind: 'alive' });
    const now = Date.now();
    let gone = false;
    for (const [uid, seen] of this.peers)
      if (now - seen > PEER_GONE_MS) {
        this.peers.delete(uid);
        gone = true;
      }
    if (gone) this.tellPeersChanged();
  }

  private heard(uid: string): void {
    const known = this.peers.has(uid);
    if (!known && this.peers.size >= MAX_PEERS) return;
    this.peers.set(uid, Date.now());
    if (!known) this.tellPeersChanged();
  }

  private tellPeersChanged(): void {
    for (const fn of this.peersChanged) fn();
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
    if ((m as Message | Alive).kind === 'alive') return this.heard(m.from);
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
