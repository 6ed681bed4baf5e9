import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createSession, SHIPPED_TEMPLATES, startServer, tempDir, type Created } from './harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  const how = `End-to-end tests skipped: no Chromium at ${CHROMIUM}. Install it with "sudo apt-get install chromium" or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(how); // CI installs Chromium, so there they always run.
  console.warn(how);
}
export const SHOTS = path.resolve('test-results/e2e');

export interface Room {
  app: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  page(viewport: { width: number; height: number }, touch?: boolean): Promise<Page>;
  phone(): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds the client, starts the real server with the shipped templates and launches Debian's Chromium. */
export async function openRoom(): Promise<Room> {
  const clientDir = tempDir('ft-client-');
  // NODE_ENV is "test" under vitest, which would build React's development bundle: build what `npm run build` builds.
  execFileSync('npx', ['vite', 'build', '--outDir', clientDir, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const app = await startServer({ clientDir, templatesDir: SHIPPED_TEMPLATES });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  const page = async (viewport: { width: number; height: number }, touch = false) =>
    (await browser.newContext({ viewport, isMobile: touch, hasTouch: touch })).newPage();
  return {
    app,
    browser,
    page,
    phone: () => page({ width: 360, height: 740 }, true),
    shot: async (p, name) => void (await p.screenshot({ path: path.join(SHOTS, `${name}.png`) })),
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/** A phone joins the session with its code and a name. */
export async function joinOnPhone(p: Page, url: string, code: string, name: string): Promise<void> {
  await p.goto(`${url}/join`);
  await p.getByLabel('Join code').fill(code.toLowerCase());
  await p.getByLabel('Your name').fill(name);
  await p.getByRole('button', { name: 'Join' }).click();
}

/** Opens a room before the tests of a describe block and closes it after them; call `room()` inside a test. */
export function useRoom(): () => Room {
  let room: Room | undefined;
  beforeAll(async () => {
    room = await openRoom();
  }, 120_000);
  afterAll(async () => room?.close());
  return () => {
    if (!room) throw new Error('the room is not open');
    return room;
  };
}

/** A data-retreat day with the console (laptop) on its SWOT item and the board (projector) open. */
export async function openSwotDay(room: Room): Promise<{ s: Created; con: Page; board: Page }> {
  const s = await createSession(room.app, { templateId: 'data-retreat' });
  const con = await room.page({ width: 1440, height: 900 });
  await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, room.app.url));
  await con.getByRole('button', { name: 'Go to SWOT analysis' }).click();
  const board = await room.page({ width: 1920, height: 1080 });
  await board.goto(`${room.app.url}/board/${s.joinCode}`);
  return { s, con, board };
}
