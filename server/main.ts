import { execSync } from 'node:child_process';
import path from 'node:path';
import { createApp, ROOT, type App } from './app.js';
import { staleBuildReason } from './clientBuild.js';
import { StartupError } from './cluster.js';
import { limitsFromEnv } from './limits.js';
import { allowedOriginsFrom, trustProxyFrom } from './origins.js';

/** A positive number from the environment; anything else is refused at start rather than half-applied. */
function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (it is "${raw}").`);
  return n;
}

/** `npm start`: build the client when there is no build or its sources changed since, then serve everything on one port. */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data'));
  const serveClient = env.SERVE_CLIENT !== 'false';
  const stale = serveClient ? staleBuildReason(ROOT, path.join(ROOT, 'dist', 'client')) : null;
  if (stale) {
    console.log(`${stale}: building the client (npm run build)...`);
    execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });
  }
  const app = await createApp({
    dataDir,
    port,
    host: env.HOST ?? '0.0.0.0',
    clientDir: serveClient ? undefined : null,
    tickMs: env.TICK_MS ? Number(env.TICK_MS) : undefined,
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS === 'full' ? 'full' : 'normal',
    limits: limitsFromEnv(env),
    allowedOrigins: allowedOriginsFrom(env.ALLOWED_ORIGINS),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    idleUnloadMs: positive('IDLE_UNLOAD_MINUTES', 10) * 60_000,
    retentionDays: positive('RETENTION_DAYS', 365),
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    processName: env.PROCESS_NAME,
    // PostgreSQL when DATABASE_URL is set (its password never reaches the log), the SQLite file in DATA_DIR otherwise.
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA?.trim() || undefined,
  });
  answerStatsOverIpc(app);
  app.log.info({ port: app.port, ...(app.store === 'sqlite' ? { dataDir } : {}) }, `Facilitation toolkit ready on http://localhost:${app.port}`);
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * When started by the soak bench (a child with an IPC channel): `{ id, type: 'stats' }` -> heap after a full GC
 * (with --expose-gc), the sessions in memory, the races for a seq this process lost to another and what its group
 * commits did (the bench prints them).
 */
function answerStatsOverIpc(app: App): void {
  if (!process.send) return;
  process.on('message', (m: { id?: unknown; type?: unknown }) => {
    if (m?.type !== 'stats') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({
      id: m.id, type: 'stats', heapUsed: process.memoryUsage().heapUsed, liveSessions: app.liveSessions(), conflicts: app.conflicts(),
      writes: app.writeFigures(),
    });
  });
}

main().catch((e: unknown) => {
  // Our own sentence for what an operator can fix (Redis not there); anything else with its stack.
  console.error(e instanceof StartupError ? e.message : e);
  process.exit(1);
});
