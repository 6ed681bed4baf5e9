import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { hasChromium, useRoom } from '../support/browser.js';
import { cutOffElements } from '../support/clipping.js';
import { client, closeClients, createSession, itemOfType } from '../support/harness.js';
import { Steps } from '../support/wire.js';

const boardText = (page: Page) => page.locator('.board-item').innerText();

/** Board elements the replay's controls cover, and any page wider or taller than the projector. */
async function hiddenOnProjector(page: Page): Promise<string[]> {
  const covered = await page.evaluate(() => {
    const bar = document.querySelector('.replay-bar')?.getBoundingClientRect();
    if (!bar) return [];
    return [...document.querySelectorAll('.board, .board *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.bottom > bar.top + 1 && r.top < bar.bottom && r.right > bar.left && r.left < bar.right;
      })
      .map((el) => `${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}": under the replay controls`);
  });
  const size = await page.evaluate(() => {
    const d = document.documentElement;
    return d.scrollWidth > d.clientWidth || d.scrollHeight > d.clientHeight ? [`the page scrolls: ${d.scrollWidth}x${d.scrollHeight}`] : [];
  });
  return [...covered, ...size, ...(await cutOffElements(page))];
}

describe.skipIf(!hasChromium)('a replay on the projector’s own machine', () => {
  const openedRoom = useRoom();

  it('a trainer pastes the console link, plays at 32x, jumps, scrubs to two moments, live and after the end: the board shows what it showed then', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const steps = new Steps();
    const fac = client(room.app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const phones: SessionClient[] = [];
    for (const name of ['Ana', 'Ben']) {
      const p = client(room.app);
      expect((await p.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
      phones.push(p);
    }
    const live = await room.page({ width: 1920, height: 1080 });
    await live.goto(`${room.app.url}/board/${s.joinCode}`);
    const swot = itemOfType(fac, 'swot');
    const settled = async (text: RegExp) => {
      await steps.inStep([fac]);
      await expect.poll(() => boardText(live)).toMatch(text);
      await live.waitForTimeout(400);
      return { seq: fac.snap.state.seq, text: await boardText(live), title: await live.locator('#board-item-title').innerText() };
    };

    // What the room's projector showed, recorded live at three moments.
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: swot } });
    const entered = await settled(/SWOT|Strengths/);
    await steps.ok(phones[0]!, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'Court backlog grows' } });
    await steps.ok(phones[1]!, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'Youth advisory board' } });
    const first = await settled(/Strengths\s+1 note[\s\S]*Threats\s+1 note/);
    await room.shot(live, 'board-live-1');
    await steps.ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'reveal' } });
    const second = await settled(/Court backlog grows/);
    await room.shot(live, 'board-live-2');
    await steps.ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'cluster' } });
    await steps.ok(fac, { type: 'agenda.next', payload: {} });
    await steps.inStep([fac]);

    // Another machine, no shared storage: the replay asks for the console link.
    const projector = await room.page({ width: 1920, height: 1080 });
    await projector.goto(`${room.app.url}/replay/${s.sessionId}`);
    await projector.getByLabel('Console link').fill(s.facilitatorUrl);
    await projector.getByRole('button', { name: 'Open the replay' }).click();
    const scrub = projector.getByRole('slider', { name: 'Moment in the session' });
    await expect.poll(() => scrub.count()).toBe(1);

    const watch = async (when: string) => {
      await projector.getByRole('button', { name: 'Board', exact: true }).click();
      expect(await projector.getByRole('button', { name: 'Board', exact: true }).getAttribute('aria-pressed')).toBe('true');
      const last = fac.snap.state.seq;
      // Played from the first moment at 32x, it runs to the end of the log.
      await scrub.fill(String(first.seq));
      await projector.getByLabel('Speed').selectOption('32');
      await projector.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => projector.getByText(`event ${last} of ${last}`).count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => projector.getByRole('button', { name: 'Play' }).count()).toBe(1);
      // Jump to an agenda item: the SWOT as it was entered.
      const jump = projector.getByLabel('Jump to');
      const option = jump.locator('optgroup[label="Agenda items"] option', { hasText: 'SWOT analysis' });
      await jump.selectOption((await option.getAttribute('value')) ?? '');
      await expect.poll(() => boardText(projector), { message: when }).toBe(entered.text);
      expect(await projector.locator('#board-item-title').innerText()).toBe(entered.title);
      // Scrub to the two moments: the board as it was, to the letter, nothing cut off or under the controls.
      for (const [n, moment] of [first, second].entries()) {
        await scrub.fill(String(moment.seq));
        await expect.poll(() => boardText(projector), { message: `${when}, moment ${n + 1}` }).toBe(moment.text);
        expect(await projector.locator('#board-item-title').innerText()).toBe(moment.title);
        await expect.poll(() => projector.getByTestId('replay-time').innerText()).toMatch(/\d:\d\d:\d\d/);
        expect(await hiddenOnProjector(projector), `${when}, moment ${n + 1}`).toEqual([]);
        await room.shot(projector, `projector-${when}-${n + 1}`);
      }
    };

    // Live: the session is still running.
    await watch('live');
    expect(await projector.getByText('Court backlog grows').count()).toBeGreaterThan(0);
    await scrub.fill(String(first.seq));
    expect(await projector.locator('body').innerText()).not.toContain('Court backlog');

    // Finished: the facilitator ends the day; the projector reloads the replay (this tab kept its key) and plays it again.
    await steps.ok(fac, { type: 'session.end', payload: {} });
    await steps.inStep([fac]);
    await projector.reload();
    await expect.poll(() => scrub.count()).toBe(1);
    await watch('ended');
    // Controls hidden, the board takes the whole screen again, still whole; shown again, it steps back above them.
    await projector.getByRole('button', { name: 'Hide controls' }).click();
    await expect.poll(() => projector.locator('.board').evaluate((el) => Math.round(el.getBoundingClientRect().height))).toBe(1080);
    expect(await hiddenOnProjector(projector)).toEqual([]);
    expect(await boardText(projector)).toBe(second.text);
    await projector.getByRole('button', { name: 'Replay controls' }).click();
    await expect.poll(() => hiddenOnProjector(projector)).toEqual([]);
    closeClients();
  }, 90_000);

  it('a live replay that follows the room with its controls hidden still fits once they are shown again', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const steps = new Steps();
    const fac = client(room.app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const scan = itemOfType(fac, 'discussion');
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: scan } });
    const phone = client(room.app);
    expect((await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok).toBe(true);
    await steps.inStep([fac]);

    const projector = await room.page({ width: 1920, height: 1080 });
    await projector.goto(`${room.app.url}/replay/${s.sessionId}`);
    await projector.getByLabel('Console link').fill(s.facilitatorUrl);
    await projector.getByRole('button', { name: 'Open the replay' }).click();
    // Played to the end of the log, the replay follows the room.
    await projector.getByLabel('Speed').selectOption('32');
    await projector.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => projector.getByRole('status').filter({ hasText: 'Live' }).count(), { timeout: 15_000 }).toBe(1);
    await projector.getByRole('button', { name: 'Hide controls' }).click();
    // The room writes while the projector shows the whole screen: the board fits them to the full height.
    const column = fac.snap.state.agenda.find((i) => i.id === scan)!.columns[0] ?? '';
    for (let i = 0; i < 24; i++)
      await steps.ok(phone, { type: 'note.add', payload: { itemId: scan, column, text: `Finding ${i + 1}: ${'the data picture shows a longer wait for permanency in rural counties '.repeat(2)}` } });
    await steps.inStep([fac]);
    await expect.poll(() => projector.locator('.board-note').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => projector.getByText(/^Finding 24:/).count(), { timeout: 20_000 }).toBe(1);
    expect(await hiddenOnProjector(projector)).toEqual([]);
    // Controls back: the board steps above them and fits again, nothing cut or under them.
    await projector.keyboard.press('Escape');
    await expect.poll(() => projector.locator('.replay-bar').count()).toBe(1);
    await expect.poll(() => hiddenOnProjector(projector)).toEqual([]);
    // The page count ("1 of N") is that of the board's new height: every note has a page to be shown on.
    const paging = () =>
      projector.evaluate(() => {
        const el = document.querySelector<HTMLElement>('.board-pages')!;
        const stride = el.clientWidth + (parseFloat(getComputedStyle(el).columnGap) || 0);
        const needed = Math.max(1, Math.ceil((el.scrollWidth - el.clientWidth - 1) / stride) + 1);
        return { needed, said: /of (\d+)/.exec(document.querySelector('.board')?.textContent ?? '')?.[1] };
      });
    await expect.poll(async () => { const p = await paging(); return p.said === String(p.needed); }).toBe(true);
    await room.shot(projector, 'projector-live-following');
    closeClients();
  }, 60_000);
});
