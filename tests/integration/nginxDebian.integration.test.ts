import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../support/harness.js';
import { debianSkipReason, startNginx, type Nginx } from '../support/nginx.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Through nginx as Debian installs it, after the README's steps (section "Several processes"). */
async function throughDebianNginx(keepDefaultSite = false): Promise<Nginx> {
  const app = await startServer({ processName: 'p1' });
  stops.push(() => app.close());
  const nginx = await startNginx([app.port], { debian: { keepDefaultSite } });
  stops.push(() => nginx.stop());
  return nginx;
}

describe.skipIf(debianSkipReason)("docs/nginx.conf in Debian's nginx, as the README installs it", () => {
  it('reaches the toolkit for any host name, and nginx -t has nothing to say about it', async () => {
    const nginx = await throughDebianNginx();
    expect(nginx.checked).not.toContain('conflicting server name');
    const res = await fetch(`${nginx.url}/health`);
    expect(await res.json()).toEqual({ ok: true, process: 'p1' });
    const created = await fetch(`${nginx.url}/api/sessions`, { method: 'POST', body: JSON.stringify({ title: 'Through nginx' }) });
    expect(created.status).toBe(201);
  });
});
