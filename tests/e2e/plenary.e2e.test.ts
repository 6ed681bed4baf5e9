import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { plenaryOf } from '../../shared/modules/plenary/plenary.state.js';
import { workGroupsOf } from '../../shared/modules/workgroup/workgroup.state.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { hasChromium, joinOnPhone, useRoom, type Room } from '../support/browser.js';
import { client, createSession, waitFor } from '../support/harness.js';

/** Where the screenshots of this test go, besides the usual test-results/e2e. */
const PL_SHOTS = '/tmp/pl-shots';

async function ok(c: SessionClient, body: CommandInput): Promise<void> {
  const res = await c.send(body);
  if (!res.ok) throw new Error(`${body.type}: ${res.error.message}`);
  await waitFor(() => c.snap.state.seq >= res.seq, body.type);
}
async function shot(room: Room, p: Page, name: string): Promise<void> {
  await room.shot(p, name);
  await p.screenshot({ path: `${PL_SHOTS}/${name}.png`, fullPage: true });
}

describe.skipIf(!hasChromium)('the large group in the browser', () => {
  const openedRoom = useRoom();

  it('the facilitator runs report-out mode (the board shows the group, a phone asks it a question) and pulls an entry into the synthesis', async () => {
    fs.mkdirSync(PL_SHOTS, { recursive: true });
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'pip-kickoff' });
    // The afternoon so far through the typed clients (the work groups' own tests click it): two groups at work.
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    for (const title of ['Safety', 'Permanency']) await ok(fac, { type: 'workgroup.addTheme', payload: { title } });
    await ok(fac, { type: 'workgroup.makeGroups', payload: {} });
    const [safety, permanency] = workGroupsOf(fac.snap.state).groups.map((g) => g.id) as [string, string];
    const ana = client(app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const dee = client(app);
    await dee.join({ role: 'participant', joinCode: s.joinCode, name: 'Dee' });
    await ok(ana, { type: 'workgroup.join', payload: { workGroupId: safety } });
    await ok(dee, { type: 'workgroup.join', payload: { workGroupId: permanency } });
    await ok(ana, { type: 'workgroup.addAnswer', payload: { workGroupId: safety, field: 'recommendations', text: 'Fund kinship navigators in every county' } });
    await ok(ana, { type: 'workgroup.addStrategy', payload: { workGroupId: safety, text: 'Safety plans reviewed monthly' } });
    await ok(dee, { type: 'workgroup.addAnswer', payload: { workGroupId: permanency, field: 'recommendations', text: 'Faster court dates' } });

    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    await con.getByRole('button', { name: 'Go to Report-outs by each planning group' }).click();
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    const phone = await room.phone();
    await joinOnPhone(phone, app.url, s.joinCode, 'Bo');
    await phone.getByText('The report-outs start soon').waitFor();

    // Report-out mode: the console picks the group presenting; the board shows it large with its timer.
    await con.getByLabel('Minutes per group').fill('4');
    await con.getByRole('button', { name: 'Present Safety' }).click();
    await board.locator('.plenary-board-name', { hasText: 'Safety' }).waitFor();
    expect(await board.locator('.plenary-board-order').innerText()).toBe('Group 1 of 2');
    expect(await board.locator('.plenary-board').innerText()).toContain('Fund kinship navigators in every county');
    await con.getByRole('button', { name: 'Start the timer' }).click();
    await expect.poll(() => board.locator('.plenary-board [role="timer"]').getAttribute('aria-label'), { timeout: 5000 }).toMatch(/^Countdown 3:5\d$/);

    // A phone asks the group presenting a question; its member and the console see it, the board does not.
    await phone.getByRole('heading', { name: 'Safety' }).waitFor();
    await phone.getByLabel('Your question').fill('Who pays for the navigators?');
    await phone.getByRole('button', { name: 'Send' }).click();
    await phone.getByText('Sent to Safety.').waitFor();
    await waitFor(() => plenaryOf(ana.snap.state).reactions.length === 1, 'the question on the member’s phone');
    await con.getByText('Who pays for the navigators?').waitFor();
    expect(plenaryOf(dee.snap.state).reactions).toEqual([]);
    expect(await board.getByText('Who pays for the navigators?').count()).toBe(0);
    await shot(room, con, 'pl-1-reportout-console');
    await shot(room, board, 'pl-1-reportout-board');
    await shot(room, phone, 'pl-1-reportout-phone');

    await con.getByRole('button', { name: 'Next: Permanency' }).click();
    await expect.poll(() => board.locator('.plenary-board-order').innerText()).toBe('Group 2 of 2');

    // The synthesis: the console pulls the Safety group's recommendation into "Recommendations for the PIP".
    await con.getByRole('button', { name: 'Go to Discussion (large group)' }).click();
    await con.getByRole('button', { name: 'Pull into synthesis: Fund kinship navigators in every county' }).click();
    await con.getByText('In the synthesis').waitFor();
    const syn = fac.snap.state.agenda.find((i) => i.moduleType === 'synthesis')?.id ?? '';
    await ok(fac, { type: 'flow.advance', payload: { itemId: syn, to: 'reveal' } });
    for (const p of [con, board, phone]) {
      const note = p.locator('.flow-note', { hasText: 'Fund kinship navigators in every county' });
      await note.waitFor();
      expect(await note.locator('.plenary-origin').innerText()).toBe('from Safety');
    }
    await shot(room, con, 'pl-2-synthesis-console');
    await shot(room, board, 'pl-2-synthesis-board');
    await shot(room, phone, 'pl-2-synthesis-phone');

    // Next steps: the console's form; the board and the phones list them.
    await con.getByRole('button', { name: 'Go to Next steps' }).click();
    await con.getByLabel('What').fill('Send the draft PIP strategies to the Regional Office');
    await con.getByLabel('Owner').fill('State PIP team');
    await con.getByLabel('Partner').selectOption({ label: "Children's Bureau Regional Office" });
    await con.getByLabel('Date').fill('2026-12-15');
    await con.getByRole('button', { name: 'Add the next step' }).click();
    for (const p of [con, board, phone]) {
      const row = p.locator('.plenary-steps-table tbody tr');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.innerText()).toMatch(/Send the draft PIP strategies to the Regional Office\s+State PIP team\s+Children's Bureau Regional Office\s+Short term\s+2026-12-15/);
    }
    // The facilitator corrects it: every screen follows.
    await con.getByRole('button', { name: 'Edit Send the draft PIP strategies to the Regional Office' }).click();
    await con.getByLabel('Owner').fill('State PIP lead');
    await con.getByLabel('Term').selectOption('long');
    await con.getByRole('button', { name: 'Save the next step' }).click();
    await expect.poll(() => board.locator('.plenary-steps-table tbody tr').innerText()).toMatch(/State PIP lead\s+Children's Bureau Regional Office\s+Long term/);
    await shot(room, con, 'pl-3-nextsteps-console');
    await shot(room, board, 'pl-3-nextsteps-board');
    await shot(room, phone, 'pl-3-nextsteps-phone');

    // The next morning: the debrief starts from this session, picked from the sessions this browser ran.
    await con.getByRole('button', { name: 'Make a carry-forward code' }).click();
    await con.getByTestId('carry-code').waitFor();
    await con.goto(`${app.url}/`);
    await con.getByLabel('Template').selectOption('pip-debrief');
    await con.getByRole('button', { name: 'Create session' }).click();
    await con.getByRole('button', { name: 'Go to Feedback on each of the theme work groups' }).click();
    await con.locator('#plenary-recent').selectOption(s.sessionId);
    await con.getByRole('button', { name: 'Import its work groups' }).click();
    await con.getByText(/^Started from Program Improvement Plan \(PIP\) kick-off day/).waitFor();
    await con.getByRole('button', { name: 'Present Safety' }).waitFor();
    expect(await con.getByText('Fund kinship navigators in every county').count()).toBeGreaterThan(0);
    await shot(room, con, 'pl-4-debrief-console');
  });
});
