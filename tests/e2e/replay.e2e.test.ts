import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { hasChromium, openSwotDay, useRoom } from '../support/browser.js';
import { client, closeClients, itemOfType } from '../support/harness.js';
import { Steps } from '../support/wire.js';

const boardText = (page: Page) => page.locator('.board-item').innerText();

describe.skipIf(!hasChromium)('a replay on the projector', () => {
  const openedRoom = useRoom();

  it('a trainer opens a replay from the console, scrubs to two moments, and the board shows what it showed then', async () => {
    const room = openedRoom();
    const { s, con, board } = await openSwotDay(room);
    const steps = new Steps();
    const fac = client(room.app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const phones: SessionClient[] = [];
    for (const name of ['Ana', 'Ben']) {
      const p = client(room.app);
      expect((await p.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
      phones.push(p);
    }
    await steps.inStep([fac]);
    const swot = itemOfType(fac, 'swot');
    const settled = async (text: RegExp) => {
      await steps.inStep([fac]);
      await expect.poll(() => boardText(board)).toMatch(text);
      await board.waitForTimeout(400);
      return { seq: fac.snap.state.seq, text: await boardText(board), title: await board.locator('.board-session').innerText() };
    };

    // Moment 1: the silent brainstorm, two private notes the board only counts.
    await steps.ok(phones[0]!, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'Court backlog grows' } });
    await steps.ok(phones[1]!, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'Youth advisory board' } });
    const first = await settled(/Strengths\s+1 note[\s\S]*Threats\s+1 note/);
    expect(first.text).not.toContain('Court backlog');
    await room.shot(board, 'replay-live-1');
    // Moment 2: revealed, the notes' text for all to read.
    await steps.ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'reveal' } });
    const second = await settled(/Court backlog grows/);
    await room.shot(board, 'replay-live-2');
    // The session goes on after both moments.
    await steps.ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'cluster' } });
    await steps.ok(fac, { type: 'agenda.next', payload: {} });
    await steps.inStep([fac]);

    // The console's Replay opens a new tab and hands it the key there: no link or address holds it.
    expect(await con.locator('[href*="key="]').count()).toBe(0);
    const [replay] = await Promise.all([con.context().waitForEvent('page'), con.getByRole('button', { name: 'Replay' }).click()]);
    await replay.setViewportSize({ width: 1920, height: 1080 });
    const scrub = replay.getByRole('slider', { name: 'Moment in the session' });
    await expect.poll(() => scrub.count()).toBe(1);
    expect(replay.url()).toBe(`${room.app.url}/replay/${s.sessionId}`);
    expect(await replay.evaluate(() => history.length)).toBe(1);

    await scrub.fill(String(first.seq));
    await expect.poll(() => boardText(replay)).toBe(first.text);
    expect(await replay.locator('.board-session').innerText()).toBe(first.title);
    expect(await replay.locator('body').innerText()).not.toContain('Court backlog');
    await expect.poll(() => replay.getByTestId('replay-time').innerText()).toMatch(/\d:\d\d:\d\d/);
    await room.shot(replay, 'replay-moment-1');

    // By keyboard: one arrow press is one event.
    await scrub.focus();
    for (let i = first.seq; i < second.seq; i++) await replay.keyboard.press('ArrowRight');
    await expect.poll(() => boardText(replay)).toBe(second.text);
    await room.shot(replay, 'replay-moment-2');

    // Played at 32x from the first moment, it runs to the end of the log and stops there.
    await scrub.fill(String(first.seq));
    await replay.getByLabel('Speed').selectOption('32');
    await replay.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => replay.getByText(`event ${fac.snap.state.seq} of ${fac.snap.state.seq}`).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => replay.getByRole('button', { name: 'Play' }).count()).toBe(1);
    await expect.poll(() => boardText(replay)).toContain('Priorities to carry forward');

    // At the end of a live session the replay follows it: what happens after it was opened appears.
    await expect.poll(() => replay.getByRole('status').filter({ hasText: 'Live' }).count()).toBe(1);
    const next = fac.snap.state.agenda[fac.snap.state.agenda.findIndex((i) => i.id === fac.snap.state.currentItemId) + 1]!;
    await steps.ok(fac, { type: 'agenda.next', payload: {} });
    await steps.inStep([fac]);
    await expect.poll(() => replay.locator('#board-item-title').innerText(), { timeout: 20_000 }).toBe(next.title);
    await expect.poll(() => replay.getByText(`event ${fac.snap.state.seq} of ${fac.snap.state.seq}`).count()).toBe(1);
    await room.shot(replay, 'replay-following');

    // Jump to a step: the reveal is the second moment.
    const jump = replay.getByLabel('Jump to');
    await jump.selectOption((await jump.locator('option', { hasText: 'Reveal' }).getAttribute('value')) ?? '');
    await expect.poll(() => boardText(replay)).toBe(second.text);
    await jump.selectOption((await jump.locator('option', { hasText: 'Priorities to carry forward' }).getAttribute('value')) ?? '');
    await expect.poll(() => replay.locator('#board-item-title').innerText()).toBe('Priorities to carry forward');

    // Nothing in a replay can send: the console view's buttons are all disabled. Another view keeps the moment.
    await scrub.fill(String(second.seq));
    await replay.getByRole('button', { name: 'Console' }).click();
    await expect.poll(() => replay.locator('fieldset.replay-readonly').count()).toBe(1);
    await expect.poll(() => replay.getByText('Loading…').count()).toBe(0);
    await room.shot(replay, 'replay-console');
    expect(await replay.locator('fieldset.replay-readonly :is(button, input, select, textarea):enabled').count()).toBe(0);
    await replay.getByRole('button', { name: 'Phone' }).click();
    await expect.poll(() => replay.locator('.replay-phone').count()).toBe(1);
    await expect.poll(() => replay.getByText('Loading…').count()).toBe(0);
    await expect.poll(() => replay.locator('.replay-phone').innerText()).toContain('Court backlog grows');
    await room.shot(replay, 'replay-phone');
    await replay.setViewportSize({ width: 1280, height: 800 });
    await replay.getByRole('button', { name: 'Console' }).click();
    await expect.poll(() => replay.getByText('Loading…').count()).toBe(0);
    await room.shot(replay, 'replay-console-laptop');

    // The projector's own machine, without the console: the replay asks for the console link, in a hidden field.
    const projector = await room.page({ width: 1920, height: 1080 });
    await projector.goto(`${room.app.url}/replay/${s.sessionId}`);
    const field = projector.getByLabel('Console link');
    await expect.poll(() => field.count(), { timeout: 10_000 }).toBe(1);
    expect(await field.getAttribute('type')).toBe('password');
    await room.shot(projector, 'replay-paste-link');
    await field.fill(`${room.app.url}/board/${s.joinCode}`);
    await projector.getByRole('button', { name: 'Open the replay' }).click();
    await expect.poll(() => projector.getByRole('alert').innerText()).toBe('That is not a console link: it starts with /facilitate/ and ends with #key=…');
    await field.fill(s.facilitatorUrl);
    await projector.getByRole('button', { name: 'Open the replay' }).click();
    await expect.poll(() => projector.getByRole('slider', { name: 'Moment in the session' }).count()).toBe(1);
    expect(projector.url()).toBe(`${room.app.url}/replay/${s.sessionId}`);
    await expect.poll(() => projector.locator('.board-session').innerText()).toBe(first.title);
    closeClients();
  });
});
