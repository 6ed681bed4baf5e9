import { parentPort } from 'node:worker_threads';
import { renderPdf } from '../shared/report/pdf.js';
import { loadReportFonts } from './reportFonts.js';
import type { RenderAnswer, RenderJob } from './reportRender.js';

/** Runs in a worker thread (see reportRender.ts): renders one PDF per message, in the order they come. */
const fonts = loadReportFonts();
const port = parentPort;
port?.on('message', (job: RenderJob) => {
  void fonts
    .then((f) => {
      const bytes = renderPdf(job.doc, { fonts: f, paper: job.paper });
      const answer: RenderAnswer = { id: job.id, bytes };
      port.postMessage(answer, [bytes.buffer]);
    })
    .catch((e: unknown) => {
      const answer: RenderAnswer = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(answer);
    });
});
