import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SAY_REHEARSAL } from '../../server/rehearsalRules.js';
import { hasChromium, useRoom } from '../support/browser.js';

const TITLE = 'Developing core values: a beginning';
const AGENDA = [
  'Why core values matter',
  'Define core values: examples from states',
  'Who needs to be involved in developing core values?',
  'Assess our core values and plan to cultivate them',
  'Summary: why core values matter',
];

/** The simulated room's accepted actions so far, as the console's rehearsal panel says. */
const actions = async (con: Page): Promise<number> =>
  Number(/; (\d+) actions? so far/.exec(await con.locator('.rehearsal-controls').innerText())?.[1] ?? -1);

/** Waits until the simulated room has nothing left to do on this step: no action over a whole round of the room. */
async function quiet(con: Page): Promise<void> {
  for (let last = -1, i = 0; i < 20; i++) {
    const now = await actions(con);
    if (now === last) return;
    last = now;
    await con.waitForTimeout(1_200);
  }
}

describe.skipIf(!hasChromium)('a facilitator rehearses a template alone', () => {
  const openedRoom = useRoom();

  it('Rehearse in the browser, then through the agenda on the console while the simulated room acts, and the report preview', async () => {
    const room = openedRoom();
    const con = await room.page({ width: 1366, height: 768 });
    await con.goto(room.app.url);
    await con.getByRole('button', { name: `Rehearse ${TITLE}` }).click();
    const form = con.getByRole('form', { name: `Rehearse ${TITLE}` });
    await form.getByLabel(/^Simulated participants/).fill('5');
    await form.getByLabel(/^Pace/).fill('60');
    await form.getByRole('button', { name: 'Start the rehearsal' }).click();
    await con.waitForURL(/\/facilitate\//);
    await expect.poll(() => con.getByText('· simulated by the rehearsal').count()).toBe(5);

    const said = con.locator('.rehearsal-controls [role="status"]');
    for (const title of AGENDA) {
      await con.getByRole('button', { name: `Go to ${title}` }).click();
      await expect.poll(() => con.locator('.agenda-side--current .agenda-side-item').innerText()).toContain(title);
      // The facilitator lets the rehearsal take each step once the room has acted on the one before.
      for (let step = 0; step < 30; step++) {
        await quiet(con);
        const [res] = await Promise.all([
          con.waitForResponse((r) => r.url().endsWith('/rehearsal/drive')),
          con.getByRole('button', { name: 'Let the rehearsal drive this step' }).click(),
        ]);
        if (res.status() === 409) break;
        expect(res.status(), await res.text()).toBe(200);
      }
      await expect.poll(() => said.innerText(), { message: title }).toBe(SAY_REHEARSAL.nothingToDrive);
      if (title === AGENDA[3]) {
        // The survey closed with the whole simulated room's answers in it.
        expect(await con.locator('body').innerText()).toMatch(/Survey: Closed\s+5 people have answered/);
        await room.shot(con, 'rehearsal-walk-values');
      }
    }
    expect(await actions(con)).toBeGreaterThan(12);

    // Back on the discussion: the report preview holds what the simulated room wrote, and the console says Rehearsal.
    await con.getByRole('button', { name: `Go to ${AGENDA[2]}` }).click();
    await con.getByText('Report preview', { exact: true }).click();
    const preview = con.locator('.report-preview');
    await expect.poll(() => preview.innerText()).toMatch(/In our state:|An example:|We could build on|Still missing:|A question about|What works:/);
    expect(await con.getByTestId('rehearsal-banner').innerText()).toMatch(/rehearsal/i);
    await preview.scrollIntoViewIfNeeded();
    await room.shot(con, 'rehearsal-report-preview');
  }, 90_000);
});
