import type http from 'node:http';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { ReportDoc } from '../../shared/report/model.js';
import type { BrowserRender } from '../bench/reportPage/main.js';
import { CHROMIUM } from './browser.js';
import { tempDir } from './harness.js';

export interface ReportPage {
  page: Page;
  /** Renders `doc` in the page through the client's PDF worker; the PDF comes back as bytes. */
  render(doc: ReportDoc): Promise<Omit<BrowserRender, 'base64'> & { bytes: Buffer }>;
  close(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', 'bench', 'reportPage');

/**
 * Builds the tiny page of tests/bench/reportPage with Vite (the PDF worker and its fonts become files as they do in
 * the app), serves the build on loopback and opens it in Debian's Chromium.
 */
export async function openReportPage(): Promise<ReportPage> {
  const outDir = tempDir('ft-report-page-');
  await build({ root: ROOT, configFile: false, logLevel: 'error', worker: { format: 'es' }, build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const address = (server.httpServer as http.Server).address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no port');
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${address.port}/`);
  return {
    page,
    render: async (doc) => {
      const r = await page.evaluate((d) => (window as unknown as { benchRender(x: ReportDoc): Promise<BrowserRender> }).benchRender(d), doc);
      const { base64, ...rest } = r;
      return { ...rest, bytes: Buffer.from(base64, 'base64') };
    },
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.httpServer.close(resolve));
    },
  };
}
