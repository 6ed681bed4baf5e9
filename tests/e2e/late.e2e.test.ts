import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, openSwotDay, useRoom } from '../support/browser.js';

/** Screenshots to look at by eye (360 px phone, laptop console). */
const snap = (p: Page, name: string) => p.screenshot({ path: `/tmp/late-${name}.png`, fullPage: true });

describe.skipIf(!hasChromium)('notes typed offline after the board closed', () => {
  const openedRoom = useRoom();

  it('arrive as late notes: kept on the phone with their state, listed on the console, one accepted onto the board once', async () => {
    const room = openedRoom();
    const { app } = room;
    const { s, con, board } = await openSwotDay(room);
    const phone = await room.phone();
    await joinOnPhone(phone, app.url, s.joinCode, 'Ana');
    const noteBox = phone.getByLabel('Your note');
    await noteBox.waitFor();

    // A half-typed note survives a refresh.
    await noteBox.fill('half-typed before the refresh');
    await phone.reload();
    await expect.poll(() => phone.getByLabel('Your note').inputValue()).toBe('half-typed before the refresh');

    // The Wi-Fi drops; two notes are posted and wait on the phone as "sending".
    await phone.context().setOffline(true);
    await expect.poll(() => phone.getByText('Offline').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const text of ['Families trust our caseworkers', 'Court dates slip every month']) {
      await phone.getByLabel('Your note').fill(text);
      await phone.getByRole('button', { name: 'Post note' }).click();
    }
    const posted = phone.locator('section', { has: phone.getByRole('heading', { name: /Notes you posted/ }) });
    await expect.poll(() => posted.getByText('Sending…').count()).toBe(2);
    expect(await phone.getByLabel('Your note').inputValue()).toBe('');
    await snap(phone, 'phone-1-offline');

    // Meanwhile the facilitator closes input.
    await con.getByRole('button', { name: 'Lock board' }).click();
    await expect.poll(() => con.getByRole('button', { name: 'Unlock board' }).count()).toBe(1);

    await phone.context().setOffline(false);
    const lateOnPhone = phone.getByTestId('late-input');
    await expect.poll(() => lateOnPhone.count(), { timeout: 20_000 }).toBe(2);
    expect(await lateOnPhone.filter({ hasText: 'Arrived after posting closed: the facilitator can still add it.' }).count()).toBe(2);
    expect(await posted.getByText('Sending…').count()).toBe(0);
    await snap(phone, 'phone-2-late');

    // The console: "2 late notes" on the agenda row and in the list; nothing on the board yet.
    await expect.poll(() => con.locator('.late-badge').innerText()).toBe('2 late notes');
    const entries = con.getByTestId('late-entry');
    expect(await entries.count()).toBe(2);
    expect(await board.getByText('1 note').count()).toBe(0);
    await snap(con, 'console-1-late');

    await entries.filter({ hasText: 'Families trust our caseworkers' }).getByRole('button', { name: /^Add to board/ }).click();
    await expect.poll(() => entries.count()).toBe(1);
    await expect.poll(() => con.locator('.late-badge').innerText()).toBe('1 late note');
    await expect.poll(() => lateOnPhone.filter({ hasText: 'Added by the facilitator.' }).count()).toBe(1);
    expect(await lateOnPhone.filter({ hasText: 'the facilitator can still add it' }).getByText('Court dates slip every month').count()).toBe(1);
    // On the board exactly once: counted during the brainstorm, and once in full at the reveal.
    await expect.poll(() => board.getByText('1 note', { exact: true }).count()).toBe(1);
    await con.getByRole('button', { name: 'Next step: Reveal' }).click();
    await expect.poll(() => board.getByText('Families trust our caseworkers').count()).toBe(1);
    await board.waitForTimeout(300);
    expect(await board.getByText('Families trust our caseworkers').count()).toBe(1);
    expect(await board.getByText('Court dates slip every month').count()).toBe(0);
    expect(await entries.filter({ hasText: 'Court dates slip every month' }).count()).toBe(1);
    await snap(con, 'console-2-accepted');
    await snap(phone, 'phone-3-accepted');
    await snap(board, 'board');
    await con.setViewportSize({ width: 360, height: 740 });
    await con.getByRole('heading', { name: 'Late input' }).scrollIntoViewIfNeeded();
    await con.screenshot({ path: '/tmp/late-console-360.png' });
  }, 120_000);
});
