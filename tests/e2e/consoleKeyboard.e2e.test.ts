import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { allNotes } from '../../shared/session/notes.js';
import { flowOf } from '../../shared/modules/flow/flow.state.js';
import { SENTENCES, sendOk } from '../support/workshopText.js';
import { hasChromium, joinOnPhone, useRoom, type Room } from '../support/browser.js';
import { client, closeClients, createSession, itemOfType, waitFor, type Created } from '../support/harness.js';

const LAPTOP = { width: 1280, height: 800 };
const QUADRANTS = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];


/** A data retreat on its SWOT item with `perQuadrant` notes in each quadrant from one phone (a socket client). */
async function swotWithNotes(room: Room, perQuadrant: number): Promise<{ s: Created; fac: SessionClient; itemId: string }> {
  const s = await createSession(room.app, { templateId: 'data-retreat' });
  const fac = client(room.app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  const itemId = itemOfType(fac, 'swot');
  await sendOk(fac, { type: 'agenda.goto', payload: { itemId } });
  const ana = client(room.app);
  await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
  for (let i = 0; i < perQuadrant * 4; i++)
    await sendOk(ana, { type: 'note.add', payload: { itemId, column: QUADRANTS[i % 4] ?? 'Threats', text: `${SENTENCES[i % SENTENCES.length]} (${i + 1})` } });
  return { s, fac, itemId };
}

const consoleUrl = (room: Room, s: Created) => s.facilitatorUrl.replace(/^http:\/\/[^/]+/, room.app.url);

/** What the focused element is, in words a failure can show. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    const text = (el.textContent ?? '').trim().slice(0, 60) || (el.getAttribute('placeholder') ?? '');
    return `${el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? ''}|${el.id}|${text}`;
  });

/** Presses Tab (or Shift+Tab) until the focused element matches; returns how many presses it took. */
async function tabTo(page: Page, what: RegExp, max = 80, key = 'Tab'): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(key);
    if (what.test(await focused(page))) return n;
  }
  throw new Error(`${what} not reached in ${max} Tabs (last: ${await focused(page)})`);
}

