import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { cutOffElements } from '../support/clipping.js';

/** Where this test leaves its screenshots, one per screen per step, to be looked at. */
const SHOTS = process.env.I8_SHOTS ?? '/tmp/i8-shots';

/**
 * The "Done when": the data retreat, then the vision retreat another day, as two sessions, with three phones
 * (360x740, touch), the facilitator's console on a laptop (1280x800) and the board on a projector (1920x1080). Everything
 * goes through the screens, and what the data retreat carried forward reaches the vision items without being typed again.
 */
describe.skipIf(!hasChromium)('the data retreat, then the vision retreat', () => {
  const openedRoom = useRoom();

  it('SWOT notes, reveal, cluster, vote, results, carry forward; a new session imports the carried items by code', async () => {
    const room = openedRoom();
    const { app } = room;
    fs.mkdirSync(SHOTS, { recursive: true });
    let step = 0;
    const shots = async (name: string, pages: [string, Page][]) => {
      step += 1;
      for (const [screen, p] of pages) await p.screenshot({ path: path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}-${screen}.png`) });
    };

    // Day 1. The facilitator creates the data retreat on the laptop.
    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(`${app.url}/`);
    await con.getByLabel('Template').selectOption('data-retreat');
    await con.getByRole('button', { name: 'Create session' }).click();
    const code = (await con.getByTestId('join-code').innerText()).trim();
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${code}`);
    const phones = [await room.phone(), await room.phone(), await room.phone()] as const;
    const [ana, ben, cy] = phones;
    for (const [p, name] of [[ana, 'Ana'], [ben, 'Ben'], [cy, 'Cy']] as const) await joinOnPhone(p, app.url, code, name);
    await con.getByRole('button', { name: 'Go to SWOT analysis' }).click();
    await expect.poll(() => ana.getByRole('heading', { name: 'SWOT analysis' }).count()).toBe(1);

    const post = async (p: Page, column: string, text: string) => {
      await p.getByLabel('Column').selectOption(column);
      await p.getByLabel('Your note').fill(text);
      await p.getByRole('button', { name: 'Post note' }).click();
      await expect.poll(() => p.getByText(text).count()).toBeGreaterThan(0);
    };
    await post(ana, 'Strengths', 'Dedicated caseworkers');
    await post(ben, 'Strengths', 'Staff who care about families');
    await post(cy, 'Weaknesses', 'Few foster homes in rural counties');
    await post(ana, 'Threats', 'Court backlog delays permanency');
    await post(ben, 'Opportunities', 'New partnership with the school district');
    await post(cy, 'Threats', 'Turnover among new caseworkers');
    await expect.poll(() => con.getByText('Turnover among new caseworkers').count()).toBeGreaterThan(0);
    expect(await board.getByText('Dedicated caseworkers').count()).toBe(0);
    await shots('swot-brainstorm', [['console', con], ['board', board], ['phone', ana]]);

    await con.getByRole('button', { name: 'Next step: Reveal' }).click();
    await expect.poll(() => board.getByText('Few foster homes in rural counties').count()).toBeGreaterThan(0);
    await expect.poll(() => ben.getByText('Court backlog delays permanency').count()).toBeGreaterThan(0);
    await shots('swot-reveal', [['console', con], ['board', board], ['phone', ben]]);

    await con.getByRole('button', { name: 'Next step: Cluster' }).click();
    // The keyboard way: the note's "Move to…" menu, then its Move button.
    const menu = con.getByRole('combobox', { name: 'Move "Staff who care about families" to' });
    await menu.selectOption({ label: 'With: Dedicated caseworkers' });
    await menu.locator('xpath=ancestor::form').getByRole('button', { name: /^Move "/ }).click();
    const group = con.locator('.flow-group').filter({ has: con.locator('.flow-note-text', { hasText: 'Staff who care' }) });
    await expect.poll(() => group.count()).toBe(1);
    await group.getByLabel('Group name').fill('Our people');
    await group.getByRole('button', { name: 'Name group' }).click();
    await expect.poll(() => board.getByText('Our people').count()).toBeGreaterThan(0);
    // Every card of the cluster board carries Edit and Delete.
    expect(await con.getByRole('button', { name: 'Delete note: Turnover among new caseworkers' }).count()).toBe(1);
    await shots('swot-cluster', [['console', con], ['board', board], ['phone', cy]]);

    await con.getByRole('button', { name: 'Next step: Dot vote' }).click();
    const dot = async (p: Page, what: string, times = 1) => {
      for (let i = 0; i < times; i++) await p.getByRole('button', { name: `Add a dot to ${what}` }).click();
    };
    await dot(ana, 'Our people', 2);
    await dot(ana, 'Court backlog delays permanency');
    await dot(ben, 'Our people');
    await dot(ben, 'Court backlog delays permanency', 2);
    await dot(cy, 'Few foster homes in rural counties', 2);
    await dot(cy, 'Court backlog delays permanency');
    await expect.poll(() => cy.getByText('2 of 5 dots left').count()).toBe(1);
    await expect.poll(() => con.getByText(/3 people have voted/).count()).toBe(1);
    await shots('swot-vote', [['console', con], ['board', board], ['phone', cy]]);

    await con.getByRole('button', { name: 'Next step: Results' }).click();
    await expect.poll(() => board.locator('.result').count()).toBe(5);
    await con.getByRole('checkbox', { name: 'Carry forward Our people' }).check();
    await con.getByRole('checkbox', { name: 'Carry forward Court backlog delays permanency' }).check();
    await con.getByRole('checkbox', { name: 'Carry forward Few foster homes in rural counties' }).check();
    await expect.poll(() => board.getByText('Carries forward').count()).toBe(3);
    expect(await cutOffElements(board)).toEqual([]);
    await shots('swot-results', [['console', con], ['board', board], ['phone', ana]]);

    await con.getByRole('button', { name: 'Go to Priorities to carry forward' }).click();
    for (const p of [con, board, ana]) await expect.poll(() => p.locator('.carried-list li').count()).toBe(3);
    expect(await board.locator('.carried-list li').first().innerText()).toContain('Court backlog delays permanency');
    expect(await cutOffElements(board)).toEqual([]);
    await con.getByRole('button', { name: 'Make a carry-forward code' }).click();
    const carryCode = (await con.getByTestId('carry-code').innerText()).trim();
    await shots('priorities', [['console', con], ['board', board], ['phone', ana]]);

    // Day 2. A new session from the vision-retreat template; the carried items come in by the code, typed by nobody.
    await con.goto(`${app.url}/`);
    await con.getByLabel('Template').selectOption('vision-retreat');
    await con.getByRole('button', { name: 'Create session' }).click();
    await con.getByLabel('Carry-forward code').fill(carryCode);
    await con.getByRole('button', { name: 'Import by code' }).click();
    await expect.poll(() => con.getByText('Imported: the carried items').count()).toBe(1);
    const code2 = (await con.getByTestId('join-code').innerText()).trim();
    expect(code2).not.toBe(code);
    await board.goto(`${app.url}/board/${code2}`);
    for (const [p, name] of [[ana, 'Ana'], [ben, 'Ben'], [cy, 'Cy']] as const) await joinOnPhone(p, app.url, code2, name);
    await shots('vision-import', [['console', con], ['board', board], ['phone', ana]]);

    // "Current mission, vision and values": the session's context, entered once here, with the carried items.
    await con.getByRole('button', { name: 'Go to Current mission, vision and values' }).click();
    await con.getByRole('heading', { name: 'Current mission, vision and values' }).first().waitFor();
    const card = con.locator('section', { has: con.getByRole('heading', { name: 'Where we are now' }) });
    await card.getByLabel('Mission').fill('Every child safe, every family strong.');
    await card.getByLabel('Vision').fill('Children thrive in safe, permanent families.');
    await card.getByLabel('Values').fill('Respect, partnership, accountability.');
    await card.getByRole('button', { name: 'Save context' }).click();
    for (const p of [con, board, ana]) {
      await expect.poll(() => p.getByText('Every child safe, every family strong.').first().isVisible()).toBe(true);
      await expect.poll(() => p.locator('.vision-carried li').count()).toBe(3);
      expect(await p.locator('.vision-carried').innerText()).toContain('Court backlog delays permanency');
    }
    expect(await cutOffElements(board)).toEqual([]);
    await ana.locator('.vision-carried').scrollIntoViewIfNeeded();
    await shots('vision-current-mission', [['console', con], ['board', board], ['phone', ana]]);

    // The preferred-future brainstorm shows the same context, carried items included, on every screen.
    await con.getByRole('button', { name: 'Go to Preferred future: phrases' }).click();
    for (const p of [con, board]) {
      await expect.poll(() => p.locator('.vision-carried li').count()).toBe(3);
      expect(await p.locator('.vision-carried').innerText()).toContain('Our people');
    }
    // Open on the phone during the brainstorm: the carried items are in sight, not a tap away.
    await expect.poll(() => ben.locator('.vision-carried li').count()).toBe(3);
    // Polled: the phone opens the list once it has the item's step, a frame after the items themselves.
    await expect.poll(() => ben.locator('.vision-carried li').first().isVisible()).toBe(true);
    // Retried: the list can be drawn again while the item's screen finishes loading.
    await expect.poll(() => ben.locator('.vision-carried').scrollIntoViewIfNeeded({ timeout: 1000 }).then(() => true, () => false)).toBe(true);
    expect(await cutOffElements(board)).toEqual([]);
    await shots('vision-preferred-future', [['console', con], ['board', board], ['phone', ben]]);
  }, 300_000);
});
