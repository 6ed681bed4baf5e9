import type { SessionState } from '../session/state.js';
import { toCsv } from './csv.js';
import { toJsonExport } from './json.js';
import { toMarkdown } from './markdown.js';
import type { ReportOptions } from './model.js';
import { buildReport } from './session.js';

/** The formats a report is exported in: the console's Export menu and the HTTP API offer the same four. */
export const EXPORT_FORMATS = ['pdf', 'md', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type TextFormat = Exclude<ExportFormat, 'pdf'>;

/** The media type each format is sent and saved as. */
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Whether the format covers one item or group too (CSV and JSON are of the whole session). */
export const scopedFormat = (format: ExportFormat): boolean => format === 'pdf' || format === 'md';

/**
 * A text export made from the state, the same in the browser and on the server. The PDF is rendered from
 * `buildReport` by `renderPdf`, off the main thread on both sides.
 */
export function textExport(state: SessionState, options: ReportOptions, format: TextFormat): string {
  switch (format) {
    case 'md':
      return toMarkdown(buildReport(state, options));
    case 'csv':
      return toCsv(state, options);
    case 'json':
      return `${JSON.stringify(toJsonExport(state, options), null, 2)}\n`;
  }
}
