import { describe, expect, it } from 'vitest';
import type { ReportDoc } from '../../shared/report/model.js';
import { RendererBusy, startPdfRenderer } from '../../server/reportRender.js';
import { isPdf, pdfText } from '../support/pdfText.js';

const doc = (title: string): ReportDoc => ({ version: 1, title, facts: [], sections: [{ title: 'Agenda', blocks: [{ kind: 'paragraph', text: 'Hello' }] }] });

describe('the PDF renderer in its worker thread', () => {
  it('renders the jobs it is given, each its own document', async () => {
    const renderer = startPdfRenderer();
    try {
      const [a, b] = await Promise.all([renderer.render(doc('First report'), 'letter'), renderer.render(doc('Second report'), 'a4')]);
      expect(isPdf(a) && isPdf(b)).toBe(true);
      expect(pdfText(a)).toContain('First report');
      expect(pdfText(b)).toContain('Second report');
    } finally {
      await renderer.close();
    }
  });

  it('refuses a job past its queue instead of piling them up', async () => {
    const renderer = startPdfRenderer({ maxQueued: 1 });
    try {
      const first = renderer.render(doc('One'), 'letter');
      await expect(renderer.render(doc('Two'), 'letter')).rejects.toBeInstanceOf(RendererBusy);
      expect(isPdf(await first)).toBe(true);
      // Once the queue has room again, jobs are taken.
      expect(isPdf(await renderer.render(doc('Three'), 'letter'))).toBe(true);
    } finally {
      await renderer.close();
    }
  });

  it('ends a job that takes too long by stopping its worker, and says so in the log', async () => {
    const lines: string[] = [];
    const renderer = startPdfRenderer({ timeoutMs: 1, log: (line) => lines.push(line) });
    try {
      await expect(renderer.render(doc('Too slow'), 'letter')).rejects.toThrow();
      expect(lines.some((l) => l.includes('restarting the renderer'))).toBe(true);
    } finally {
      await renderer.close();
    }
  });

  it('answers the jobs still waiting when it closes', async () => {
    const renderer = startPdfRenderer();
    const refused = expect(renderer.render(doc('Left behind'), 'letter')).rejects.toThrow('the server is stopping');
    await renderer.close();
    await refused;
  });
});
