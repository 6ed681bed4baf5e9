import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/socket.js';
import type { SessionEvent } from '../shared/session/events.js';
import { keepLessOfHandshakes } from './handshakeRequest.js';
import { answerStrayUpgrades, createEdge, type Timeouts } from './edge.js';
import { Cluster } from './cluster.js';
import { Fanout } from './fanout.js';
import { apiRoutes } from './http.js';
import { TemplateCatalog } from './savedTemplates.js';
import { templateRoutes } from './templateRoutes.js';
import { DEFAULT_LIMITS, Limits, type LimitSettings } from './limits.js';
import { startPdfRenderer } from './reportRender.js';
import { reportRoutes } from './reportRoutes.js';
import { replayRoutes } from './replayRoutes.js';
import type { TrustProxy } from './origins.js';
import { SessionHub, type WriteFigures } from './sessions/hub.js';
import { applyRemote, catchUpHeld } from './sessions/remote.js';
import { attachSockets } from './socket.js';
import { guardSockets } from './socketGuard.js';
import { clientRoutes, notFoundPage } from './static.js';
import { describeDatabaseUrl, openStore } from './store/open.js';
import { loadTemplates } from './templates.js';
import { Rehearsals, type RehearsalDeps } from './rehearsal.js';
import { rehearsalRoutes } from './rehearsalRoutes.js';
import { loadProtocol } from '../shared/modules/registry.js';
import { textParser } from './wireParser.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface AppOptions {
  /** The SQLite file's folder (DATA_DIR), when no PostgreSQL is given. */
  dataDir: string;
  /** DATABASE_URL: the sessions are kept in this PostgreSQL database instead of the embedded SQLite file. */
  databaseUrl?: string;
  /** DATABASE_SCHEMA: PostgreSQL's schema for the tables (`public` unless told). */
  databaseSchema?: string;
  port?: number;
  host?: string;
  templatesDir?: string;
  /** Folder of the built client; null serves the API only. */
  clientDir?: string | null;
  /** The longest the fan-out coalesces a session's events under load, in ms (default 25; 0 sends every event at once). */
  tickMs?: number;
  /** Sockets a session's frames may reach per second before its events are coalesced (default 10,000; see fanout.ts). */
  fanoutWritesPerSecond?: number;
  snapshotEvery?: number;
  catchUpMaxEvents?: number;
  rate?: { capacity: number; perSecond: number };
  /** SQLite durability: 'normal' (default) survives a server crash, 'full' also a power cut. */
  sqliteSynchronous?: 'normal' | 'full';
  /** A session with no connected screen leaves memory after this long (default 10 minutes). */
  idleUnloadMs?: number;
  /** Sessions without activity for this many days are deleted, at start and daily (default 365). */
  retentionDays?: number;
  now?: () => number;
  /** Where the log lines (pino's JSON) go; by default standard output. Tests pass a function that drops them. */
  log?: (line: string) => void;
  /** Abuse limits; the ones not given are the defaults (DEFAULT_LIMITS). */
  limits?: Partial<LimitSettings>;
  /** Origins besides the app's own whose pages may create sessions and connect (ALLOWED_ORIGINS). */
  allowedOrigins?: ReadonlySet<string>;
  /** Which peers may forward the client address (TRUST_PROXY); by default none. */
  trustProxy?: TrustProxy;
  /** The most events a replay holds (default MAX_REPLAY_EVENTS; tests pass fewer). */
  replayMaxEvents?: number;
  /** HTTP timeouts against slow senders (tests shorten them). */
  timeouts?: Partial<Timeouts>;
  /**
   * REDIS_URL: several processes share screens, sessions' live copies and rate limits through this Redis
   * (server/cluster.ts). Unset: one process on its own.
   */
  redisUrl?: string;
  /** REDIS_PREFIX: the start of every key and channel (default `ft`). */
  redisPrefix?: string;
  /** PROCESS_NAME: how /health names this process (behind a load balancer, which one answered); unnamed by default. */
  processName?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface App {
  url: string;
  port: number;
  templateErrors: string[];
  /** Sessions in memory right now (the soak bench watches it). */
  liveSessions(): number;
  /** Socket memberships of socket.io's rooms (each socket's own room too): back to its baseline once screens leave. */
  roomMemberships(): number;
  /** Which store keeps the sessions. */
  store: 'sqlite' | 'postgres';
  /** Commands decided again because another process wrote their seq first (since start). */
  conflicts(): number;
  /** What this process's group commits did (since start). */
  writeFigures(): WriteFigures;
  log: Logger;
  close(): Promise<void>;
}

