import { execSync } from 'node:child_process';
import path from 'node:path';
import { createApp, ROOT } from './app.js';
import { staleBuildReason } from './clientBuild.js';
import { limitsFromEnv } from './limits.js';
import { allowedOriginsFrom, trustProxyFrom } from './origins.js';

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
  });
  app.log.info({ port: app.port, dataDir }, `Facilitation toolkit ready on http://localhost:${app.port}`);
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
