import type { SessionState } from '../session/state.js';
import { CSV_BOM, toCsv } from './csv.js';
import { toJsonExport } from './json.js';
import { toMarkdown } from './markdown.js';
import type { ReportOptions } from './model.js';
import { buildReport } from './session.js';
import type { TextFormat } from './formats.js';

/**
 * A text export made from the state, the same in the browser and on the server. The PDF is rendered from
 * `buildReport` by `renderPdf`, off the main thread on both sides.
 */
export function textExport(state: SessionState, options: ReportOptions, format: TextFormat): string {
  switch (format) {
    case 'md':
      return toMarkdown(buildReport(state, options));
    case 'csv':
      // The byte-order mark makes spreadsheet programs read the file as UTF-8, so "José Núñez" opens as typed.
      return CSV_BOM + toCsv(state, options);
    case 'json':
      return `${JSON.stringify(toJsonExport(state, options), null, 2)}\n`;
  }
}
