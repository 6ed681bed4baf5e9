import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, openSwotDay, useRoom } from '../support/browser.js';

/** Drags one note card onto another with the mouse, as a facilitator would on a laptop (HTML5 drag and drop). */
async function dragNoteOnto(page: Page, from: string, to: string): Promise<void> {
  const card = (text: string) => page.locator('.flow-drag').filter({ has: page.locator('.flow-note-text', { hasText: text }) }).last();
  await card(to).scrollIntoViewIfNeeded();
  await card(from).scrollIntoViewIfNeeded();
  const a = (await card(from).locator('.flow-note-text').boundingBox())!;
  const b = (await card(to).locator('.flow-note-text').boundingBox())!;
  await page.mouse.move(a.x + 20, a.y + 8);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + 20, { steps: 5 });
  await page.mouse.move(b.x + 30, b.y + 8, { steps: 15 });
  await page.mouse.up();
}

describe.skipIf(!hasChromium)('a SWOT in the browser', () => {
  const openedRoom = useRoom();

  it('phones brainstorm privately, the facilitator reveals and groups by dragging, phones vote, the board ranks the group', async () => {
    const room = openedRoom();
    const { app } = room;
    const { s, con, board } = await openSwotDay(room);

    const [ana, ben] = [await room.phone(), await room.phone()];
    await joinOnPhone(ana, app.url, s.joinCode, 'Ana');
    await joinOnPhone(ben, app.url, s.joinCode, 'Ben');
    const post = async (p: Page, column: string, text: string) => {
      await p.getByLabel('Column').selectOption(column);
      await p.getByLabel('Your note').fill(text);
      await p.getByRole('button', { name: 'Post note' }).click();
      await expect.poll(() => p.getByText(text).count()).toBeGreaterThan(0);
    };
    await post(ana, 'Strengths', 'Dedicated caseworkers');
    await post(ana, 'Strengths', 'Staff who care');
    await post(ben, 'Threats', 'Court backlog');

    // Brainstorm: the board counts, nobody else reads.
    await expect.poll(() => board.getByText('2 notes').count()).toBeGreaterThan(0);
    expect(await board.getByText('Dedicated caseworkers').count()).toBe(0);
    expect(await ben.getByText('Dedicated caseworkers').count()).toBe(0);
    await expect.poll(() => con.getByText('Court backlog').count()).toBeGreaterThan(0);
    await room.shot(ana, 'swot-1-brainstorm-phone');
    await room.shot(board, 'swot-1-brainstorm-board');

    await con.getByRole('button', { name: 'Next step: Reveal' }).click();
    await expect.poll(() => board.getByText('Dedicated caseworkers').count()).toBeGreaterThan(0);
    await expect.poll(() => ben.getByText('Staff who care').count()).toBeGreaterThan(0);
    await room.shot(ben, 'swot-2-reveal-phone');
    await room.shot(board, 'swot-2-reveal-board');

    await con.getByRole('button', { name: 'Next step: Cluster' }).click();
    await expect.poll(() => con.locator('.flow-drag').count()).toBeGreaterThan(2);
    await dragNoteOnto(con, 'Staff who care', 'Dedicated caseworkers');
    const group = con.locator('.flow-group').filter({ has: con.locator('.flow-note-text', { hasText: 'Staff who care' }) });
    await expect.poll(() => group.count(), { timeout: 5000 }).toBe(1);
    await group.getByLabel('Group name').fill('Our people');
    await group.getByRole('button', { name: 'Name group' }).click();
    await expect.poll(() => board.getByText('Our people').count()).toBeGreaterThan(0);
    await room.shot(ana, 'swot-3-cluster-phone');
    await room.shot(board, 'swot-3-cluster-board');

    await con.getByRole('button', { name: 'Next step: Dot vote' }).click();
    await ana.getByRole('button', { name: 'Add a dot to Our people' }).click();
    await expect.poll(() => ana.getByText('4 of 5 dots left').count()).toBe(1);
    await ana.getByRole('button', { name: 'Add a dot to Our people' }).click();
    await expect.poll(() => ana.getByText('3 of 5 dots left').count()).toBe(1);
    await ben.getByRole('button', { name: 'Add a dot to Our people' }).click();
    await expect.poll(() => ben.getByText('4 of 5 dots left').count()).toBe(1);
    await ben.getByRole('button', { name: 'Add a dot to Court backlog' }).click();
    await ben.getByRole('button', { name: 'Take a dot back from Court backlog' }).click();
    await ben.getByRole('button', { name: 'Add a dot to Court backlog' }).click();
    await expect.poll(() => ben.getByText('3 of 5 dots left').count()).toBe(1);
    await room.shot(ben, 'swot-4-vote-phone');
    await room.shot(board, 'swot-4-vote-board');

    await con.getByRole('button', { name: 'Next step: Results' }).click();
    const first = board.locator('.results-list').first().locator('li').first();
    await expect.poll(() => first.innerText()).toContain('Our people');
    expect(await first.innerText()).toContain('3 dots');
    await expect.poll(() => ana.getByText('Our people').count()).toBeGreaterThan(0);
    await con.getByRole('checkbox', { name: 'Carry forward Our people' }).check();
    await expect.poll(() => board.getByText('Carries forward').count()).toBeGreaterThan(0);
    await room.shot(ana, 'swot-5-results-phone');
    await room.shot(board, 'swot-5-results-board');
    await room.shot(con, 'swot-5-results-console');
  }, 120_000);
});
