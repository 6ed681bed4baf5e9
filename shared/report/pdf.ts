import { jsPDF } from 'jspdf';
import type { PaperSize, ReportDoc } from './model.js';

/** The TrueType fonts the PDF embeds (read by the server from node_modules, fetched by the browser). */
export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface PdfOptions {
  fonts: ReportFonts | null;
  paper: PaperSize;
  onProgress?: (done: number, total: number) => void;
}

/** The document as a PDF. STUB (issue 7 in progress): the full renderer replaces it. */
export function renderPdf(doc: ReportDoc, options: PdfOptions): Uint8Array<ArrayBuffer> {
  const pdf = new jsPDF({ format: options.paper, unit: 'pt' });
  pdf.text(doc.title, 72, 72);
  let y = 100;
  for (const s of doc.sections) pdf.text(s.title, 72, (y += 20));
  return new Uint8Array(pdf.output('arraybuffer'));
}
