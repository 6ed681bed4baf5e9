import type { PaperSize, ReportDoc } from '../shared/report/model.js';
import type { PdfRenderer } from './reportRender.js';

/** A render may serve later downloads for this long even if the session moved on meanwhile. */
const FRESH_MS = 5_000;
const KEEP = 20;

interface Made {
  seq: number;
  at: number;
  pdf: Promise<Uint8Array>;
}

/**
 * The shared reports' PDFs, kept briefly: a whole room downloads the same report within a minute, often behind one
 * address, and one render serves them all. A copy is reused while the session has not changed, or for a few
 * seconds after it did; the link itself is checked against the live session before any copy is handed out.
 */
export class SharedReports {
  private made = new Map<string, Made>();
  constructor(
    private renderer: PdfRenderer,
    private now: () => number,
  ) {}

  /** A copy (finished or in the making) that may serve this download. */
  fresh(shareId: string, paper: PaperSize, seq: number): Promise<Uint8Array> | null {
    const m = this.made.get(`${shareId}:${paper}`);
    return m && (m.seq === seq || this.now() - m.at < FRESH_MS) ? m.pdf : null;
  }

  render(shareId: string, paper: PaperSize, seq: number, doc: () => ReportDoc): Promise<Uint8Array> {
    const key = `${shareId}:${paper}`;
    const pdf = this.renderer.render(doc(), paper);
    this.made.delete(key);
    this.made.set(key, { seq, at: this.now(), pdf });
    // A failed render is not kept.
    pdf.catch(() => this.made.get(key)?.pdf === pdf && this.made.delete(key));
    while (this.made.size > KEEP) this.made.delete(this.made.keys().next().value ?? key);
    return pdf;
  }

  forgetSession(sessionId: string): void {
    for (const key of this.made.keys()) if (key.startsWith(`${sessionId}.`)) this.made.delete(key);
  }
}
