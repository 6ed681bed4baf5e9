import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/socket.js';
import { Fanout } from './fanout.js';
import { httpHandler } from './http.js';
import { SessionHub } from './sessions/hub.js';
import { attachSockets } from './socket.js';
import { openSqliteStore } from './store/sqlite.js';
import { loadTemplates } from './templates.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface AppOptions {
  dataDir: string;
  port?: number;
  host?: string;
  templatesDir?: string;
  /** Folder of the built client; null serves the API only. */
  clientDir?: string | null;
  /** Coalescing tick of the fan-out, in ms. */
  tickMs?: number;
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
  log?: (line: string) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface App {
  url: string;
  port: number;
  templateErrors: string[];
  /** Sessions in memory right now (the soak bench watches it). */
  liveSessions(): number;
  close(): Promise<void>;
}

/** Builds and starts the whole server: store, sessions, HTTP API, sockets. Tests boot it exactly as `npm start` does. */
export async function createApp(opts: AppOptions): Promise<App> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.log(line));
  const store = openSqliteStore(opts.dataDir, { synchronous: opts.sqliteSynchronous, now, log });
  const hub = new SessionHub({
    store,
    snapshotEvery: opts.snapshotEvery ?? 500,
    now,
    idleUnloadMs: opts.idleUnloadMs ?? 10 * 60 * 1000,
    retentionMs: (opts.retentionDays ?? 365) * DAY_MS,
    log,
  });
  hub.sweepRetention();
  const retention = setInterval(() => hub.sweepRetention(), DAY_MS);
  retention.unref();
  const { templates, errors } = loadTemplates(opts.templatesDir ?? path.join(ROOT, 'sessions'));
  for (const e of errors) log(`template skipped: ${e}`);

  const defaultClient = path.join(ROOT, 'dist', 'client');
  const clientDir =
    opts.clientDir === undefined ? (fs.existsSync(path.join(defaultClient, 'index.html')) ? defaultClient : null) : opts.clientDir;
  const handle = httpHandler({ hub, templates, clientDir });
  const server = http.createServer((req, res) => {
    // The handler answers its own errors; this is the last net under it, so no request can stop the server.
    handle(req, res).catch((e: unknown) => {
      console.error('http failed', e);
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    connectionStateRecovery: undefined,
    cors: { origin: true },
  });
  const fanout = new Fanout(io, opts.tickMs ?? 25);
  hub.onUnload((sessionId) => fanout.forget(sessionId));
  attachSockets(io, {
    hub,
    fanout,
    now,
    catchUpMaxEvents: opts.catchUpMaxEvents ?? 1000,
    rate: opts.rate ?? { capacity: 40, perSecond: 10 },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    templateErrors: errors,
    liveSessions: () => hub.liveCount,
    close: async () => {
      clearInterval(retention);
      fanout.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      hub.close();
      store.close();
    },
  };
}
