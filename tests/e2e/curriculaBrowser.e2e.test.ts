import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../server/templates.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import { durationText } from '../../client/views/landing/templateSearch.js';
import { hasChromium, useRoom } from '../support/browser.js';
import { SHIPPED_TEMPLATES } from '../support/harness.js';

await loadProtocol();
const shipped = loadTemplates(SHIPPED_TEMPLATES).templates;
const titleOf = (id: string) => shipped.find((t) => t.id === id)?.title ?? `no template ${id}`;

/** Each seed's subject, as a trainer would type it, and the workshops it should find (read from the seeds by hand). */
const BY_SUBJECT: Array<[string, string[]]> = [
  ['core values', ['core-values', 'strategic-planning-overview']],
  ['eco-map', ['stakeholder-cfsr-involvement', 'stakeholder-engagement']],
  ['case study', ['case-study-critique']],
  ['SWOT', ['data-retreat', 'vision-retreat']],
  ['vision', ['core-values', 'pip-kickoff', 'setting-direction-retreat', 'strategic-planning-overview', 'vision-retreat']],
  ['SMART', ['action-plans-living-the-plan']],
  ['PDSA', ['action-plans-living-the-plan']],
  ['PIP', ['pip-debrief', 'pip-followup', 'pip-kickoff']],
  ['balanced scorecard', ['systems-change']],
  ['strategy management', ['systems-change']],
];

describe.skipIf(!hasChromium)('every source document’s workshops from the template browser', () => {
  const openedRoom = useRoom();

  it('search finds each seed’s workshops by its subject and by the seed’s name', async () => {
    const room = openedRoom();
    const con = await room.page({ width: 1366, height: 768 });
    await con.goto(`${room.app.url}/`);
    await expect.poll(() => con.locator('.template-browser .template-entry').count()).toBe(shipped.length);
    const search = con.getByLabel('Search by title, source or agenda item');
    const found = async () => (await con.locator('.template-browser .template-entry-title').allInnerTexts()).sort();
    await room.shot(con, 'curricula-browser-console');
    for (const [query, ids] of BY_SUBJECT) {
      await search.fill(query);
      await expect.poll(found, { message: query }).toEqual(ids.map(titleOf).sort());
    }
    for (const seed of ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004']) {
      await search.fill(seed);
      const named = shipped.filter((t) => `${t.source ?? ''} ${t.description}`.includes(seed)).map((t) => t.title);
      expect(named.length, seed).toBeGreaterThan(0);
      await expect.poll(found, { message: seed }).toEqual(named.sort());
    }
    // On a phone: the search and a preview fit its width.
    const phone = await room.phone();
    await phone.goto(`${room.app.url}/`);
    await phone.getByLabel('Search by title, source or agenda item').fill('balanced scorecard');
    await phone.getByRole('button', { name: `Preview ${titleOf('systems-change')}` }).click();
    await phone.locator('#preview-systems-change').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await room.shot(phone, 'curricula-browser-phone');
  });

  it('every template in sessions/ starts in one click after its preview: the console shows its agenda and total time', async () => {
    const room = openedRoom();
    const con = await room.page({ width: 1366, height: 768 });
    expect(shipped.length).toBe(18);
    for (const t of shipped) {
      const total = t.items.reduce((sum, i) => sum + i.plannedMinutes, 0);
      await con.goto(`${room.app.url}/`);
      await con.getByRole('button', { name: `Preview ${t.title}`, exact: true }).click();
      const preview = con.locator(`#preview-${t.id}`);
      await expect.poll(() => preview.locator('.template-agenda-title').allInnerTexts(), { message: t.id }).toEqual(t.items.map((i) => i.title));
      expect(await preview.locator('.template-total').innerText()).toBe(`Total: ${durationText(total)} (${total} minutes) in ${t.items.length} items.`);
      if (t.id === 'systems-change') await room.shot(con, 'curricula-preview-console');
      await con.getByRole('button', { name: `Start ${t.title}`, exact: true }).click();
      await con.waitForURL(/\/facilitate\//);
      await con.getByTestId('join-code').waitFor();
      await expect.poll(() => con.locator('.agenda-side-item').count(), { message: t.id }).toBe(t.items.length);
      const rows = (await con.locator('.agenda-side-item').allInnerTexts()).map((r) => r.replace(/^\d+\.\s*/, '').replace(/\s+\d+ min$/, '').trim());
      expect(rows, t.id).toEqual(t.items.map((i) => i.title.trim()));
      expect(await con.getByTestId('agenda-planned').innerText(), t.id).toBe(`${t.items.length} items · ${durationText(total)} planned`);
      await expect.poll(() => con.locator('h1').first().innerText(), { message: t.id }).toBe(t.title);
      if (t.id === 'systems-change') await room.shot(con, 'curricula-started-console');
    }

    // The last one's agenda, edited: a row dragged by its handle, seen mid-drag, lands where it is dropped.
    const last = shipped.at(-1)!.items.map((i) => i.title);
    await con.getByRole('button', { name: 'Edit agenda' }).click();
    const rows = con.locator('.agenda-list > li');
    await rows.nth(3).scrollIntoViewIfNeeded();
    const handle = (await rows.nth(3).locator('.drag-handle').boundingBox())!;
    const target = (await rows.nth(2).boundingBox())!;
    await con.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await con.mouse.down();
    await con.mouse.move(handle.x + 5, handle.y - 10, { steps: 5 });
    await con.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
    await room.shot(con, 'agenda-editor-drag');
    await con.mouse.up();
    const titles = async () => (await con.locator('.agenda-list .agenda-title').allInnerTexts()).map((x) => x.replace(/^\d+\.\s*/, '').split('\n')[0]!.trim());
    await expect.poll(titles).toEqual([last[0], last[1], last[3], last[2], ...last.slice(4)]);
  }, 90_000);
});
