import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REMOVED } from '../../shared/modules/people/people.logic.js';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';

/** Visible elements of the phone's page whose box overlaps the connection bar's (none may). */
const underTheBar = (p: Page) =>
  p.evaluate(() => {
    const bar = document.querySelector('.phone-status')!.getBoundingClientRect();
    const hits: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.phone-main h1, .phone-main h2, .phone-main p, .phone-main button, .phone-main label, .phone-main li')) {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || r.bottom <= 0 || r.top >= window.innerHeight) continue;
      if (r.top < bar.bottom && r.bottom > bar.top && r.left < bar.right && r.right > bar.left) hits.push(el.innerText.slice(0, 40));
    }
    return hits;
  });

describe.skipIf(!hasChromium)('participants in the browser', () => {
  const openedRoom = useRoom();

  it('the phone says who you are and renames; the console tells two Sams apart and removes one; the bar covers nothing', async () => {
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'data-retreat' });
    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    await con.getByRole('button', { name: 'Next item' }).click();
    const phones: Page[] = [await room.phone(), await room.phone(), await room.phone()];
    for (const [i, name] of ['Ana', 'Sam', 'Sam'].entries()) {
      await joinOnPhone(phones[i]!, app.url, s.joinCode, name);
      await expect.poll(() => phones[i]!.getByText(`You are ${name}`).count()).toBe(1);
    }

    // Rename on the phone: the console follows.
    await phones[0]!.getByRole('button', { name: 'Change name' }).click();
    await phones[0]!.getByLabel('Your name').fill('   ');
    await phones[0]!.getByRole('button', { name: 'Save name' }).click();
    expect(await phones[0]!.getByText('Please enter your name.').count()).toBe(1);
    await phones[0]!.getByLabel('Your name').fill('Ana Pérez');
    await phones[0]!.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => phones[0]!.getByText('You are Ana Pérez').count()).toBe(1);
    await expect.poll(() => con.getByRole('button', { name: 'Remove Ana Pérez' }).count()).toBe(1);
    // Two people called Sam can be told apart.
    expect(await con.getByRole('button', { name: 'Remove Sam', exact: true }).count()).toBe(1);
    expect(await con.getByRole('button', { name: 'Remove Sam (2)' }).count()).toBe(1);
    await room.shot(phones[0]!, 'people-1-phone-who');

    // Time on the item, next to the timer's, in the agenda (opened in full: it starts folded to a side list).
    await con.getByRole('button', { name: 'Edit agenda' }).click();
    expect(await con.locator('.agenda-row--current').innerText()).toMatch(/On the item \d+ min · Timer ran \d+ min/);

    // The second Sam is removed: their phone is told, and the console lists two people.
    await phones[2]!.getByLabel('Your note').fill('A note that stays');
    await phones[2]!.getByRole('button', { name: 'Post note' }).click();
    await expect.poll(() => con.getByText('A note that stays').count()).toBeGreaterThan(0);
    // The console names the note's author as it names the person: the second Sam.
    expect(await con.locator('.note-author').allInnerTexts()).toEqual(['Sam (2)']);
    await con.getByRole('button', { name: 'Remove Sam (2)' }).click();
    await room.shot(con, 'people-2-console-confirm');
    await con.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => phones[2]!.getByText(REMOVED).count()).toBe(1);
    expect(await phones[2]!.getByRole('heading', { name: 'You were removed from this session' }).count()).toBe(1);
    await expect.poll(() => con.getByRole('button', { name: /^Remove Sam/ }).count()).toBe(1);
    expect(await con.getByText('A note that stays').count()).toBeGreaterThan(0);
    await expect.poll(() => con.locator('.note-author').allInnerTexts()).toEqual(['']);
    await room.shot(phones[2]!, 'people-3-phone-removed');
    await room.shot(con, 'people-3-console');

    // The connection bar covers nothing, at the top and scrolled.
    for (const y of [0, 150, 400, 10_000]) {
      await phones[1]!.evaluate((to) => window.scrollTo(0, to), y);
      expect(await underTheBar(phones[1]!)).toEqual([]);
    }
    await room.shot(phones[1]!, 'people-4-phone-scrolled');
  }, 120_000);
});
