import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { cutOffElements } from '../support/clipping.js';
import { client, closeClients, createSession, waitFor } from '../support/harness.js';
import { MAX_VALUES, STARTER_VALUES, surveyOf } from '../../shared/modules/values/values.state.js';

/** Where this test leaves its screenshots, one per screen per step, to be looked at. */
const SHOTS = process.env.VALUES_SHOTS ?? '/tmp/values-shots';

/** The value card of `name` on a phone, and a tap on one of its scale's buttons. */
const card = (p: Page, name: string) => p.locator('li.vs-value', { has: p.getByRole('heading', { name, exact: true }) });
const rate = (p: Page, value: string, scale: 'Importance' | 'Practice', score: number) =>
  p.getByRole('button', { name: new RegExp(`^${value}, ${scale}: ${score},`) }).tap();

/**
 * The core-values survey through the screens: the facilitator (laptop, 1280x800) adds a survey item, adds the starter
 * list and opens the survey; two phones (360x740, touch) rate, one proposes a value the facilitator accepts; the board
 * (1920x1080) shows the live counts, then the results ranked by gap, nothing cut off. A rating that arrives after the
 * survey closed stays on its phone as not counted, and is sent again once the survey reopens.
 */
describe.skipIf(!hasChromium)('the core-values survey', () => {
  const openedRoom = useRoom();
  afterAll(closeClients);

  it('starter list, two phones rate, a proposal accepted, live counts, then the results chart ranked by gap', async () => {
    const room = openedRoom();
    const { app } = room;
    fs.mkdirSync(SHOTS, { recursive: true });
    let step = 0;
    const shots = async (name: string, pages: [string, Page][]) => {
      step += 1;
      for (const [screen, p] of pages) await p.screenshot({ path: path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}-${screen}.png`) });
    };

    const s = await createSession(app, { templateId: 'data-retreat' });
    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    await con.getByRole('button', { name: 'Edit agenda' }).click();
    await con.getByRole('button', { name: 'Add agenda item…' }).click();
    await con.getByLabel('Item title').fill('Core values survey');
    await con.getByLabel('Type').selectOption('values');
    await con.getByLabel('Prompt').fill('How important is each value, and how consistently do we live it today?');
    await con.getByRole('button', { name: 'Add item' }).click();
    await con.getByRole('button', { name: 'Fold to a list' }).click();
    await con.getByRole('button', { name: 'Go to Core values survey' }).click();
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    const ana = await room.phone();
    const ben = await room.phone();
    await joinOnPhone(ana, app.url, s.joinCode, 'Ana');
    await joinOnPhone(ben, app.url, s.joinCode, 'Ben');
    await expect.poll(() => ana.getByRole('heading', { name: 'Propose a value' }).count()).toBe(1);

    // The starter list in one click; the survey opens.
    await con.getByRole('button', { name: /^Add the starter list/ }).click();
    await expect.poll(() => board.locator('.vs-board-value').count()).toBe(STARTER_VALUES.length);
    await expect.poll(() => ana.locator('li.vs-value').count()).toBe(STARTER_VALUES.length);
    await con.getByRole('button', { name: 'Open the survey' }).click();
    await expect.poll(() => ana.getByRole('button', { name: /^Partnership, Importance: 5,/ }).isEnabled()).toBe(true);
    await con.getByRole('heading', { name: /^Values \(/ }).scrollIntoViewIfNeeded();
    await shots('open', [['console', con], ['board', board], ['phone', ana]]);

    // Ben proposes a value; the facilitator accepts it; both phones see it, Ben with its status.
    await ben.getByLabel('A value to add to the survey').fill('Transparency');
    await ben.getByRole('button', { name: 'Propose' }).tap();
    await expect.poll(() => ben.getByText('Waiting for the facilitator.').count()).toBe(1);
    await con.getByRole('button', { name: 'Accept Transparency' }).click();
    await expect.poll(() => ben.getByText('Accepted as “Transparency”.').count()).toBe(1);
    await expect.poll(() => card(ana, 'Transparency').count()).toBe(1);

    // Two phones rate; each sees its own answers marked, and the board counts live.
    await rate(ana, 'Partnership', 'Importance', 5);
    await rate(ana, 'Partnership', 'Practice', 2);
    await rate(ana, 'Shared responsibility', 'Importance', 4);
    await rate(ana, 'Shared responsibility', 'Practice', 4);
    await rate(ana, 'Transparency', 'Importance', 5);
    await rate(ana, 'Transparency', 'Practice', 1);
    await rate(ben, 'Partnership', 'Importance', 4);
    await rate(ben, 'Partnership', 'Practice', 3);
    await rate(ben, 'Transparency', 'Importance', 4);
    await expect.poll(() => card(ana, 'Partnership').getByText('Your answer: 5, Essential').count()).toBe(1);
    await expect.poll(() => board.getByText('2 people have answered').count()).toBe(1);
    await expect.poll(() => board.locator('.vs-board-value', { hasText: 'Partnership' }).innerText()).toContain('2 answers');
    expect(await board.locator('.vs-board-value', { hasText: 'Shared responsibility' }).innerText()).toContain('1 answer');
    // Ben's phone shows Ben's answers only.
    expect(await card(ben, 'Partnership').getByRole('button', { pressed: true }).count()).toBe(2);
    expect(await card(ben, 'Shared responsibility').getByRole('button', { pressed: true }).count()).toBe(0);
    // Withdraw one answer.
    await card(ana, 'Shared responsibility').getByRole('button', { name: /^Withdraw your practice answer/ }).tap();
    await expect.poll(() => card(ana, 'Shared responsibility').getByRole('button', { pressed: true }).count()).toBe(1);
    expect(await cutOffElements(board)).toEqual([]);
    await card(ana, 'Transparency').scrollIntoViewIfNeeded();
    await shots('rating', [['console', con], ['board', board], ['phone', ana]]);

    // Ben's Wi-Fi drops while he rates; the survey closes before his answer arrives: not counted, kept on his phone.
    await ben.context().setOffline(true);
    await expect.poll(() => ben.getByText('Offline').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await rate(ben, 'Transparency', 'Practice', 3);
    await con.getByRole('button', { name: 'Close the survey' }).click();
    await expect.poll(() => con.getByRole('button', { name: 'Reopen the survey' }).count()).toBe(1);
    await ben.context().setOffline(false);
    const notCounted = card(ben, 'Transparency').locator('.vs-not-counted');
    await expect.poll(() => notCounted.count(), { timeout: 20_000 }).toBe(1);
    expect(await notCounted.innerText()).toContain('The survey closed before your answer arrived, so it was not counted.');
    expect(await notCounted.innerText()).toContain('If the facilitator reopens the survey, you can send it again.');
    await notCounted.scrollIntoViewIfNeeded();
    await shots('not-counted', [['console', con], ['phone', ben]]);

    // Reopened: Ben sends it again, and it counts.
    await con.getByRole('button', { name: 'Reopen the survey' }).click();
    await notCounted.getByRole('button', { name: 'Send it again' }).tap();
    await expect.poll(() => notCounted.count()).toBe(0);
    await expect.poll(() => card(ben, 'Transparency').getByText('Your answer: 3, Sometimes lived').count()).toBe(1);
    await con.getByRole('button', { name: 'Close the survey' }).click();

    // The results: ranked by gap on every screen, the top-gap values marked.
    await con.getByRole('button', { name: 'Show results' }).click();
    await expect.poll(() => board.locator('.vs-result').count()).toBe(STARTER_VALUES.length + 1);
    const names = await board.locator('.vs-result-name').allInnerTexts();
    // Transparency: 4.5 - 2.0 = 2.5; Partnership: 4.5 - 2.5 = 2.0; the rest have no gap.
    expect(names.slice(0, 2)).toEqual(['Transparency', 'Partnership']);
    expect(await board.locator('.vs-result').first().innerText()).toContain('gap 2.5');
    expect(await board.locator('.vs-result--top').count()).toBe(2);
    expect(await cutOffElements(board)).toEqual([]);
    await expect.poll(() => ana.getByRole('heading', { name: 'Results, ranked by gap' }).count()).toBe(1);
    expect(await con.locator('.vs-results-table tbody tr').first().innerText()).toContain('Transparency');
    await ana.getByRole('heading', { name: 'Results, ranked by gap' }).scrollIntoViewIfNeeded();
    await shots('results', [['console', con], ['board', board], ['phone', ana]]);

    // The follow-up on the console: who to involve, and an action for the top-gap value.
    await con.getByLabel('Add who').fill('Front-line caseworkers');
    await con.getByRole('button', { name: 'Add', exact: true }).click();
    const actions = con.getByRole('region', { name: 'Actions for Transparency' });
    await actions.getByLabel('Action').fill('Share the monthly data report with all staff');
    await actions.getByLabel('Owner').fill('Deputy director');
    await actions.getByLabel('By when').fill('March');
    await actions.getByRole('button', { name: 'Add action' }).click();
    await expect.poll(() => actions.getByText('Share the monthly data report with all staff').count()).toBe(1);
    await expect.poll(() => con.getByText('Front-line caseworkers').count()).toBeGreaterThan(0);
    await actions.scrollIntoViewIfNeeded();
    await shots('follow-up', [['console', con]]);
  }, 180_000);
  it('with the most values, long names and answers on every one, the board pages its counts and its results, nothing cut off', async () => {
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'data-retreat' });
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const added = await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Core values survey', plannedMinutes: 30, moduleType: 'values', prompt: '', facilitatorNotes: '' } } });
    expect(added.ok).toBe(true);
    await waitFor(() => fac.snap.state.agenda.some((i) => i.moduleType === 'values'), 'the survey item');
    const itemId = fac.snap.state.agenda.find((i) => i.moduleType === 'values')?.id ?? '';
    await fac.send({ type: 'agenda.goto', payload: { itemId } });
    const long = (i: number) => `Value ${i + 1}: we keep our word to the children, families and partners we serve, every day`;
    const values = Array.from({ length: MAX_VALUES }, (_, i) => ({ name: i % 3 === 0 ? long(i) : `Value ${i + 1}`, description: i % 2 ? 'We say what we do and do what we say, in every county office.' : '' }));
    expect((await fac.send({ type: 'values.addValues', payload: { itemId, values } })).ok).toBe(true);
    expect((await fac.send({ type: 'values.setPhase', payload: { itemId, phase: 'open' } })).ok).toBe(true);
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    await waitFor(() => surveyOf(fac.snap.state, itemId).order.length === MAX_VALUES, 'the values');
    const ids = surveyOf(fac.snap.state, itemId).order;
    for (let p = 0; p < 3; p++) {
      const phone = client(app);
      await phone.join({ role: 'participant', joinCode: s.joinCode, name: `Rater ${p}` });
      for (const [i, valueId] of ids.entries()) {
        await phone.send({ type: 'values.rate', payload: { itemId, valueId, scale: 'importance', score: 1 + ((i + p) % 5) } });
        await phone.send({ type: 'values.rate', payload: { itemId, valueId, scale: 'practice', score: 1 + ((i * 2 + p) % 5) } });
      }
    }
    await expect.poll(() => board.getByText('3 people have answered').count()).toBe(1);
    await expect.poll(() => board.locator('.board-page-count').count()).toBe(1);
    expect(await cutOffElements(board)).toEqual([]);
    await board.screenshot({ path: path.join(SHOTS, 'many-counts-board.png') });

    expect((await fac.send({ type: 'values.showResults', payload: { itemId, shown: true } })).ok).toBe(true);
    await expect.poll(() => board.locator('.vs-result').count()).toBe(MAX_VALUES);
    await expect.poll(() => board.locator('.board-page-count').innerText()).toMatch(/^1 of [2-9]$/);
    expect(await cutOffElements(board)).toEqual([]);
    await board.screenshot({ path: path.join(SHOTS, 'many-results-board-1.png') });
    await board.keyboard.press('ArrowRight');
    await expect.poll(() => board.locator('.board-page-count').innerText()).toMatch(/^2 of /);
    expect(await cutOffElements(board)).toEqual([]);
    await board.screenshot({ path: path.join(SHOTS, 'many-results-board-2.png') });
  }, 180_000);
});
