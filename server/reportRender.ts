import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PaperSize, ReportDoc } from '../shared/report/model.js';

export interface RenderJob {
  id: number;
  doc: ReportDoc;
  paper: PaperSize;
}
export type RenderAnswer = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; error: string };

/** Renders PDFs off the event loop: a whole day of 1,000 notes takes a second or two, during which sockets wait. */
export interface PdfRenderer {
  /** Rejects with `RendererBusy` when too many renders wait already. */
  render(doc: ReportDoc, paper: PaperSize): Promise<Uint8Array>;
  close(): Promise<void>;
}

export class RendererBusy extends Error {}

/**
 * The worker loads the TypeScript renderer through tsx's API: the server runs under tsx (npm start) or vitest,
 * and a worker thread inherits neither's loader. Plain JavaScript bootstraps it.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then((tsx) => tsx.tsImport(workerData.file, workerData.parent))
  .catch((e) => setImmediate(() => { throw e; }));
`;

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One worker thread, started on first use and kept (unref'd, so it never holds the process open). Jobs queue in its
 * message port; past `maxQueued` waiting jobs a render is refused. A job that takes longer than `timeoutMs` (a bug,
 * not a big day) ends the worker, and the next job starts a fresh one.
 */
export function startPdfRenderer(opts: { maxQueued?: number; timeoutMs?: number; log?: (line: string) => void } = {}): PdfRenderer {
  const maxQueued = opts.maxQueued ?? 16;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const log = opts.log ?? ((line: string) => console.error(line));
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;

  const failAll = (why: string): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error(why));
      pending.delete(id);
    }
  };

  const spawn = (): Worker => {
    const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const w = new Worker(BOOT, {
      eval: true,
      workerData: { tsx: pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href, file: new URL('./reportWorker.ts', import.meta.url).href, parent: import.meta.url },
    });
    w.unref();
    w.on('message', (answer: RenderAnswer) => {
      const p = pending.get(answer.id);
      if (!p) return;
      pending.delete(answer.id);
      clearTimeout(p.timer);
      if ('bytes' in answer) p.resolve(answer.bytes);
      else p.reject(new Error(answer.error));
    });
    const gone = (why: string): void => {
      if (worker === w) worker = null;
      if (pending.size) log(`report renderer stopped: ${why}`);
      failAll(why);
    };
    w.on('error', (e: Error) => gone(e.message));
    w.on('exit', (code) => gone(`the worker exited (${code})`));
    return w;
  };

  return {
    render(doc, paper) {
      if (pending.size >= maxQueued) return Promise.reject(new RendererBusy());
      const w = (worker ??= spawn());
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        const timer = setTimeout(() => {
          log(`report render ${id} took over ${timeoutMs} ms: restarting the renderer`);
          void w.terminate();
        }, timeoutMs);
        timer.unref();
        pending.set(id, { resolve, reject, timer });
        const job: RenderJob = { id, doc, paper };
        w.postMessage(job);
      });
    },
    async close() {
      failAll('the server is stopping');
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
