import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SHIPPED_TEMPLATES, startServer, tempDir } from '../support/harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  const how = `End-to-end tests skipped: no Chromium at ${CHROMIUM}. Install it with "sudo apt-get install chromium" or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(how); // CI installs Chromium, so there they always run.
  console.warn(how);
}
const SHOTS = path.resolve('test-results/e2e');

const seconds = (text: string): number => {
  const m = /(-?)(\d+):(\d{2})/.exec(text);
  if (!m) throw new Error(`no countdown in "${text}"`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

describe.skipIf(!hasChromium)('a workshop in the browser', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    const clientDir = tempDir('ft-client-');
    execFileSync('npx', ['vite', 'build', '--outDir', clientDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
    app = await startServer({ clientDir, templatesDir: SHIPPED_TEMPLATES });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const phone = async (): Promise<Page> =>
    (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();

  it('two phones join with the code, post notes that reach the board, and show the facilitator\'s countdown', async () => {
    const s = await createSession(app, { templateId: 'data-retreat' });
    const console_ = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await console_.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    const board = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await board.goto(`${app.url}/board/${s.joinCode}`);
    await expect.poll(() => board.getByTestId('join-code').innerText()).toContain(s.joinCode);

    // The facilitator moves on to the open note board of the environmental scan (the second agenda item).
    await console_.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => board.getByText('Environmental scan: the data picture').count()).toBeGreaterThan(0);

    const phones: Page[] = [];
    for (const [i, name] of ['Ana', 'Benoît'].entries()) {
      const p = await phone();
      await p.goto(`${app.url}/join`);
      await p.getByLabel('Join code').fill(s.joinCode.toLowerCase());
      await p.getByLabel('Your name').fill(name);
      await p.getByRole('button', { name: 'Join' }).click();
      await p.getByLabel('Your note').fill(`Note from ${name}: strong data team ${i}`);
      await p.getByRole('button', { name: 'Post note' }).click();
      phones.push(p);
    }
    for (const name of ['Ana', 'Benoît']) {
      await expect.poll(() => board.getByText(`Note from ${name}`).count(), { timeout: 5000 }).toBe(1);
      await expect.poll(() => console_.getByText(`Note from ${name}`).count(), { timeout: 5000 }).toBeGreaterThan(0);
    }
    await phones[0]!.screenshot({ path: path.join(SHOTS, 'phone-notes.png') });

    await console_.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => phones[1]!.getByRole('timer').innerText(), { timeout: 5000 }).toContain('89:5');
    const readings = await Promise.all([console_, board, ...phones].map((p) => p.getByRole('timer').first().innerText()));
    const values = readings.map(seconds);
    expect(Math.max(...values) - Math.min(...values), readings.join(' | ')).toBeLessThanOrEqual(1);
    expect(values[0]).toBeGreaterThan(85 * 60);
    expect(values[0]).toBeLessThanOrEqual(90 * 60);

    await board.screenshot({ path: path.join(SHOTS, 'board.png') });
    await console_.screenshot({ path: path.join(SHOTS, 'console.png') });
    await phones[1]!.screenshot({ path: path.join(SHOTS, 'phone-timer.png') });
  }, 90_000);

  it('a phone with an unknown code is told so', async () => {
    const p = await phone();
    await p.goto(`${app.url}/join/ZZZZ22`);
    await p.getByLabel('Your name').fill('Ana');
    await p.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => p.getByText('No session with code ZZZZ22.').count()).toBe(1);
  }, 30_000);
});
