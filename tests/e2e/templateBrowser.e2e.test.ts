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

  it('browses, searches, previews, starts in one click, reorders by drag and keyboard, saves; the saved template is yours after a reload', async () => {
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

    // Save as a template: private to this browser, which keeps its key.
    await con.getByRole('button', { name: 'Save agenda as template…' }).click();
    await con.getByLabel('Template name').fill('Core values, reordered');
    await con.getByLabel(/^Description/).fill('The summary comes second.');
    await con.getByRole('button', { name: 'Save as template' }).click();
    await con.getByText('Saved as “Core values, reordered”. Only this browser holds its key', { exact: false }).waitFor();
    await con.getByRole('button', { name: 'Download template file' }).scrollIntoViewIfNeeded();
    await room.shot(con, 'save-template-console');

    // After a reload of the start page it is under "Your saved templates", and nowhere in the public list.
    await con.goto(`${app.url}/`);
    const mine = con.locator('.your-templates');
    await expect.poll(() => mine.locator('.template-entry-title').allInnerTexts()).toEqual(['Core values, reordered']);
    await expect.poll(() => mine.locator('.template-entry .muted').innerText()).toMatch(/^5 items · .* · seed 000: .*; edited in a session on /);
    await con.getByLabel('Search by title, source or agenda item').fill('reordered');
    await con.getByText('No template matches “reordered”.').waitFor();
    await con.getByLabel('Search by title, source or agenda item').fill('');
    await mine.getByRole('button', { name: 'Preview Core values, reordered' }).click();
    await expect.poll(() => mine.locator('.template-preview li .template-agenda-title').allInnerTexts()).toEqual(reordered);
    await con.setViewportSize({ width: 1366, height: 768 });
    await room.shot(con, 'your-saved-templates-console');

    // Download it, and load the file as sessions/ would.
    const [download] = await Promise.all([con.waitForEvent('download'), mine.getByRole('button', { name: 'Download Core values, reordered' }).click()]);
    const dir = tempDir('ft-e2e-template-');
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.basename(file)).toMatch(/^core-values-reordered-[a-z0-9]{6}\.json$/);
    const loaded = loadTemplates(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.templates[0]!.items.map((i) => i.title)).toEqual(reordered);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { description: string; source: string };
    expect(json.description).toBe('The summary comes second.');
    expect(json.source).toMatch(/^seed 000: .*; edited in a session on [A-Z][a-z]+ \d{1,2}, \d{4}$/);

    // Start it, and save the started agenda again as a second template.
    await mine.getByRole('button', { name: 'Start Core values, reordered' }).click();
    await con.getByTestId('join-code').waitFor();
    if (await edit.count()) await edit.click();
    await expect.poll(() => rowTitles(con)).toEqual(reordered);
    await con.getByRole('button', { name: 'Save agenda as template…' }).click();
    await con.getByLabel('Template name').fill('Core values, second copy');
    await con.getByRole('button', { name: 'Save as template' }).click();
    await con.getByText('Saved as “Core values, second copy”.', { exact: false }).waitFor();

    // The second one is deleted elsewhere (with its key): the next start page says so and drops it.
    await con.goto(`${app.url}/`);
    await expect.poll(() => mine.locator('.template-entry-title').allInnerTexts()).toEqual(['Core values, second copy', 'Core values, reordered']);
    const held = await con.evaluate(() => JSON.parse(localStorage.getItem('toolkit.savedTemplates') ?? '[]') as Array<{ id: string; key: string }>);
    const del = await fetch(`${app.url}/api/templates/${held[0]!.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${held[0]!.key}` } });
    expect(del.status).toBe(204);
    await con.reload();
    await mine.getByText('“Core values, second copy” is no longer on the server (deleted, or unused for a long time), so it was taken off this list.').waitFor();
    await expect.poll(() => mine.locator('.template-entry-title').allInnerTexts()).toEqual(['Core values, reordered']);

    // The same list on a phone holding the same key.
    await phone.goto(`${app.url}/`);
    await phone.evaluate((v) => localStorage.setItem('toolkit.savedTemplates', v), JSON.stringify(held.slice(1)));
    await phone.reload();
    await phone.locator('.your-templates .template-entry').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await room.shot(phone, 'your-saved-templates-phone');

    // Delete it from the start page: asked first, then gone from the list and from the server.
    await mine.getByRole('button', { name: 'Delete', exact: true }).click();
    await mine.getByRole('button', { name: 'Delete for good' }).click();
    await mine.getByText('“Core values, reordered” was deleted.').waitFor();
    expect(await mine.locator('.template-entry').count()).toBe(0);
    const after = await fetch(`${app.url}/api/templates/${held[1]!.id}`, { headers: { authorization: `Bearer ${held[1]!.key}` } });
    expect(after.status).toBe(404);
  }, 180_000);
});
