import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';
import { downloadPdfText, stepShots } from '../support/dayRoom.js';

/** The screenshots of the day, to look at. */
const DIR = '/tmp/day-shots';
/** What each phone types, once: its finding (which becomes its theme and its group), then its group's work. */
const PEOPLE = [
  { name: 'Ana', finding: 'Permanency for older youth', rec: 'Kinship navigators in every county', ta: 'Data coaching on exits', strategy: 'Find relatives early', step: 'Search for relatives in week one' },
  { name: 'Ben', finding: 'Safety in foster homes', rec: 'Monthly visits by the same caseworker', ta: 'Training on safety plans', strategy: 'Stable caseloads', step: 'Cap caseloads at fifteen' },
  { name: 'Cy', finding: 'School stability for children in care', rec: 'Keep children in their home school', ta: 'Help with transport contracts', strategy: 'Schools at the table', step: 'Name a liaison in each district' },
] as const;
const squash = (t: string) => t.replace(/\s+/g, ' ');

describe.skipIf(!hasChromium)('the PIP kick-off day in the browser, from the template', () => {
  const openedRoom = useRoom();

  it('findings, themes, groups, report-outs with PDFs, report-out mode, synthesis with votes, next steps, the day\'s PDF, and the debrief from it', async () => {
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'pip-kickoff' });
    const con = await room.page({ width: 1280, height: 800 });
    con.on('dialog', (d) => void d.accept());
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    const phones: Page[] = [];
    for (const p of PEOPLE) {
      const phone = await room.phone();
      await joinOnPhone(phone, app.url, s.joinCode, p.name);
      phones.push(phone);
    }
    const [ana, ben, cy] = phones as [Page, Page, Page];
    const shots = stepShots(room, DIR, { con, board, phones });
    const go = (title: string) => con.getByRole('button', { name: `Go to ${title}` }).click();

    // 1. The findings discussion: each phone posts a note.
    await go('Group discussion of the findings and the PIP themes');
    for (const [i, p] of PEOPLE.entries()) {
      await phones[i]!.getByLabel('Your note').fill(p.finding);
      await phones[i]!.getByRole('button', { name: 'Post note' }).click();
    }
    for (const p of PEOPLE) await board.getByText(p.finding).waitFor();
    await shots('1-findings');

    // 2. The facilitator promotes the three notes to themes.
    await go('PIP themes');
    for (const p of PEOPLE) {
      await con.getByLabel('Promote a note or a cluster of an earlier item').selectOption({ label: p.finding });
      await con.getByRole('button', { name: 'Promote to theme' }).click();
      await expect.poll(() => board.getByRole('list', { name: 'Major themes' }).innerText()).toContain(p.finding);
    }
    await expect.poll(() => ana.getByRole('list', { name: 'Major themes' }).innerText()).toContain(PEOPLE[2].finding);
    await shots('2-themes');

    // 3. One group per theme, one place each; the phones pick, a full group says so; each leads its group.
    await go('Group planning: theme work groups');
    await con.getByRole('button', { name: 'Make one group per theme' }).click();
    await expect.poll(() => con.getByRole('article').count()).toBe(3);
    await con.getByRole('button', { name: 'Add a group, settings, message to all' }).click();
    await con.getByLabel('Capacity per group').fill('1');
    await con.getByRole('button', { name: 'Set', exact: true }).click();
    await con.getByRole('button', { name: 'Close', exact: true }).click();
    await ana.getByRole('button', { name: `Join ${PEOPLE[0].finding}` }).click();
    await ana.getByRole('heading', { name: `You are in ${PEOPLE[0].finding}` }).waitFor();
    const taken = cy.getByRole('button', { name: `Join ${PEOPLE[0].finding}` });
    await expect.poll(() => taken.isDisabled()).toBe(true);
    expect(await taken.innerText()).toContain('Full: ask the facilitator to move you');
    await shots('3-pick', cy);
    for (const [i, p] of PEOPLE.entries()) {
      const phone = phones[i]!;
      if (i > 0) await phone.getByRole('button', { name: `Join ${p.finding}` }).click();
      await phone.getByRole('button', { name: 'I will lead this group' }).click();
      await phone.getByText('You lead this group', { exact: false }).waitFor();
    }

    // 4. Each group writes a strategy with an action step and its report-out, and its leader marks it ready.
    for (const [i, p] of PEOPLE.entries()) {
      const phone = phones[i]!;
      for (const [field, text] of [['Basic recommendations', p.rec], ['Technical-assistance needs', p.ta]] as const) {
        const region = phone.getByRole('region', { name: field });
        await region.getByLabel(`Add to: ${field}`).fill(text);
        await region.getByRole('button', { name: 'Add' }).click();
        await region.getByText(text).waitFor();
      }
      await phone.getByLabel('New strategy').fill(p.strategy);
      await phone.getByRole('button', { name: 'Add strategy' }).click();
      await phone.getByRole('button', { name: `Add an action step to "${p.strategy}"` }).click();
      await phone.getByRole('textbox', { name: 'Action step', exact: true }).fill(p.step);
      await phone.getByLabel('Owner').fill('State PIP team');
      await phone.getByLabel('By when').fill('March');
      await phone.getByRole('button', { name: 'Add step' }).click();
      await phone.getByText(p.step).waitFor();
      await phone.getByRole('button', { name: 'Mark report-out ready' }).click();
    }
    for (const p of PEOPLE) await con.getByRole('row', { name: new RegExp(`^${p.finding}: `) }).getByText('Ready', { exact: true }).waitFor();
    await con.evaluate(() => document.querySelectorAll('.console-grid > *').forEach((el) => el.scrollTo(0, 0)));
    await shots('4-groups-ready', ben);

    // 5. Each group's member downloads its own group's PDF: its work, nobody else's.
    for (const [i, p] of PEOPLE.entries()) {
      const button = phones[i]!.getByRole('button', { name: 'Download our report-out (PDF)' });
      await button.scrollIntoViewIfNeeded();
      const text = squash(await downloadPdfText(phones[i]!, DIR, `group-${p.name}.pdf`, () => button.click()));
      for (const mine of [p.finding, p.rec, p.ta, p.strategy, p.step]) expect(text).toContain(mine);
      for (const other of PEOPLE.filter((o) => o !== p)) for (const theirs of [other.finding, other.rec, other.step]) expect(text).not.toContain(theirs);
    }
    await shots('5-group-pdf', ana);

    // 6. Report-outs: before the first group presents, the room reviews every group's report-out.
    await go('Report-outs by each planning group');
    const review = con.getByRole('region', { name: 'Every group’s report-out' });
    for (const p of PEOPLE) {
      await board.getByRole('region', { name: `Report-out of ${p.finding}` }).getByText(p.rec).waitFor();
      await review.getByRole('region', { name: `Report-out of ${p.finding}` }).getByText(p.ta).waitFor();
    }
    await shots('6-reportouts-review');
    await review.scrollIntoViewIfNeeded();
    await con.screenshot({ path: `${DIR}/6-reportouts-review-console-all.png` });
    await con.getByLabel('Minutes per group').fill('3');
    await con.getByRole('button', { name: `Present ${PEOPLE[0].finding}` }).click();
    await board.locator('.plenary-board-name', { hasText: PEOPLE[0].finding }).waitFor();
    expect(await board.locator('.plenary-board-order').innerText()).toBe('Group 1 of 3');
    await con.getByRole('button', { name: 'Start the timer' }).click();
    await expect.poll(() => board.locator('.plenary-board [role="timer"]').getAttribute('aria-label'), { timeout: 5000 }).toMatch(/^Countdown 2:5\d$/);
    await ben.getByLabel('Your question').fill('Who funds the navigators?');
    await ben.getByRole('button', { name: 'Send' }).click();
    await ben.getByText(`Sent to ${PEOPLE[0].finding}.`).waitFor();
    await ana.getByText('Who funds the navigators?').waitFor();
    expect(await cy.getByText('Who funds the navigators?').count()).toBe(0);
    expect(await board.getByText('Who funds the navigators?').count()).toBe(0);
    await shots('7-presenting', ana);
    for (const [n, p] of PEOPLE.slice(1).entries()) {
      await con.getByRole('button', { name: `Next: ${p.finding}` }).click();
      await expect.poll(() => board.locator('.plenary-board-order').innerText()).toBe(`Group ${n + 2} of 3`);
    }
    await shots('8-presenting-last', cy);

    // 7. The synthesis: the facilitator pulls each group's recommendation; the room dot-votes them.
    await go('Discussion (large group)');
    for (const p of PEOPLE) {
      await con.getByLabel(`Column for “${p.rec}”`).selectOption('Recommendations for the PIP');
      await con.getByRole('button', { name: `Pull into synthesis: ${p.rec}` }).click();
    }
    await con.getByLabel(`Column for “${PEOPLE[1].ta}”`).selectOption('Technical-assistance needs');
    await con.getByRole('button', { name: `Pull into synthesis: ${PEOPLE[1].ta}` }).click();
    await expect.poll(() => con.getByText('In the synthesis').count()).toBe(4);
    for (const step of ['Reveal', 'Cluster', 'Dot vote']) await con.getByRole('button', { name: `Next step: ${step}` }).click();
    for (const phone of phones) {
      await phone.getByRole('button', { name: `Add a dot to ${PEOPLE[0].rec}` }).click();
      await phone.getByRole('button', { name: `Add a dot to ${PEOPLE[2].rec}` }).click();
    }
    await ana.getByRole('button', { name: `Add a dot to ${PEOPLE[0].rec}` }).click();
    // The phone votes knowing where each entry came from.
    expect(await ana.locator('.vote-target', { hasText: PEOPLE[1].rec }).locator('.plenary-origin').innerText()).toBe(`from ${PEOPLE[1].finding}`);
    await shots('9-vote', ana);
    await con.getByRole('button', { name: 'Next step: Results' }).click();
    for (const p of [con, board, ana]) {
      const first = p.locator('.result', { hasText: PEOPLE[0].rec }).first();
      await first.waitFor();
      expect(await first.innerText()).toContain('4 dots');
      expect(await first.locator('.plenary-origin').innerText()).toBe(`from ${PEOPLE[0].finding}`);
    }
    await shots('10-results', ana);

    // 8. Next steps, on the console; every screen lists them.
    await go('Next steps');
    await con.getByLabel('What').fill('Draft the PIP strategies');
    await con.getByLabel('Owner').fill('State PIP team');
    await con.getByLabel('Partner').selectOption({ label: "Children's Bureau Regional Office" });
    await con.getByLabel('Date').fill('2026-12-15');
    await con.getByRole('button', { name: 'Add the next step' }).click();
    await board.locator('.plenary-steps-table tbody tr').first().waitFor();
    await shots('11-next-steps');

    // 9. The day's PDF: themes, every group's report-out, the synthesis with its votes and links, the next steps.
    const exportMenu = con.getByRole('region', { name: 'Export' });
    const day = squash(await downloadPdfText(con, DIR, 'day.pdf', () => exportMenu.getByRole('button', { name: 'Export PDF' }).click()));
    for (const p of PEOPLE) for (const t of [p.finding, p.rec, p.ta, p.strategy, p.step]) expect(day).toContain(t);
    expect(day).toContain('Who funds the navigators?');
    expect(day).toMatch(new RegExp(`1 ${PEOPLE[0].rec} 4 dots`));
    expect(day).toContain(`from ${PEOPLE[0].finding}`);
    expect(day).toContain('Draft the PIP strategies');

    // 10. The next morning: a debrief from the template imports the day by its code and shows the groups' report-outs.
    await con.getByRole('button', { name: 'Make a carry-forward code' }).click();
    const code = await con.getByTestId('carry-code').innerText();
    await con.goto(`${app.url}/`);
    await con.getByLabel('Template').selectOption('pip-debrief');
    await con.getByRole('button', { name: 'Create session' }).click();
    await go('Feedback on each of the theme work groups');
    await con.getByLabel('The kick-off’s carry-forward code').fill(code);
    await con.getByRole('button', { name: 'Import the work groups by code' }).click();
    await con.getByText(/^Started from Program Improvement Plan \(PIP\) kick-off day/).waitFor();
    for (const p of PEOPLE) await con.getByText(p.rec).first().waitFor();
    await board.goto(`${app.url}/board/${(await con.getByTestId('join-code').innerText()).trim()}`);
    for (const p of PEOPLE) await board.getByRole('region', { name: `Report-out of ${p.finding}` }).getByText(p.rec).waitFor();
    // The day's synthesis comes along, paged after the report-outs (not squeezing them off the board).
    await board.getByRole('region', { name: /^Synthesis of Program Improvement Plan/ }).getByText(PEOPLE[0].rec).waitFor();
    await shots('12-debrief');
  }, 300_000);
});
