import type { ReportDoc } from './model.js';

/** The document as Markdown. STUB (issue 7 in progress). */
export function toMarkdown(doc: ReportDoc): string {
  return [`# ${doc.title}`, ...doc.sections.map((s) => `## ${s.title}`)].join('\n\n') + '\n';
}
