import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../server/app.js';
import type { LimitSettings } from '../../server/limits.js';
import { SessionClient, memoryStorage, type KeyValueStorage } from '../../client/net/sessionClient.js';
import type { ModuleType } from '../../shared/modules/registry.js';
import type { CreatedSession } from '../../client/views/landing/api.js';

export type Created = CreatedSession;

/** A small agenda with one item of each kind (tests/support/templates); `SHIPPED_TEMPLATES` are the product's own. */
export const TEST_TEMPLATES = path.resolve('tests/support/templates');
export const SHIPPED_TEMPLATES = path.resolve('sessions');

export const tempDir = (prefix = 'ft-test-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * Limits far above what the tests do, which create sessions, try codes and post notes faster than any person: the
 * tests of the limits themselves pass the defaults or small values of their own.
 */
export const GENEROUS_LIMITS: Partial<LimitSettings> = {
  sessionsPerWindow: 1_000_000,
  wrongCodesFree: 1_000_000,
  notesPerMinute: 1_000_000,
  answersPerMinute: 1_000_000,
  clockProbesPerMinute: 1_000_000,
  exportsPerMinute: 1_000_000,
  replayFollowsPerMinute: 1_000_000,
  templateSavesPerHour: 1_000_000,
  rehearsalsAtOnce: 1_000,
  commandsWaitingPerSession: 1_000_000,
};

/**
 * The store the suites' servers keep sessions in: a real SQLite file, or with TEST_STORE=postgres (the `postgres`
 * project of vite.config.ts, which sets it only when DATABASE_URL answers) a fresh PostgreSQL schema per server.
 */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.TEST_STORE === 'postgres' && process.env.DATABASE_URL ? 'postgres' : 'sqlite';
/** The prefix of this run's schemas: the run's global teardown (tests/support/pgSuites.ts) drops them all. */
export const PG_SUITE_PREFIX = `t_suite_${process.env.FT_PG_RUN ?? 'norun'}_`;
/** A server started again on the same data folder opens the same schema, as a restarted process opens its database. */
const schemas = new Map<string, string>();
const schemaFor = (dataDir: string): string => {
  let schema = schemas.get(dataDir);
  if (!schema) schemas.set(dataDir, (schema = `${PG_SUITE_PREFIX}${process.pid}_${schemas.size}_${Math.random().toString(36).slice(2, 8)}`));
  return schema;
};

export type TestApp = App & { dataDir: string; schema?: string };

/**
 * Boots the real server on an ephemeral loopback port with a real SQLite file (or a PostgreSQL schema, see
 * TEST_STORE). `databaseUrl` and `databaseSchema` choose a store explicitly (two servers on one database).
 */
export async function startServer(opts: Partial<AppOptions> = {}): Promise<TestApp> {
  const dataDir = opts.dataDir ?? tempDir();
  const pg = opts.databaseUrl === undefined && TEST_STORE === 'postgres' ? { databaseUrl: process.env.DATABASE_URL, databaseSchema: schemaFor(dataDir) } : {};
  const app = await createApp({
    clientDir: null,
    host: '127.0.0.1',
    log: () => {},
    templatesDir: TEST_TEMPLATES,
    ...pg,
    ...opts,
    limits: opts.limits ?? GENEROUS_LIMITS,
    dataDir,
  });
  const schema = app.store === 'postgres' ? (opts.databaseSchema ?? pg.databaseSchema ?? 'public') : undefined;
  return { ...app, dataDir, schema };
}

export async function createSession(app: App, body: object = { templateId: 'test-day' }): Promise<Created> {
  const res = await fetch(`${app.url}/api/sessions`, { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

const clients: SessionClient[] = [];
export function client(app: App, storage: KeyValueStorage = memoryStorage()): SessionClient {
  const c = new SessionClient({ url: app.url, storage, transports: ['websocket'], ackTimeoutMs: 3000 });
  clients.push(c);
  return c;
}
export function closeClients(): void {
  for (const c of clients.splice(0)) c.close();
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The id of the first agenda item of a kind (by default the open note board, with SWOT-named columns). */
export const itemOfType = (c: SessionClient, type: ModuleType = 'board'): string => {
  const item = c.snap.state.agenda.find((i) => i.moduleType === type);
  if (!item) throw new Error(`no ${type} item in the agenda`);
  return item.id;
};
export const boardItemId = (c: SessionClient): string => itemOfType(c, 'board');
