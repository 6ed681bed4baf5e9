import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';

const seconds = (text: string): number => {
  const m = /(-?)(\d+):(\d{2})/.exec(text);
  if (!m) throw new Error(`no countdown in "${text}"`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

describe.skipIf(!hasChromium)('a workshop in the browser', () => {
  const openedRoom = useRoom();

  it('two phones join with the code, post notes that reach the board, and show the facilitator\'s countdown', async () => {
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'data-retreat' });
    const console_ = await room.page({ width: 1366, height: 768 });
    await console_.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    await expect.poll(() => board.getByTestId('join-code').innerText()).toContain(s.joinCode);

    // The facilitator moves on to the open note board of the environmental scan (the second agenda item).
    await console_.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => board.getByText('Environmental scan: the data picture').count()).toBeGreaterThan(0);

    const phones: Page[] = [];
    for (const [i, name] of ['Ana', 'Benoît'].entries()) {
      const p = await room.phone();
      await joinOnPhone(p, app.url, s.joinCode, name);
      await p.getByLabel('Your note').fill(`Note from ${name}: strong data team ${i}`);
      await p.getByRole('button', { name: 'Post note' }).click();
      phones.push(p);
    }
    for (const name of ['Ana', 'Benoît']) {
      await expect.poll(() => board.getByText(`Note from ${name}`).count(), { timeout: 5000 }).toBe(1);
      await expect.poll(() => console_.getByText(`Note from ${name}`).count(), { timeout: 5000 }).toBeGreaterThan(0);
    }
    await room.shot(phones[0]!, 'phone-notes');

    await console_.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => phones[1]!.getByRole('timer').innerText(), { timeout: 5000 }).toContain('89:5');
    const readings = await Promise.all([console_, board, ...phones].map((p) => p.getByRole('timer').first().innerText()));
    const values = readings.map(seconds);
    expect(Math.max(...values) - Math.min(...values), readings.join(' | ')).toBeLessThanOrEqual(1);
    expect(values[0]).toBeGreaterThan(85 * 60);
    expect(values[0]).toBeLessThanOrEqual(90 * 60);

    await room.shot(board, 'board');
    await room.shot(console_, 'console');
    await room.shot(phones[1]!, 'phone-timer');
  }, 90_000);

  it('a phone with an unknown code is told so', async () => {
    const room = openedRoom();
    const p = await room.phone();
    await p.goto(`${room.app.url}/join/ZZZZ22`);
    await p.getByLabel('Your name').fill('Ana');
    await p.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => p.getByText('No session with code ZZZZ22.').count()).toBe(1);
  }, 30_000);
});
