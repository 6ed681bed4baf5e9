import { textExport } from '../../shared/report/exportFile.js';
import { EXPORT_MEDIA_TYPES, type ExportFormat } from '../../shared/report/formats.js';
import { reportFileName } from '../../shared/report/fileName.js';
import type { PaperSize, ReportOptions, ReportScope } from '../../shared/report/model.js';
import { buildReport } from '../../shared/report/session.js';
import type { SessionState } from '../../shared/session/state.js';
import { renderPdfInWorker } from './renderInWorker.js';
import { localTimeZone } from './share.js';

export interface ExportRequest {
  format: ExportFormat;
  scope: ReportScope;
  names: boolean;
  paper: PaperSize;
  /** Server time now (the report's date). */
  at: number;
  /** The facilitator's name for the title page (empty: none printed). */
  facilitator?: string;
}

/**
 * The file for an export, made in the browser from the facilitator's own copy of the session (which holds
 * everything): the same builders the server's HTTP exports run, so both give the same file. The PDF renders in a
 * worker, reporting its progress.
 */
export async function makeExport(state: SessionState, req: ExportRequest, onProgress?: (done: number, total: number) => void): Promise<{ blob: Blob; name: string }> {
  const options: ReportOptions = { scope: req.scope, names: req.names, at: req.at, timeZone: localTimeZone(), ...(req.facilitator ? { facilitator: req.facilitator } : {}) };
  const name = reportFileName(state, req.scope, req.format, options.timeZone);
  if (req.format === 'pdf') return { blob: await renderPdfInWorker(buildReport(state, options), req.paper, onProgress), name };
  return { blob: new Blob([textExport(state, options, req.format)], { type: EXPORT_MEDIA_TYPES[req.format] }), name };
}

/** A real download: a link to the file with its name, pressed once, then let go. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file by the next tasks; a minute leaves room for a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
