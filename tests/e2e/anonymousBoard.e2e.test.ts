import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';

describe.skipIf(!hasChromium)('an anonymous discussion board in the browser', () => {
  const openedRoom = useRoom();

  it('hides who wrote a note from the board and other phones once the facilitator ticks "Anonymous notes"', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, room.app.url));
    await con.getByRole('button', { name: 'Go to Environmental scan: the data picture' }).click();
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${room.app.url}/board/${s.joinCode}`);
    const [jose, ben] = [await room.phone(), await room.phone()];
    await joinOnPhone(jose, room.app.url, s.joinCode, 'José Núñez');
    await joinOnPhone(ben, room.app.url, s.joinCode, 'Ben');

    const post = async (text: string) => {
      await jose.getByLabel('Your note').fill(text);
      await jose.getByRole('button', { name: 'Post note' }).click();
      await expect.poll(() => board.getByText(text).count()).toBe(1);
    };
    // Named by default: another phone sees who wrote it.
    await post('Placements fell by a third');
    const authorOn = async (page: typeof board, text: string) => (await page.getByText(text).locator('xpath=ancestor::li[1]').innerText()).includes('Núñez');
    await expect.poll(() => ben.getByText('Placements fell by a third').count()).toBe(1);
    expect(await authorOn(ben, 'Placements fell by a third')).toBe(true);

    // The box follows the session: it is ticked once the server has taken the change.
    await con.getByLabel('Anonymous notes').click();
    await expect.poll(() => con.getByLabel('Anonymous notes').isChecked()).toBe(true);
    await expect.poll(() => jose.getByText(/anonymous/i).count()).toBeGreaterThan(0); // the phone says so
    await post('Our data on re-entry is unreliable');
    await expect.poll(() => ben.getByText('Our data on re-entry is unreliable').count()).toBe(1);
    // The note posted before keeps its name; the anonymous one shows none, on the board and on another phone.
    expect(await authorOn(ben, 'Our data on re-entry is unreliable')).toBe(false);
    expect(await authorOn(ben, 'Placements fell by a third')).toBe(true);
    expect(await board.locator('body').innerText()).not.toContain('Núñez');
    await room.shot(board, 'anonymous-board');
    // The facilitator still knows who wrote it.
    await expect.poll(() => con.getByText('Our data on re-entry is unreliable').locator('xpath=ancestor::li[1]').innerText()).toContain('José Núñez');
  }, 120_000);
});
