import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { cutOffElements, wholeTexts } from '../support/clipping.js';
import { client, closeClients, createSession, itemOfType } from '../support/harness.js';
import { columnsOf } from '../../shared/modules/registry.js';
import { pdfText } from '../support/pdfText.js';
import { ok } from '../support/reportServer.js';

/** The screenshots of this test, to look at (and the usual test-results copy). */
const SHOTS = '/tmp/wg-shots';

describe.skipIf(!hasChromium)('theme work groups in the browser', () => {
  const openedRoom = useRoom();

  it('themes typed on the console, three phones in two groups each write a recommendation and an action step, one downloads its own group\'s PDF, the console shows the fill', async () => {
    const room = openedRoom();
    const { app } = room;
    fs.mkdirSync(SHOTS, { recursive: true });
    const shot = async (p: Page, name: string) => {
      await room.shot(p, `wg-${name}`);
      await p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    };
    const s = await createSession(app, { title: 'PIP kick-off day' });
    // The agenda (the kick-off template is another change): a themes item and a work-groups item.
    const setup = client(app);
    await setup.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    await ok(setup, { type: 'agenda.addItem', payload: { item: { title: 'Findings discussion', plannedMinutes: 30, moduleType: 'board' } } });
    const findings = itemOfType(setup, 'board');
    const column = columnsOf(setup.snap.state.agenda.find((i) => i.id === findings)!)[0]!;
    await ok(setup, { type: 'note.add', payload: { itemId: findings, column, text: 'Well-being of children: education and health' } });
    await ok(setup, { type: 'agenda.addItem', payload: { item: { title: 'Major themes', plannedMinutes: 20, moduleType: 'themes' } } });
    await ok(setup, { type: 'agenda.addItem', payload: { item: { title: 'Theme work groups', plannedMinutes: 90, moduleType: 'workgroups' } } });
    closeClients();

    const con = await room.page({ width: 1280, height: 800 });
    con.on('dialog', (d) => void d.accept());
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    const names = ['Ana', 'Ben', 'Cy'];
    const phones: Page[] = [];
    for (const name of names) {
      const p = await room.phone();
      await joinOnPhone(p, app.url, s.joinCode, name);
      phones.push(p);
    }
    const [ana, ben, cy] = phones as [Page, Page, Page];

    // Themes: typed on the console, reordered; the phones and the board show them.
    await con.getByRole('button', { name: 'Go to Major themes' }).click();
    for (const t of ['Permanency for older youth', 'Safety of children in foster care']) {
      await con.getByLabel('New theme').fill(t);
      await con.getByRole('button', { name: 'Add theme' }).click();
      await expect.poll(() => con.getByText(t, { exact: true }).count()).toBe(1);
    }
    await con.getByRole('button', { name: 'Move "Safety of children in foster care" up' }).click();
    // A note of the findings discussion promoted to the third theme.
    await con.getByLabel('Promote a note or a cluster of an earlier item').selectOption({ label: 'Well-being of children: education and health' });
    await con.getByRole('button', { name: 'Promote to theme' }).click();
    await expect.poll(() => ana.getByRole('list', { name: 'Major themes' }).innerText()).toMatch(/Safety[\s\S]*Permanency[\s\S]*Well-being of children: education and health/);
    await expect.poll(() => ana.getByRole('list', { name: 'Major themes' }).innerText()).toMatch(/Safety[\s\S]*Permanency/);
    await expect.poll(() => board.getByRole('list', { name: 'Major themes' }).innerText()).toMatch(/Safety[\s\S]*Permanency/);
    await shot(con, '1-themes-console');
    await shot(ana, '1-themes-phone');
    await shot(board, '1-themes-board');
    expect(await cutOffElements(board)).toEqual([]);

    // Work groups: one per theme; the phones pick (Ana and Ben in Safety, Cy in Permanency).
    await con.getByRole('button', { name: 'Go to Theme work groups' }).click();
    await con.getByRole('button', { name: 'Make one group per theme' }).click();
    await expect.poll(() => con.getByRole('article').count()).toBe(3);
    await expect.poll(() => ana.getByRole('button', { name: /^Join / }).count()).toBe(3);
    await shot(ana, '2-pick-phone');
    for (const [p, group] of [[ana, 'Safety of children in foster care'], [ben, 'Safety of children in foster care'], [cy, 'Permanency for older youth']] as const) {
      await p.getByRole('button', { name: `Join ${group}` }).click();
      await expect.poll(() => p.getByRole('heading', { name: `You are in ${group}` }).count()).toBe(1);
    }
    await ana.getByRole('button', { name: 'I will lead this group' }).click();
    await expect.poll(() => ben.getByText('Leader: Ana').count()).toBe(1);

    // Each phone writes a recommendation and a strategy with an action step.
    const recs = ['Hire two more caseworkers', 'Monthly family team meetings', 'Kinship navigators in every county'];
    for (const [i, p] of phones.entries()) {
      const field = p.getByRole('region', { name: 'Basic recommendations' });
      await field.getByLabel('Add to: Basic recommendations').fill(recs[i]!);
      await field.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => field.getByText(recs[i]!).count()).toBe(1);
      await p.getByLabel('New strategy').fill(`Strategy of ${names[i]}`);
      await p.getByRole('button', { name: 'Add strategy' }).click();
      await p.getByRole('button', { name: `Add an action step to "Strategy of ${names[i]}"` }).click();
      await p.getByRole('textbox', { name: 'Action step', exact: true }).fill(`Step of ${names[i]}`);
      await p.getByLabel('Owner').fill('County supervisor');
      await p.getByLabel('By when').fill('March');
      await p.getByRole('button', { name: 'Add step' }).click();
      await expect.poll(() => p.getByText(`Step of ${names[i]}`).count()).toBe(1);
    }
    // The leader orders the strategies: Ben's first.
    await expect.poll(() => ana.getByText('Strategy of Ben').count()).toBe(1);
    await ana.getByRole('button', { name: 'Move strategy "Strategy of Ben" up' }).click();
    await expect.poll(() => ben.locator('.wg-strategy-text').first().innerText()).toContain('Strategy of Ben');
    // Ben is not the leader: he cannot reword Ana's entry, and has no ready button.
    expect(await ben.getByRole('button', { name: 'Edit "Hire two more caseworkers"' }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Mark report-out ready' }).count()).toBe(0);

    // The console: every group side by side with its fill; a warning to one group reaches only its phones.
    const safety = con.getByRole('article', { name: 'Safety of children in foster care' });
    const fillRow = (name: string) => con.getByRole('row', { name: new RegExp(`^${name}: `) }).getAttribute('aria-label');
    await expect.poll(() => fillRow('Safety of children in foster care')).toBe('Safety of children in foster care: Recommendations 2 · Information 0 · Stakeholders 0 · Assistance 0');
    await expect.poll(() => fillRow('Permanency for older youth')).toBe('Permanency for older youth: Recommendations 1 · Information 0 · Stakeholders 0 · Assistance 0');
    await con.evaluate(() => document.querySelectorAll('.console-grid > *').forEach((el) => el.scrollTo(0, 0)));
    await shot(con, '3-groups-console');
    const box = await con.locator('.wg-overview').boundingBox();
    expect(box && box.y + box.height, 'every group at a glance above the fold').toBeLessThanOrEqual(800);
    await safety.getByRole('button', { name: 'Timer, message, rename, capacity, merge' }).click();
    await safety.getByRole('button', { name: 'Warn Safety of children in foster care: 10 minutes left' }).click();
    await expect.poll(() => ana.getByText('10 minutes left').count()).toBe(1);
    expect(await cy.getByText('10 minutes left').count()).toBe(0);
    await shot(con, '3-groups-console-open');
    await ben.evaluate(() => window.scrollTo(0, 0));
    await shot(ben, '3-group-phone-top');
    await ben.getByRole('heading', { name: 'Strategies and action steps' }).scrollIntoViewIfNeeded();
    await shot(ben, '3-group-phone-strategies');

    // The leader marks it ready; a member's phone downloads its own group's PDF.
    await ana.getByRole('button', { name: 'Mark report-out ready' }).click();
    await expect.poll(() => con.getByRole('row', { name: /^Safety of children in foster care: / }).getByText('Ready', { exact: true }).count()).toBe(1);
    const button = ben.getByRole('button', { name: 'Download our report-out (PDF)' });
    await button.scrollIntoViewIfNeeded();
    await shot(ben, '4-ready-phone');
    const [download] = await Promise.all([ben.waitForEvent('download'), button.click()]);
    const file = path.join(SHOTS, 'safety-report-out.pdf');
    await download.saveAs(file);
    const text = pdfText(fs.readFileSync(file));
    for (const mine of ['Safety of children in foster care', 'Hire two more caseworkers', 'Monthly family team meetings', 'Step of Ana', 'Step of Ben']) expect(text).toContain(mine);
    for (const theirs of ['Kinship navigators', 'Step of Cy', 'Permanency']) expect(text).not.toContain(theirs);
    // The console makes any group's report-out too, from its own copy.
    const [fromConsole] = await Promise.all([con.waitForEvent('download'), safety.getByRole('button', { name: 'Download the report-out of Safety of children in foster care (PDF)' }).click()]);
    const consoleFile = path.join(SHOTS, 'safety-report-out-console.pdf');
    await fromConsole.saveAs(consoleFile);
    const consoleText = pdfText(fs.readFileSync(consoleFile));
    expect(consoleText).toContain('Hire two more caseworkers');
    expect(consoleText).not.toContain('Kinship navigators');
    // Cy's group is not ready: no button on Cy's phone.
    expect(await cy.getByRole('button', { name: 'Download our report-out (PDF)' }).count()).toBe(0);

    // The board: the whole room, then one group's board (a second projector).
    await expect.poll(() => board.getByRole('list', { name: 'Report-out of Safety of children in foster care' }).innerText()).toMatch(/Recommendations\s+2/);
    await shot(board, '5-room-board');
    expect(await cutOffElements(board)).toEqual([]);
    const href = await safety.getByRole('link', { name: 'Open this group’s board' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/board/${s.joinCode}\\?group=`));
    const second = await room.page({ width: 1920, height: 1080 });
    await second.goto(`${app.url}${href ?? ''}`);
    await expect.poll(() => second.getByText('Hire two more caseworkers').count()).toBe(1);
    expect(await second.getByText('Kinship navigators in every county').count()).toBe(0);
    await shot(second, '5-group-board');
    expect(await cutOffElements(second)).toEqual([]);

    // Five groups (the seed's 3-5 themes): the console keeps them side by side, the board shows the whole room.
    await con.getByRole('button', { name: 'Add a group, settings, message to all' }).click();
    for (const name of ['Service array', 'Workforce']) {
      await con.getByLabel('New group').fill(name);
      await con.getByRole('button', { name: 'Add group' }).click();
      await expect.poll(() => con.getByRole('article', { name }).count()).toBe(1);
    }
    // A message to all groups reaches every group's phones.
    await con.getByLabel('Message to all groups').fill('Back in the main room at 3:15');
    await con.getByRole('button', { name: 'Send' }).first().click();
    await expect.poll(() => cy.getByText('Back in the main room at 3:15').count()).toBe(1);
    await expect.poll(() => ana.getByText('Back in the main room at 3:15').count()).toBe(1);
    await con.evaluate(() => document.querySelectorAll('.console-grid > *').forEach((el) => el.scrollTo(0, 0)));
    await shot(con, '6-console-more');
    while ((await con.getByRole('button', { name: 'Close' }).count()) > 0) await con.getByRole('button', { name: 'Close' }).first().click();
    await con.evaluate(() => document.querySelectorAll('.console-grid > *').forEach((el) => el.scrollTo(0, 0)));
    await shot(con, '6-five-groups-console');
    const five = await con.locator('.wg-overview').boundingBox();
    expect(five && five.y + five.height, 'five groups at a glance above the fold').toBeLessThanOrEqual(800);
    await expect.poll(() => board.getByText('Workforce').count()).toBe(1);
    // What does not fit pages: every group is shown whole on one page or the next, nothing cut off.
    const seen = new Set<string>();
    const counter = board.locator('.board-page-count');
    const pages = (await counter.count()) ? Number((await counter.innerText()).match(/of (\d+)/)?.[1]) : 1;
    for (let p = 0; p < pages; p++) {
      if (p > 0) await board.keyboard.press('ArrowRight');
      if (pages > 1) await expect.poll(() => counter.innerText()).toContain(`${p + 1} of ${pages}`);
      for (const t of await wholeTexts(board, '.wg-board-tile-name')) seen.add(t.replace(/Ready$/, ''));
      await shot(board, `6-five-groups-board-page${p + 1}`);
      expect(await cutOffElements(board), `page ${p + 1}`).toEqual([]);
    }
    expect([...seen].sort()).toEqual(['Permanency for older youth', 'Safety of children in foster care', 'Service array', 'Well-being of children: education and health', 'Workforce']);
  }, 180_000);
});
