import type { PaperSize, ReportDoc } from '../../shared/report/model.js';
import { readReply, RENDER_FAILED, type PdfRequest } from './pdfWorkerMessages.js';

/**
 * Renders the report PDF in a Web Worker (the page stays responsive; jspdf and the fonts load only there, the
 * first time someone exports) and resolves with the file. `onProgress` hears how many blocks are drawn. Rejects
 * with an Error whose message is a sentence to show as it is.
 */
export function renderPdfInWorker(doc: ReportDoc, paper: PaperSize, onProgress?: (done: number, total: number) => void): Promise<Blob> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'report-pdf' });
    } catch {
      return reject(new Error(RENDER_FAILED));
    }
    const fail = (message: string): void => {
      worker.terminate();
      reject(new Error(message));
    };
    worker.onmessage = (e: MessageEvent<unknown>) => {
      const reply = readReply(e.data);
      if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
      else if (reply.type === 'error') fail(reply.message);
      else {
        worker.terminate();
        resolve(new Blob([reply.bytes], { type: 'application/pdf' }));
      }
    };
    worker.onerror = () => fail(RENDER_FAILED);
    worker.onmessageerror = () => fail(RENDER_FAILED);
    const request: PdfRequest = { doc, paper };
    worker.postMessage(request);
  });
}
