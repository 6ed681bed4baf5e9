import type { ReportFonts } from '../shared/report/pdf.js';

/** The report fonts from node_modules. STUB (issue 7 in progress): returns null (jspdf's built-in font). */
export async function loadReportFonts(): Promise<ReportFonts | null> {
  return null;
}
