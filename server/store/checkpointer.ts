import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Moves SQLite's WAL checkpoints off the event loop. With automatic checkpoints, every ~1,000 pages the command
 * that happens to commit copies the WAL into the database file and waits for the disk to flush it: on a busy day
 * (300 phones) that stalled every answer for up to a second while the server used 17% of a core. Here a worker thread
 * with its own connection checkpoints passively (never blocking the writer) every `everyMs`; only if the WAL has
 * still grown past `maxWalBytes` (the writer never found it fully copied) does it truncate it, which waits for the
 * writer briefly. The main connection sets `wal_autocheckpoint = 0` so that it never checkpoints itself.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

/** Plain JavaScript run in the worker (a TypeScript file could not be loaded there under every runner we use). */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const walSize = () => { try { return fs.statSync(workerData.file + '-wal').size; } catch { return 0; } };
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    if (walSize() > workerData.maxWalBytes) {
      db.pragma('busy_timeout = 1000');
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('busy_timeout = 0');
      parentPort.postMessage({ truncated: true, busy: r && r.busy });
    }
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e) });
  }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

export function startCheckpointer(
  file: string,
  opts: { everyMs?: number; maxWalBytes?: number; log?: (line: string) => void } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver, everyMs: opts.everyMs ?? 1000, maxWalBytes: opts.maxWalBytes ?? 64 * 1024 * 1024 },
  });
  worker.unref();
  const log = opts.log ?? ((line: string) => console.error(line));
  let stopped: (() => void) | null = null;
  worker.on('message', (m: { error?: string; truncated?: boolean; stopped?: boolean }) => {
    if (m.error) log(`sqlite checkpoint failed: ${m.error}`);
    if (m.truncated) log('sqlite WAL grew past its limit: truncated it (the writer waited briefly)');
    if (m.stopped) stopped?.();
  });
  worker.on('error', (e: Error) => log(`sqlite checkpoint worker stopped: ${e.message}`));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          void worker.terminate().then(() => resolve());
        };
        stopped = done;
        worker.postMessage('stop');
        setTimeout(done, 2000).unref();
      }),
  };
}
