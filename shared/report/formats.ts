/**
 * The export formats and how each is sent and saved. Apart from the builders (exportFile.ts) so that a screen can
 * name the formats without loading them.
 */

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
