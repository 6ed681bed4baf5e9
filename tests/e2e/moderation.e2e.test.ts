import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, openSwotDay, useRoom } from '../support/browser.js';

const post = async (p: Page, column: string, text: string) => {
  await p.getByLabel('Column').selectOption(column);
  await p.getByLabel('Your note').fill(text);
  await p.getByRole('button', { name: 'Post note' }).click();
  await expect.poll(() => p.getByText(text).count()).toBeGreaterThan(0);
};

describe.skipIf(!hasChromium)('moderation and stepping back in the browser', () => {
  const openedRoom = useRoom();

  it('a note deleted on the console leaves the board and phones, and "Undo" brings it back within 10 s', async () => {
    const room = openedRoom();
    const { s, con, board } = await openSwotDay(room);
    await con.setViewportSize({ width: 1280, height: 800 });
    const [ana, ben] = [await room.phone(), await room.phone()];
    await joinOnPhone(ana, room.app.url, s.joinCode, 'Ana');
    await joinOnPhone(ben, room.app.url, s.joinCode, 'Ben');
    await post(ana, 'Strengths', 'Dedicated caseworkers');
    await post(ben, 'Threats', 'Judge Smith is useless');
    await con.getByRole('button', { name: 'Next step: Reveal' }).click();
    await expect.poll(() => board.getByText('Judge Smith is useless').count()).toBe(1);
    await expect.poll(() => ana.getByText('Judge Smith is useless').count()).toBe(1);

    await con.getByRole('button', { name: 'Delete note: Judge Smith is useless' }).click();
    await expect.poll(() => board.getByText('Judge Smith is useless').count()).toBe(0);
    await expect.poll(() => ana.getByText('Judge Smith is useless').count()).toBe(0);
    const toast = con.locator('.undo-toast');
    await expect.poll(() => toast.filter({ hasText: 'Deleted' }).count()).toBe(1);
    await room.shot(con, 'moderation-1-deleted-console');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => board.getByText('Judge Smith is useless').count()).toBe(1);
    await expect.poll(() => ana.getByText('Judge Smith is useless').count()).toBe(1);
    await expect.poll(() => toast.count()).toBe(0);
    await room.shot(board, 'moderation-2-restored-board');

    // Deleted and left alone: the undo goes away after 10 s and the note stays gone.
    await con.getByRole('button', { name: 'Delete note: Judge Smith is useless' }).click();
    await expect.poll(() => toast.count()).toBe(1);
    await expect.poll(() => toast.count(), { timeout: 14_000 }).toBe(0);
    expect(await board.getByText('Judge Smith is useless').count()).toBe(0);
  }, 90_000);

  it('a step taken back: the confirm says the room has seen the notes, and the board and phones show counts again', async () => {
    const room = openedRoom();
    const { s, con, board } = await openSwotDay(room);
    await con.setViewportSize({ width: 1280, height: 800 });
    const [ana, ben] = [await room.phone(), await room.phone()];
    await joinOnPhone(ana, room.app.url, s.joinCode, 'Ana');
    await joinOnPhone(ben, room.app.url, s.joinCode, 'Ben');
    await post(ana, 'Strengths', 'Strong court partnership');
    await con.getByRole('button', { name: 'Next step: Reveal' }).click();
    await expect.poll(() => ben.getByText('Strong court partnership').count()).toBe(1);

    await con.getByRole('button', { name: 'Step back to Silent brainstorm' }).click();
    const question = con.getByText(/The room has already seen them\./);
    expect(await question.count()).toBe(1);
    await room.shot(con, 'stepback-1-confirm-console');
    await con.getByRole('button', { name: 'Go back to Silent brainstorm' }).click();
    await expect.poll(() => board.getByText('Strong court partnership').count()).toBe(0);
    await expect.poll(() => ben.getByText('Strong court partnership').count()).toBe(0);
    // Its author and the facilitator still read it; the phone can post again.
    expect(await ana.getByText('Strong court partnership').count()).toBeGreaterThan(0);
    await expect.poll(() => con.getByRole('heading', { name: /Silent brainstorm/ }).count()).toBeGreaterThan(0);
    await post(ben, 'Threats', 'Budget cuts');
    await room.shot(board, 'stepback-2-brainstorm-board');
    await room.shot(ben, 'stepback-3-brainstorm-phone');

    // Back from the vote: the facilitator chooses to clear the dots.
    for (const step of ['Reveal', 'Cluster', 'Dot vote']) await con.getByRole('button', { name: `Next step: ${step}` }).click();
    await ana.getByRole('button', { name: 'Add a dot to Budget cuts' }).click();
    await expect.poll(() => ana.getByText('4 of 5 dots left').count()).toBe(1);
    await con.getByRole('button', { name: 'Step back to Cluster' }).click();
    await expect.poll(() => con.getByText(/1 dot has been placed/).count()).toBe(1);
    await con.getByRole('button', { name: 'Go back, clear the dots' }).click();
    await con.getByRole('button', { name: 'Next step: Dot vote' }).click();
    await expect.poll(() => ana.getByText('5 of 5 dots left').count()).toBe(1);
  }, 90_000);

  it('a note hidden before the reveal never shows on the board or other phones; its author sees it marked', async () => {
    const room = openedRoom();
    const { s, con, board } = await openSwotDay(room);
    await con.setViewportSize({ width: 1280, height: 800 });
    const [ana, ben] = [await room.phone(), await room.phone()];
    await joinOnPhone(ana, room.app.url, s.joinCode, 'Ana');
    await joinOnPhone(ben, room.app.url, s.joinCode, 'Ben');
    await post(ana, 'Weaknesses', 'Supervisor Kim never answers');
    await post(ben, 'Strengths', 'Good data team');
    await con.getByRole('button', { name: 'Hide from the room: Supervisor Kim never answers' }).click();
    await expect.poll(() => ana.getByText('Hidden by the facilitator').count()).toBe(1);
    await con.getByRole('button', { name: 'Next step: Reveal' }).click();
    await expect.poll(() => board.getByText('Good data team').count()).toBe(1);
    expect(await board.getByText('Supervisor Kim').count()).toBe(0);
    expect(await ben.getByText('Supervisor Kim').count()).toBe(0);
    expect(await ana.getByText('Supervisor Kim never answers').count()).toBe(1);
    await expect.poll(() => con.getByText('Hidden from the room (1)').count()).toBe(1);
    await room.shot(ana, 'hide-1-author-phone');
    await room.shot(con, 'hide-2-console');
  }, 90_000);

  it('dots lowered mid-vote: the facilitator confirms, and the phone is told which dots went back', async () => {
    const room = openedRoom();
    const { s, con } = await openSwotDay(room);
    await con.setViewportSize({ width: 1280, height: 800 });
    const ana = await room.phone();
    await joinOnPhone(ana, room.app.url, s.joinCode, 'Ana');
    await post(ana, 'Strengths', 'Caring staff');
    await post(ana, 'Threats', 'Court delays');
    for (const step of ['Reveal', 'Cluster', 'Dot vote']) await con.getByRole('button', { name: `Next step: ${step}` }).click();
    for (const label of ['Caring staff', 'Caring staff', 'Caring staff', 'Court delays', 'Court delays'])
      await ana.getByRole('button', { name: `Add a dot to ${label}` }).click();
    await expect.poll(() => ana.getByText('0 of 5 dots left').count()).toBe(1);
    await con.getByLabel('Dots per person').fill('3');
    await con.getByRole('button', { name: 'Save vote settings' }).click();
    await expect.poll(() => con.getByText(/1 person has placed more dots than 3 per person/).count()).toBe(1);
    await room.shot(con, 'trim-1-confirm-console');
    await con.getByRole('button', { name: 'Lower the limits and take the dots back' }).click();
    await expect.poll(() => ana.getByText('The facilitator lowered the dots to 3: your last 2 dots were taken back.').count()).toBe(1);
    await expect.poll(() => ana.getByText('0 of 3 dots left').count()).toBe(1);
    await room.shot(ana, 'trim-2-phone');
  }, 90_000);
});
