import type { PaperSize, ReportDoc } from '../../shared/report/model.js';

/** Renders the PDF off the main thread. STUB (issue 7 in progress): renders on the main thread for now. */
export async function renderPdfInWorker(doc: ReportDoc, paper: PaperSize, onProgress?: (done: number, total: number) => void): Promise<Blob> {
  const { renderPdf } = await import('../../shared/report/pdf.js');
  const bytes = renderPdf(doc, { fonts: null, paper, onProgress });
  return new Blob([bytes], { type: 'application/pdf' });
}
