import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { hasChromium, useRoom } from '../support/browser.js';
import { phoneFirstLoad } from '../support/firstLoad.js';
import { createSession } from '../support/harness.js';

/** A GET with the given Accept-Encoding, without decoding the answer (fetch would). */
function getRaw(url: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        let bytes = 0;
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      })
      .on('error', reject);
  });
}

describe.skipIf(!hasChromium)('compressed, cached assets', () => {
  const openedRoom = useRoom();

  it('serves the hashed files brotli- or gzip-compressed, cached for a year; index.html revalidated', async () => {
    const { app } = openedRoom();
    const html = await (await fetch(`${app.url}/join/ABCDEF`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const plain = await getRaw(`${app.url}${script}`, 'identity');
    const br = await getRaw(`${app.url}${script}`, 'gzip, deflate, br');
    const gz = await getRaw(`${app.url}${script}`, 'gzip, deflate');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.bytes).toBeLessThan(plain.bytes / 2);
    expect(gz.bytes).toBeLessThan(plain.bytes / 2);
    for (const res of [plain, br, gz]) {
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
    for (const page of ['/', '/join/ABCDEF', '/board/ABCDEF', '/facilitate/abc', '/index.html']) {
      const res = await getRaw(`${app.url}${page}`, 'gzip');
      expect(res.status, page).toBe(200);
      expect(res.headers['cache-control'], page).toBe('no-cache');
      expect(res.headers['content-type'], page).toMatch(/^text\/html/);
    }
  });

  it('a browser asking for an address we do not have gets the client\'s own "not found" with a 404', async () => {
    const room = openedRoom();
    const page = await room.phone();
    const res = await page.goto(`${room.app.url}/no/such/page`);
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
  });

  it('the phone page loads in at most 150 KB over the wire', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const load = await phoneFirstLoad(room.browser, `${room.app.url}/join/${s.joinCode}`);
    const gzipOnly = await phoneFirstLoad(room.browser, `${room.app.url}/join/${s.joinCode}`, 'gzip, deflate');
    const list = (files: typeof load.files) => files.map((f) => `${f.name.replace(room.app.url, '')} ${f.bytes} ${f.encoding}`).join(', ');
    console.log(`phone first load: ${load.bytes} bytes (${list(load.files)}); gzip only: ${gzipOnly.bytes} bytes`);
    expect(load.files.filter((f) => f.name.endsWith('.js')).every((f) => f.encoding === 'br')).toBe(true);
    expect(gzipOnly.files.filter((f) => f.name.endsWith('.js')).every((f) => f.encoding === 'gzip')).toBe(true);
    expect(load.bytes).toBeLessThanOrEqual(150 * 1024);
    expect(gzipOnly.bytes).toBeLessThanOrEqual(150 * 1024);
  });
});
