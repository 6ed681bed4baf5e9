import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';

describe.skipIf(!hasChromium)('a vision retreat in the browser', () => {
  const openedRoom = useRoom();

  it('phrases, a statement typed live, a hidden fist-to-five closed by the facilitator, a final statement and the CFSR crosswalk on its own item', async () => {
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'vision-retreat' });
    const con = await room.page({ width: 1440, height: 900 });
    con.on('dialog', (d) => void d.accept());
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    const phones: Page[] = [await room.phone(), await room.phone()];
    await joinOnPhone(phones[0]!, app.url, s.joinCode, 'Ana');
    await joinOnPhone(phones[1]!, app.url, s.joinCode, 'Ben');

    await con.getByRole('button', { name: 'Go to Preferred future: phrases' }).click();
    await con.getByRole('textbox', { name: 'Mission', exact: true }).fill('We protect children and strengthen families.');
    await con.getByRole('button', { name: 'Save context' }).click();
    await expect.poll(() => phones[0]!.getByText('We protect children and strengthen families.').count()).toBeGreaterThan(0);

    for (const [i, text] of ['Families stay together safely', 'Youth voice in every decision'].entries()) {
      await phones[i]!.getByLabel('Your note').fill(text);
      await phones[i]!.getByRole('button', { name: 'Post note' }).click();
    }
    await expect.poll(() => con.getByText('Youth voice in every decision').count()).toBeGreaterThan(0);
    for (const step of ['Reveal', 'Cluster', 'Dot vote', 'Results']) await con.getByRole('button', { name: `Next step: ${step}` }).click();

    const statement = 'Every child in our county grows up safe, in a family supported by its community.';
    await con.getByLabel('Preferred-future statement').pressSequentially(statement, { delay: 5 });
    await expect.poll(() => board.getByText(statement).count(), { timeout: 5000 }).toBe(1);
    await room.shot(board, 'vision-1-draft-board');

    await con.getByLabel('Hide the answers from the board and phones until the round closes').check();
    await con.getByRole('button', { name: 'Ask fist-to-five' }).click();
    await phones[0]!.getByRole('button', { name: 'Fist-to-five: 4' }).click();
    await phones[1]!.getByRole('button', { name: 'Fist-to-five: 2' }).click();
    await phones[1]!.getByRole('button', { name: 'Fist-to-five: 3' }).click(); // a change of mind counts once
    // The facilitator sees the answers; the board and the phones wait for the round to close.
    await expect.poll(() => con.getByText('2 answers · 2 at 3 or more (100%)').count()).toBe(1);
    expect(await board.getByText('The answers show here when the round closes.').count()).toBe(1);
    expect(await board.getByText(/\d answers? ·/).count()).toBe(0);
    expect(await phones[1]!.getByText('The answers show here when the round closes.').count()).toBe(1);
    // While the round is open the statement cannot be revised.
    expect(await con.getByLabel('Preferred-future statement').isDisabled()).toBe(true);
    await room.shot(phones[1]!, 'vision-2-fist-phone');
    await room.shot(board, 'vision-2-fist-board-hidden');
    await room.shot(con, 'vision-2-fist-console');

    await con.getByRole('button', { name: 'Close this round' }).click();
    await expect.poll(() => board.getByText('2 answers · 2 at 3 or more (100%)').count()).toBe(1);
    expect(await board.getByLabel('3, I can live with it: 1').count()).toBe(1);
    expect(await board.getByLabel('2, Some concerns: 0').count()).toBe(1);
    // The phones can no longer answer that round, and see how the room answered.
    await expect.poll(() => phones[0]!.getByRole('button', { name: 'Fist-to-five: 4' }).count()).toBe(0);
    await expect.poll(() => phones[0]!.getByText('Fist-to-five: this round is closed').count()).toBe(1);
    expect(await phones[0]!.getByText('2 answers · 2 at 3 or more (100%)').count()).toBe(1);
    expect(await con.getByLabel('Preferred-future statement').isDisabled()).toBe(false);
    await room.shot(phones[0]!, 'vision-2-fist-phone-closed');
    await room.shot(board, 'vision-2-fist-board-closed');

    await con.getByRole('button', { name: 'Finalize statement' }).click();
    await expect.poll(() => board.getByText('Final statement').count()).toBeGreaterThan(0);
    await expect.poll(() => phones[0]!.getByText(statement).count()).toBeGreaterThan(0);
    await room.shot(board, 'vision-3-final-board');

    // The crosswalk has its own item: the context typed on the phrases item is there, and no phrases brainstorm.
    await con.getByRole('button', { name: 'Go to Crosswalk: mission and vision against the CFSR outcomes' }).click();
    await expect.poll(() => board.getByText('We protect children and strengthen families.').count()).toBe(1);
    expect(await board.getByText('Preferred future', { exact: true }).count()).toBe(0);
    expect(await con.getByRole('heading', { name: 'Phrases' }).count()).toBe(0);
    expect(await con.getByRole('heading', { name: 'Statement and consensus' }).count()).toBe(0);
    await expect.poll(() => phones[0]!.getByText('The crosswalk opens on your phone when the facilitator starts it.').count()).toBe(1);
    expect(await phones[0]!.getByText('We protect children and strengthen families.').count()).toBe(1);
    expect(await phones[0]!.getByLabel('Your note').count()).toBe(0);
    await room.shot(board, 'vision-4-crosswalk-closed-board');
    await room.shot(phones[0]!, 'vision-4-crosswalk-closed-phone');
    await con.getByRole('button', { name: 'Open crosswalk' }).click();
    await phones[0]!.getByRole('radiogroup', { name: /^S1:/ }).getByLabel('Directly incorporated').check();
    await phones[1]!.getByRole('radiogroup', { name: /^S1:/ }).getByLabel('Directly incorporated').check();
    await phones[1]!.getByRole('radiogroup', { name: /^WB3:/ }).getByLabel('Goes beyond').check();
    const s1 = board.getByRole('row', { name: /^S1/ });
    await expect.poll(() => s1.innerText(), { timeout: 5000 }).toContain('2 ★');
    await room.shot(phones[0]!, 'vision-4-crosswalk-phone');
    await room.shot(board, 'vision-4-crosswalk-board');
  }, 120_000);
});