/** Builds and starts the whole server: store, sessions, HTTP API, sockets. Tests boot it exactly as `npm start` does. */
export async function createApp(opts: AppOptions): Promise<App> {
  // The command and agenda schemas of every module, before anything is validated.
  await loadProtocol();
  const now = opts.now ?? Date.now;
  const { log: sink } = opts;
  const logger = sink ? pino({}, { write: (line: string) => sink(line.trimEnd()) }) : pino({ level: process.env.LOG_LEVEL ?? 'info' });
  // The store and the sessions report what went wrong as plain lines; they become pino warnings.
  const log = (line: string): void => logger.warn(line);
  const redisUrl = opts.redisUrl?.trim();
  const cluster = redisUrl ? await Cluster.connect({ url: redisUrl, prefix: opts.redisPrefix || 'ft', processName: opts.processName, logger }) : null;
  const { kind, store } = await openStore({
    databaseUrl: opts.databaseUrl,
    schema: opts.databaseSchema,
    dataDir: opts.dataDir,
    sqlite: { synchronous: opts.sqliteSynchronous, now },
    log,
  });
  logger.info(
    kind === 'postgres'
      ? { store: kind, database: describeDatabaseUrl(opts.databaseUrl ?? ''), schema: opts.databaseSchema ?? 'public' }
      : { store: kind, dataDir: opts.dataDir },
    kind === 'postgres' ? 'sessions are kept in PostgreSQL' : 'sessions are kept in the embedded SQLite file',
  );
  const limitSettings: LimitSettings = { ...DEFAULT_LIMITS, ...opts.limits };
  const hub = new SessionHub({
    store,
    maxWaiting: limitSettings.commandsWaitingPerSession,
    snapshotEvery: opts.snapshotEvery ?? 500,
    now,
    idleUnloadMs: opts.idleUnloadMs ?? 10 * 60 * 1000,
    retentionMs: (opts.retentionDays ?? 365) * DAY_MS,
    log,
  });
  const { templates, errors } = loadTemplates(opts.templatesDir ?? path.join(ROOT, 'sessions'));
  for (const e of errors) logger.warn({ template: e }, 'template skipped');
  const catalog = new TemplateCatalog(templates, store, now);
  const retentionMs = (opts.retentionDays ?? 365) * DAY_MS;
  // Sessions, and saved templates their owners have not used, for the same period.
  const sweep = async (): Promise<void> => {
    await hub.sweepRetention();
    const n = await catalog.sweep(now() - retentionMs);
    if (n) log(`retention: deleted ${n} saved template(s) unused for ${Math.round(retentionMs / DAY_MS)} days`);
  };
  await sweep();
  const retention = setInterval(() => void sweep().catch((e: unknown) => log(`retention sweep failed: ${e instanceof Error ? e.message : String(e)}`)), DAY_MS);
  retention.unref();

  const defaultClient = path.join(ROOT, 'dist', 'client');
  const clientDir =
    opts.clientDir === undefined ? (fs.existsSync(path.join(defaultClient, 'index.html')) ? defaultClient : null) : opts.clientDir;
  const trust = opts.trustProxy ?? (() => false);
  const allowedOrigins = opts.allowedOrigins ?? new Set<string>();
  const limits = new Limits(limitSettings, cluster && { client: cluster.client, prefix: opts.redisPrefix || 'ft' });

  const edge = createEdge({ logger, trust, notFoundPage: notFoundPage(clientDir), timeouts: opts.timeouts });
  // The fanout needs socket.io, which needs the edge's server: set below, before any request can start a rehearsal.
  const rehearsalDeps: RehearsalDeps = { hub, limits, now, fanout: null as unknown as Fanout };
  const rehearsals = new Rehearsals(rehearsalDeps);
  apiRoutes(edge, { hub, templates, limits, allowedOrigins, trust, catalog, rehearsals, processName: opts.processName });
  templateRoutes(edge, { hub, catalog, limits, allowedOrigins, trust });
  rehearsalRoutes(edge, { hub, rehearsals });
  const renderer = startPdfRenderer({ log });
  reportRoutes(edge, { hub, limits, renderer, now });
  replayRoutes(edge, { hub, limits, ...(opts.replayMaxEvents ? { maxEvents: opts.replayMaxEvents } : {}) });
  if (clientDir) await clientRoutes(edge, clientDir);
  await edge.ready();

  // socket.io takes the requests under /socket.io/ (raw path) before fastify sees them; fastify answers all others.
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(edge.server, {
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    connectionStateRecovery: undefined,
    // Any page may read the handshake's answers: the origin check (socketGuard) refuses foreign pages there, and
    // must be able to tell them why.
    cors: { origin: true },
    serveClient: false, // the client bundles socket.io-client itself
    parser: textParser, // JSON only: packets are written without a walk for binary data (server/wireParser.ts)
  });
  keepLessOfHandshakes(io);
  cluster?.attach(io);
  answerStrayUpgrades(edge.server);
  const guard = guardSockets(io, { limits, allowedOrigins, trust, logger });
  const fanout = new Fanout(io, {
    tickMs: opts.tickMs ?? 25,
    socketWritesPerSecond: opts.fanoutWritesPerSecond ?? 10_000,
    cluster: cluster
      ? { relay: (id, events, sender) => cluster.relayEvents(id, events, sender), presenceElsewhere: (id) => cluster.presenceElsewhere(io, id) }
      : undefined,
  });
  rehearsalDeps.fanout = fanout;
  hub.onUnload((sessionId) => fanout.forget(sessionId));
  // What this copy read from the store (written by another process) goes to this process's screens, in order.
  hub.onCaughtUp((s, events) => fanout.publishRelayed(s.record.id, events));
  if (cluster) shareSessions(cluster, hub, fanout, log);
  const sockets = attachSockets(io, {
    hub,
    fanout,
    now,
    catchUpMaxEvents: opts.catchUpMaxEvents ?? 1000,
    rate: opts.rate ?? { capacity: 40, perSecond: 10 },
    limits,
    guard,
  });
  cluster?.answerPresence(io, sockets.here);
  cluster?.onPeersChanged(() => sockets.presenceAgain());

  await edge.listen({ port: opts.port ?? 0, host: opts.host ?? '0.0.0.0' });
  const port = (edge.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    templateErrors: errors,
    liveSessions: () => hub.liveCount,
    roomMemberships: () => [...io.of('/').adapter.rooms.values()].reduce((n, members) => n + members.size, 0),
    store: kind,
    conflicts: () => hub.conflicts,
    writeFigures: () => hub.writeFigures(),
    log: logger,
    close: async () => {
      clearInterval(retention);
      rehearsals.close();
      fanout.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await edge.close();
      await renderer.close();
      await hub.close();
      await store.close();
      await cluster?.close();
    },
  };
}

/** Keeps this process's copies of live sessions current with what the other processes commit and delete. */
function shareSessions(cluster: Cluster, hub: SessionHub, fanout: Fanout, log: (line: string) => void): void {
  let remote = false;
  cluster.onRemote((m) => {
    if (m.kind === 'events') {
      const publish = (applied: SessionEvent[]): void => fanout.publishRelayed(m.sessionId, applied, m.sender);
      void applyRemote(hub, m.sessionId, m.events, publish).catch((e: unknown) =>
        log(`session ${m.sessionId}: events from another process not applied (${e instanceof Error ? e.message : String(e)})`),
      );
      return;
    }
    remote = true;
    try {
      hub.dropDeleted(m.sessionId);
    } finally {
      remote = false;
    }
  });
  hub.onUnload((sessionId, deleted) => {
    if (deleted && !remote) cluster.relayDeleted(sessionId);
  });
  cluster.onResubscribed(() => void catchUpHeld(hub, log));
}
