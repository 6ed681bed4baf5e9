import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';

describe.skipIf(!hasChromium)('a rehearsal in the browser', () => {
  const openedRoom = useRoom();

  it('starts from the landing page with 5 simulated participants who join and post; every screen says Rehearsal', async () => {
    const room = openedRoom();
    const { app } = room;
    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(app.url);
    await con.getByLabel('Template').selectOption('refinement-meeting');
    await con.getByLabel('Simulated participants').fill('5');
    await room.shot(con, 'rehearsal-landing');
    await con.getByRole('button', { name: 'Rehearse', exact: true }).click();
    await con.waitForURL(/\/facilitate\//);
    await expect.poll(() => con.getByTestId('rehearsal-banner').count()).toBe(1);
    // The five join: the people list marks each "(simulated)".
    await expect.poll(() => con.getByText('· simulated by the rehearsal').count()).toBe(5);
    await con.getByLabel(/^Pace/).fill('60');
    await con.getByRole('button', { name: 'Set pace' }).click();
    await expect.poll(() => con.getByText(/60 actions a minute each/).count()).toBe(1);
    await con.getByRole('button', { name: 'Go to Feedback from stakeholders on the draft' }).first().click();

    const code = (await con.getByTestId('join-code').first().innerText()).trim();
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${code}`);
    const phone = await room.phone();
    await joinOnPhone(phone, app.url, code, 'Trainer phone');

    // The simulated participants post: their notes reach the console and the board.
    const simulatedNote = /^(In our state:|An example:|We could build on|Still missing:|A question about|What works:)/;
    await expect.poll(() => board.getByText(simulatedNote).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    await expect.poll(() => con.getByText(simulatedNote).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    for (const p of [board, phone]) await expect.poll(() => p.getByTestId('rehearsal-banner').count()).toBe(1);
    await con.getByRole('button', { name: 'Pause the simulated participants' }).click();
    await expect.poll(() => con.getByText(/, paused;/).count()).toBe(1);
    await room.shot(con, 'rehearsal-console');
    await con.getByRole('heading', { name: /Online now/ }).scrollIntoViewIfNeeded();
    await room.shot(con, 'rehearsal-console-people');
    await room.shot(board, 'rehearsal-board');
    await room.shot(phone, 'rehearsal-phone');
  }, 120_000);

  it('rehearses a template from the template browser: Rehearse, how many and how fast, then the console with its simulated room', async () => {
    const room = openedRoom();
    const con = await room.page({ width: 1366, height: 768 });
    await con.goto(room.app.url);
    await con.getByRole('button', { name: 'Rehearse PIP kick-off debrief (the next morning)' }).click();
    const form = con.getByRole('form', { name: 'Rehearse PIP kick-off debrief (the next morning)' });
    expect(await form.getByLabel(/^Simulated participants/).inputValue()).toBe('8');
    await form.getByLabel(/^Simulated participants/).fill('51');
    await form.getByRole('button', { name: 'Start the rehearsal' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toBe('A rehearsal has from 1 to 50 simulated participants: give a whole number in that range.');
    await form.getByLabel(/^Simulated participants/).fill('3');
    await form.getByLabel(/^Pace/).fill('60');
    await room.shot(con, 'rehearsal-template-browser');
    // The landing page on a phone: the form fits its entry.
    await con.setViewportSize({ width: 360, height: 740 });
    await form.scrollIntoViewIfNeeded();
    await room.shot(con, 'rehearsal-template-browser-phone');
    await form.getByRole('button', { name: 'Start the rehearsal' }).click();
    await con.waitForURL(/\/facilitate\//);
    await expect.poll(() => con.getByTestId('rehearsal-banner').count()).toBe(1);
    await expect.poll(() => con.getByText('· simulated by the rehearsal').count()).toBe(3);
    await expect.poll(() => con.getByText(/60 actions a minute each/).count()).toBe(1);
    await room.shot(con, 'rehearsal-from-template');
  }, 60_000);

  it('a real session’s console rehearses its agenda in a new tab, and stays a real session', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'refinement-meeting' });
    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, room.app.url));
    const opened = con.context().waitForEvent('page');
    await con.getByRole('button', { name: 'Rehearse this agenda with 5 simulated participants' }).click();
    const rehearsal = await opened;
    await expect.poll(() => rehearsal.getByTestId('rehearsal-banner').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => rehearsal.getByText('· simulated by the rehearsal').count()).toBe(5);
    expect(await con.getByTestId('rehearsal-banner').count()).toBe(0);
    await rehearsal.setViewportSize({ width: 1280, height: 800 });
    await room.shot(rehearsal, 'rehearsal-of-agenda');
  }, 60_000);
});