describe.skipIf(!hasChromium)('the console on a laptop, and by keyboard', () => {
  const openedRoom = useRoom();
  afterEach(() => closeClients());

  it('fits a 1280x800 laptop in every step: current item, timer and live panel above the fold, page at most two screens', async () => {
    const room = openedRoom();
    const { s, fac, itemId } = await swotWithNotes(room, 7);
    const con = await room.page(LAPTOP);
    await con.goto(consoleUrl(room, s));
    await expect.poll(() => con.locator('.flow-console').count()).toBe(1);
    const measure = async (name: string) => {
      await con.waitForTimeout(200);
      const m = await con.evaluate(() => {
        const top = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? Infinity;
        return {
          page: document.documentElement.scrollHeight,
          heading: top('#current-heading'),
          timer: top('.console-current [role="timer"]'),
          live: top('.console-current .flow-console, .console-current .card[aria-labelledby="board-heading"]'),
        };
      });
      await room.shot(con, `console-laptop-${name}`);
      expect(m.page, `${name}: page height`).toBeLessThanOrEqual(2 * LAPTOP.height);
      for (const [what, y] of Object.entries({ heading: m.heading, timer: m.timer, live: m.live }))
        expect(y, `${name}: ${what} above the fold`).toBeLessThan(LAPTOP.height - 100);
      return m;
    };
    await measure('swot-brainstorm');
    for (const to of ['reveal', 'cluster', 'vote', 'results'] as const) {
      await sendOk(fac, { type: 'flow.advance', payload: { itemId, to } });
      await expect.poll(() => con.locator('.phase-step--current').innerText()).toContain(
        { reveal: 'Reveal', cluster: 'Cluster', vote: 'Dot vote', results: 'Results' }[to],
      );
      await measure(`swot-${to}`);
    }
    // The spotlight and the board's pages, from the console.
    const spot = con.getByRole('button', { name: /^Spotlight ".*" on the board$/ }).first();
    await spot.click();
    await waitFor(() => fac.snap.state.boardDisplay?.target?.itemId === itemId, 'the spotlight');
    await expect.poll(() => con.getByRole('button', { name: /^Take ".*" off the board$/ }).count()).toBe(1);
    await con.getByRole('button', { name: 'Pause pages' }).click();
    await waitFor(() => fac.snap.state.boardDisplay?.pagingPaused === true, 'paging paused');
    await expect.poll(() => con.getByText('Board: pages paused').count()).toBe(1);
    await con.getByRole('button', { name: 'Clear spotlight' }).click();
    await waitFor(() => fac.snap.state.boardDisplay?.target === undefined, 'the spotlight cleared');
    await expect.poll(() => con.getByRole('button', { name: /^Take ".*" off the board$/ }).count()).toBe(0);
    // An open note board, and the full agenda opened to edit the plan.
    await con.getByRole('button', { name: 'Go to Environmental scan: the data picture' }).click();
    await expect.poll(() => con.locator('#board-heading').count()).toBe(1);
    await measure('board');
    await con.getByRole('button', { name: 'Edit agenda' }).click();
    await expect.poll(() => con.getByRole('button', { name: 'Fold to a list' }).count()).toBe(1);
    await measure('agenda-open');
    await con.getByRole('button', { name: 'Fold to a list' }).click();
  });

  // The vision console is a column of panels (context, phrases, statement, crosswalk): its first panel is in view and
  // the page is one screen; the phrases board itself may need the column scrolled.
  it('fits the vision retreat on a laptop too: its first panel above the fold, one screen', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'vision-retreat' });
    const fac = client(room.app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const itemId = fac.snap.state.agenda.filter((i) => i.moduleType === 'vision').at(-1)?.id ?? '';
    await sendOk(fac, { type: 'agenda.goto', payload: { itemId } });
    const con = await room.page(LAPTOP);
    await con.goto(consoleUrl(room, s));
    await expect.poll(() => con.locator('.flow-console').count()).toBe(1);
    await con.waitForTimeout(200);
    const m = await con.evaluate(() => ({
      page: document.documentElement.scrollHeight,
      live: document.querySelector('.console-current > .card:first-child')?.nextElementSibling?.getBoundingClientRect().top ?? Infinity,
      timer: document.querySelector('.console-current [role="timer"]')?.getBoundingClientRect().top ?? Infinity,
    }));
    await room.shot(con, 'console-laptop-vision');
    expect(m.page).toBeLessThanOrEqual(2 * LAPTOP.height);
    expect(m.timer).toBeLessThan(LAPTOP.height - 100);
    expect(m.live).toBeLessThan(LAPTOP.height - 100);
  });

  it('clusters and votes with the keyboard alone; "Move to…" acts only on Move and keeps the focus on the note', async () => {
    const room = openedRoom();
    const { s, fac, itemId } = await swotWithNotes(room, 2);
    await sendOk(fac, { type: 'flow.advance', payload: { itemId, to: 'reveal' } });
    await sendOk(fac, { type: 'flow.advance', payload: { itemId, to: 'cluster' } });
    const con = await room.page(LAPTOP);
    await con.goto(consoleUrl(room, s));
    await expect.poll(() => con.locator('.move-to').count()).toBe(8);

    // The skip link comes first and lands on the current item (a landmark).
    await con.keyboard.press('Tab');
    expect(await focused(con)).toMatch(/^a\|\|\|Skip to the current item/);
    await con.keyboard.press('Enter');
    expect(await focused(con)).toMatch(/^main\|\|current-item\|/);
    expect(await con.getByRole('main').count()).toBe(1);
    const tabs = await tabTo(con, /^select\|\|.*\|Move to/);
    console.log(`console_tabs_to_first_note=${tabs}`);
    expect(tabs).toBeLessThanOrEqual(20);

    // The first note of Strengths, and the note it goes with.
    const strengths = allNotes(fac.snap.state).filter((n) => n.itemId === itemId && n.column === 'Strengths');
    const label = await con.evaluate(() => document.querySelector('label[for="' + document.activeElement?.id + '"]')?.textContent ?? '');
    const moving = strengths.find((n) => label.includes(n.text.slice(0, 30)));
    if (!moving) throw new Error(`no Strengths note for the menu "${label}"`);
    // Arrows browse the choices; nothing moves, and the focus stays.
    await con.keyboard.press('ArrowDown');
    await con.waitForTimeout(400);
    expect(await con.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toMatch(/^note:/);
    expect(Object.keys(flowOf(fac.snap.state, itemId).groups)).toEqual([]);
    expect(await focused(con)).toMatch(/^select\|/);
    await con.keyboard.press('Tab');
    expect(await focused(con)).toMatch(/^button\|Move "/);
    await con.keyboard.press('Enter');
    await waitFor(() => Object.keys(flowOf(fac.snap.state, itemId).groups).length === 1, 'the group');
    // The note is now in a group, drawn anew: its menu has the focus.
    await expect.poll(() => con.evaluate(() => document.querySelector('label[for="' + document.activeElement?.id + '"]')?.textContent ?? '')).toContain(
      moving.text.slice(0, 30),
    );
    await room.shot(con, 'keyboard-1-grouped');

    // Name the group, then on to the vote, all by keyboard.
    await tabTo(con, /^input\|.*Group name$/, 80, 'Shift+Tab');
    await con.keyboard.type('Our partners');
    await con.keyboard.press('Enter');
    await waitFor(() => Object.values(flowOf(fac.snap.state, itemId).groups).some((g) => g.name === 'Our partners'), 'the group name');
    await tabTo(con, /Next step: Dot vote/, 80, 'Shift+Tab');
    await con.keyboard.press('Enter');
    await waitFor(() => flowOf(fac.snap.state, itemId).phase === 'vote', 'the vote');

    // A phone votes by keyboard: two dots on the group, one taken back.
    const phone = await room.phone();
    await joinOnPhone(phone, room.app.url, s.joinCode, 'Ben');
    await expect.poll(() => phone.getByRole('button', { name: 'Add a dot to Our partners' }).count()).toBe(1);
    await tabTo(phone, /^button\|Add a dot to Our partners/);
    await phone.keyboard.press('Enter');
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.getByLabel('Your dots on this: 2').count()).toBe(1);
    await phone.keyboard.press('Shift+Tab');
    expect(await focused(phone)).toMatch(/^button\|Take a dot back from Our partners/);
    await phone.keyboard.press('Enter');
    await expect.poll(() => phone.getByLabel('Your dots on this: 1').count()).toBe(1);
    await room.shot(phone, 'keyboard-2-vote-phone');
    await room.shot(con, 'keyboard-3-vote-console');
  });
});
