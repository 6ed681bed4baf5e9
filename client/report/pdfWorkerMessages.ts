import type { PaperSize, ReportDoc } from '../../shared/report/model.js';

/** What the page asks the PDF worker. */
export interface PdfRequest {
  doc: ReportDoc;
  paper: PaperSize;
}

/** What the PDF worker answers: progress as it draws, then the bytes, or our sentence for what went wrong. */
export type PdfReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'error'; message: string };

export const FONTS_FAILED = 'The PDF needs its fonts and they could not be loaded: check the connection and try again.';
export const RENDER_FAILED = 'The PDF could not be made in this browser. Try again, or export Markdown instead.';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The worker's reply, checked: anything else is read as a failure. */
export function readReply(data: unknown): PdfReply {
  if (!isObject(data)) return { type: 'error', message: RENDER_FAILED };
  if (data.type === 'progress' && typeof data.done === 'number' && typeof data.total === 'number') return { type: 'progress', done: data.done, total: data.total };
  if (data.type === 'done' && data.bytes instanceof Uint8Array && data.bytes.buffer instanceof ArrayBuffer) return { type: 'done', bytes: new Uint8Array(data.bytes.buffer) };
  if (data.type === 'error' && (data.message === FONTS_FAILED || data.message === RENDER_FAILED)) return { type: 'error', message: data.message };
  return { type: 'error', message: RENDER_FAILED };
}
