import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createApp, ROOT, type App } from './app.js';

/** A positive number from the environment; anything else is refused at start rather than half-applied. */
function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (it is "${raw}").`);
  return n;
}

/** `npm start`: build the client if there is no build yet, then serve everything on one port. */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, 'data'));
  const serveClient = process.env.SERVE_CLIENT !== 'false';
  if (serveClient && !fs.existsSync(path.join(ROOT, 'dist', 'client', 'index.html'))) {
    console.log('No client build found: building it once (npm run build)...');
    execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });
  }
  const app = await createApp({
    dataDir,
    port,
    host: process.env.HOST ?? '0.0.0.0',
    clientDir: serveClient ? undefined : null,
    tickMs: process.env.TICK_MS ? Number(process.env.TICK_MS) : undefined,
    sqliteSynchronous: process.env.SQLITE_SYNCHRONOUS === 'full' ? 'full' : 'normal',
    idleUnloadMs: positive('IDLE_UNLOAD_MINUTES', 10) * 60_000,
    retentionDays: positive('RETENTION_DAYS', 365),
  });
  answerStatsOverIpc(app);
  console.log(`Facilitation toolkit ready on http://localhost:${app.port} (data in ${dataDir})`);
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * When started by the soak bench (a child with an IPC channel): `{ id, type: 'stats' }` -> heap after a full GC
 * (with --expose-gc) and the sessions in memory.
 */
function answerStatsOverIpc(app: App): void {
  if (!process.send) return;
  process.on('message', (m: { id?: unknown; type?: unknown }) => {
    if (m?.type !== 'stats') return;
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ id: m.id, type: 'stats', heapUsed: process.memoryUsage().heapUsed, liveSessions: app.liveSessions() });
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
