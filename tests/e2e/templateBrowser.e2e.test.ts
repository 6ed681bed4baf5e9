import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadTemplates } from '../../server/templates.js';
import { hasChromium, useRoom } from '../support/browser.js';
import { tempDir } from '../support/harness.js';

const rowTitles = async (con: Page): Promise<string[]> =>
  (await con.locator('.agenda-list .agenda-title').allInnerTexts()).map((t) => t.replace(/^\d+\.\s*/, '').split('\n')[0]!.trim());

describe.skipIf(!hasChromium)('the template browser and the agenda editor in Chromium', () => {
  const openedRoom = useRoom();

  it('browses, searches, previews, starts in one click, reorders by drag and keyboard, saves and downloads', async () => {
    const room = openedRoom();
    const { app } = room;

    // A phone-width look at the browser: search and a preview.
    const phone = await room.phone();
    await phone.goto(`${app.url}/`);
    await phone.getByLabel('Search by title, source or agenda item').fill('eco-map');
    await phone.getByRole('button', { name: /^Preview / }).first().click();
    await expect.poll(() => phone.locator('.template-preview').count()).toBe(1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await room.shot(phone, 'template-browser-phone');

    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(`${app.url}/`);
    await expect.poll(() => con.locator('.template-entry').count()).toBe(18);
    await con.getByLabel('Search by title, source or agenda item').fill('core values');
    await con.getByRole('button', { name: 'Preview Developing core values: a beginning' }).click();
    await expect.poll(() => con.locator('#preview-core-values .template-total').innerText()).toMatch(/^Total: .*\(\d+ minutes\) in 5 items\.$/);
    expect(await con.locator('#preview-core-values').innerText()).toContain('Source: seed 000');
    await room.shot(con, 'template-browser-console');
    await con.getByRole('button', { name: 'Start Developing core values: a beginning' }).click();
    await con.getByTestId('join-code').waitFor();

    const edit = con.getByRole('button', { name: 'Edit agenda' });
    if (await edit.count()) await edit.click();
    const start = ['Why core values matter', 'Define core values: examples from states', 'Who needs to be involved in developing core values?', 'Assess our core values and plan to cultivate them', 'Summary: why core values matter'];
    await expect.poll(() => rowTitles(con)).toEqual(start);

    // Drag the last row by its handle onto the fourth.
    await con.locator('.agenda-list > li').nth(4).scrollIntoViewIfNeeded();
    const handle = (await con.locator('.agenda-list > li').nth(4).locator('.drag-handle').boundingBox())!;
    const target = (await con.locator('.agenda-list > li').nth(3).boundingBox())!;
    await con.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await con.mouse.down();
    await con.mouse.move(handle.x + 5, handle.y - 10, { steps: 5 });
    await con.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
    await con.mouse.up();
    await expect.poll(() => rowTitles(con)).toEqual([start[0], start[1], start[2], start[4], start[3]]);

    // Keyboard: Alt+ArrowUp on a focused control of a row moves it up one, and says so.
    await con.getByRole('button', { name: `Edit ${start[4]}` }).focus();
    await con.keyboard.press('Alt+ArrowUp');
    const reordered = [start[0], start[1], start[4], start[2], start[3]];
    await expect.poll(() => rowTitles(con)).toEqual(reordered);
    await expect.poll(() => con.getByTestId('agenda-said').textContent()).toBe(`“${start[4]}” moved to position 3 of 5.`);
    expect(await con.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Edit ${start[4]}`);

    // Retime with a bad value: our sentence, nothing changes.
    await con.getByLabel(`Planned minutes for ${start[0]}`).fill('0');
    await con.getByRole('button', { name: `Set minutes for ${start[0]}` }).click();
    await con.getByText('Minutes must be a whole number from 1 to', { exact: false }).waitFor();
    expect(await con.locator('.agenda-list > li').nth(0).locator('.agenda-meta').innerText()).toContain('Planned 15 min');
    await room.shot(con, 'agenda-editor-console');

    // Save as a template, download it, and load the file as sessions/ would.
    await con.getByRole('button', { name: 'Save agenda as template…' }).click();
    await con.getByLabel('Template name').fill('Core values, reordered');
    await con.getByLabel(/^Description/).fill('The summary comes second.');
    await con.getByRole('button', { name: 'Save as template' }).click();
    await con.getByText('Saved as “Core values, reordered”.', { exact: false }).waitFor();
    await con.getByRole('button', { name: 'Download template file' }).scrollIntoViewIfNeeded();
    await room.shot(con, 'save-template-console');
    const [download] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'Download template file' }).click()]);
    const dir = tempDir('ft-e2e-template-');
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.basename(file)).toMatch(/^core-values-reordered-[a-z0-9]{6}\.json$/);
    const loaded = loadTemplates(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.templates[0]!.items.map((i) => i.title)).toEqual(reordered);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).description).toBe('The summary comes second.');

    // The saved template is listed on the start page, marked as saved.
    await con.goto(`${app.url}/`);
    await con.getByLabel('Search by title, source or agenda item').fill('reordered');
    await expect.poll(() => con.locator('.template-entry').count()).toBe(1);
    expect(await con.locator('.template-entry .badge').innerText()).toBe('Saved');
  }, 120_000);
});
