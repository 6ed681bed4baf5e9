/** The benchmark's page: renders a report document in the app's PDF worker and says how long it took. */
import { renderPdfInWorker } from '../../../client/report/renderInWorker.js';
import type { ReportDoc } from '../../../shared/report/model.js';

export interface BrowserRender {
  ms: number;
  /** The PDF, base64, for the benchmark to count its pages. */
  base64: string;
  /** Progress messages the page heard, and the last one. */
  progress: number;
  last: [done: number, total: number] | null;
  /** The longest task the main thread ran while the worker rendered (ms): the page stayed responsive if small. */
  longestTaskMs: number;
}

async function benchRender(doc: ReportDoc): Promise<BrowserRender> {
  let progress = 0;
  let last: BrowserRender['last'] = null;
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  });
  observer.observe({ type: 'longtask' });
  const t = performance.now();
  const blob = await renderPdfInWorker(doc, 'letter', (done, total) => {
    progress++;
    last = [done, total];
  });
  const ms = performance.now() - t;
  for (const e of observer.takeRecords()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  observer.disconnect();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
  return { ms, base64: btoa(binary), progress, last, longestTaskMs };
}

Object.assign(window, { benchRender });
