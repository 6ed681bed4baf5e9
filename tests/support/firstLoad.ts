import type { Browser } from 'playwright-core';

export interface FirstLoad {
  /** Bytes of the page and every file it loaded, as they came over the wire (compressed bodies, no headers). */
  bytes: number;
  files: Array<{ name: string; bytes: number; encoding: string }>;
}

/**
 * Opens the phone page `url` in a fresh context (empty cache, phone viewport) and adds up the encoded body sizes of
 * the page and everything it fetched by the time the name form shows. `acceptEncoding` stands in for a browser that
 * takes fewer encodings (Chrome sends brotli only to secure origins, and a venue laptop over plain HTTP is not one).
 */
export async function phoneFirstLoad(browser: Browser, url: string, acceptEncoding?: string): Promise<FirstLoad> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });
  try {
    const page = await context.newPage();
    const encodings = new Map<string, string>();
    page.on('response', (res) => encodings.set(res.url(), res.headers()['content-encoding'] ?? 'none'));
    await page.goto(url);
    await page.getByLabel('Your name').waitFor();
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        name: e.name,
        bytes: (e as PerformanceResourceTiming).encodedBodySize,
      })),
    );
    const files = entries.map((e) => ({ ...e, encoding: encodings.get(e.name) ?? 'none' }));
    return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
  } finally {
    await context.close();
  }
}
