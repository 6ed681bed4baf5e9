import { describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { allNotes } from '../../shared/session/notes.js';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { client, closeClients, createSession, waitFor } from '../support/harness.js';

async function ok(c: SessionClient, body: CommandInput): Promise<void> {
  const res = await c.send(body);
  if (!res.ok) throw new Error(`${body.type}: ${res.error.message}`);
  await waitFor(() => c.snap.state.seq >= res.seq, body.type);
}

describe.skipIf(!hasChromium)('carry forward in the browser', () => {
  const openedRoom = useRoom();

  it('a carried item shows on the next item on console, board and phone, and a new session imports it', async () => {
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'data-retreat' });
    // The brainstorm and the vote through the typed client (the SWOT's own end-to-end test clicks them).
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const ana = client(app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const swot = fac.snap.state.agenda.find((i) => i.title === 'SWOT analysis')?.id ?? '';
    const texts = ['Court backlog', 'Dedicated caseworkers', 'Few foster homes in rural counties'];
    for (const [n, text] of texts.entries())
      await ok(ana, { type: 'note.add', payload: { itemId: swot, column: ['Threats', 'Strengths', 'Weaknesses'][n]!, text } });
    for (const to of ['reveal', 'cluster', 'vote'] as const) await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to } });
    await waitFor(() => allNotes(fac.snap.state).length === 3, 'the notes on the console');
    const target = (text: string) => ({ kind: 'note' as const, id: allNotes(fac.snap.state).find((n) => n.text === text)?.id ?? '' });
    for (const text of ['Court backlog', 'Court backlog', 'Court backlog', 'Dedicated caseworkers', 'Few foster homes in rural counties'])
      await ok(ana, { type: 'flow.dot', payload: { itemId: swot, target: target(text), delta: 1 } });
    await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'results' } });

    const con = await room.page({ width: 1280, height: 800 });
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    await con.getByRole('button', { name: 'Go to SWOT analysis' }).click();
    const board = await room.page({ width: 1920, height: 1080 });
    await board.goto(`${app.url}/board/${s.joinCode}`);
    const phone = await room.phone();
    await joinOnPhone(phone, app.url, s.joinCode, 'Bo');

    await con.getByRole('checkbox', { name: 'Carry forward Dedicated caseworkers' }).check();
    await con.getByRole('checkbox', { name: 'Carry forward Court backlog' }).check();
    await con.getByRole('button', { name: 'Go to Priorities to carry forward' }).click();
    const carried = (p: typeof con) => p.locator('.carried-list li');
    for (const p of [con, board, phone]) {
      await expect.poll(() => carried(p).count()).toBe(2);
      // Ranked by dots, whatever order they were marked in.
      expect(await carried(p).first().innerText()).toContain('Court backlog');
      expect(await carried(p).first().innerText()).toContain('3 dots');
      expect(await carried(p).nth(1).innerText()).toContain('Dedicated caseworkers');
    }
    // Live: marked while the room is on this item (the facilitator on another screen), every screen follows.
    await ok(fac, { type: 'flow.carry', payload: { itemId: swot, target: target('Few foster homes in rural counties'), carried: true } });
    for (const p of [con, board, phone]) await expect.poll(() => carried(p).count()).toBe(3);
    await room.shot(con, 'carry-1-priorities-console');
    await room.shot(board, 'carry-1-priorities-board');
    await room.shot(phone, 'carry-1-priorities-phone');

    // The earlier session's code, from its console.
    await con.getByRole('button', { name: 'Make a carry-forward code' }).click();
    const code = (await con.getByTestId('carry-code').innerText()).trim();
    expect(code.startsWith(`${s.sessionId}.`)).toBe(true);

    // Another day, the same browser: the vision retreat picks the data retreat from this browser's sessions.
    await con.goto(`${app.url}/`);
    await con.getByLabel('Template').selectOption('vision-retreat');
    await con.getByRole('button', { name: 'Create session' }).click();
    await con.getByRole('heading', { name: 'Carry forward' }).waitFor();
    const earlier = await con.locator('#carry-recent option', { hasText: 'Data retreat' }).getAttribute('value');
    expect(earlier).toBe(s.sessionId);
    await con.getByLabel('Your sessions on this browser').selectOption(earlier ?? '');
    await con.getByRole('button', { name: 'Import its carried items' }).click();
    await expect.poll(() => con.getByText('Data retreat: Where are we now? ·').count()).toBeGreaterThan(0);
    // A wrong code is refused in our words and changes nothing.
    await con.getByLabel('Carry-forward code').fill(`${code}x`);
    await con.getByRole('button', { name: 'Import by code' }).click();
    await expect.poll(() => con.getByRole('alert').filter({ hasText: 'That carry-forward code does not open' }).count()).toBe(1);
    await con.getByLabel('Carry-forward code').fill(code);
    await con.getByRole('button', { name: 'Import by code' }).click();
    await expect.poll(() => con.getByText('Imported: the carried items').count()).toBe(1);
    expect(await con.locator('.carry-imports li').count()).toBe(1);
    await con.locator('.carry-panel').scrollIntoViewIfNeeded();
    await room.shot(con, 'carry-3-import-console');

    // The preferred-future brainstorm shows them as context, on the console and the board.
    const joinCode = (await con.getByTestId('join-code').innerText()).trim();
    await con.getByRole('button', { name: 'Go to Preferred future: phrases' }).click();
    await expect.poll(() => con.locator('.vision-carried li').count()).toBe(3);
    expect(await con.locator('.vision-carried li').first().innerText()).toContain('Court backlog (Threats, from Data retreat: Where are we now?, 3 dots)');
    await room.shot(con, 'carry-2-vision-console');
    const board2 = await room.page({ width: 1920, height: 1080 });
    await board2.goto(`${app.url}/board/${joinCode}`);
    await expect.poll(() => board2.locator('.vision-carried li').count()).toBe(3);
    await room.shot(board2, 'carry-2-vision-board');
    closeClients();
  }, 180_000);
});
