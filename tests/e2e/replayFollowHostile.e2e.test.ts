import { describe, expect, it } from 'vitest';
import { FOLLOW_CLOSED, FOLLOW_MS } from '../../client/views/replay/useReplayFollow.js';
import { hasChromium, useRoom } from '../support/browser.js';
import { client, closeClients, createSession } from '../support/harness.js';
import { Steps } from '../support/wire.js';
import { allNotes } from '../../shared/session/notes.js';

describe.skipIf(!hasChromium)('a replay following a session that gets deleted', () => {
  const openedRoom = useRoom();

  it('stops looking for more, says why in our sentence, and keeps what it loaded to play', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'data-retreat' });
    const projector = await room.page({ width: 1920, height: 1080 });
    // The page's clock is ours to move, so the follow's looks happen when the test says, not on the wall clock.
    await projector.clock.install();
    const looks: string[] = [];
    projector.on('request', (r) => {
      if (r.url().includes('/replay?') && r.url().includes('after=')) looks.push(r.url());
    });
    await projector.goto(`${room.app.url}/replay/${s.sessionId}`);
    await projector.getByLabel('Console link').fill(s.facilitatorUrl);
    await projector.getByRole('button', { name: 'Open the replay' }).click();
    const status = projector.getByRole('status').filter({ hasText: /Live|deleted/ });
    await expect.poll(() => status.innerText()).toMatch(/^Live/);
    await projector.clock.runFor(FOLLOW_MS + 100);
    await expect.poll(() => looks.length).toBe(1);

    const gone = await fetch(`${room.app.url}/api/sessions/${s.sessionId}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.facilitatorKey}` } });
    expect(gone.status).toBe(204);
    await projector.clock.runFor(FOLLOW_MS + 100);
    await expect.poll(() => status.innerText()).toBe(FOLLOW_CLOSED);
    // Said as a problem, not in the colour of a live follow.
    expect(await status.getAttribute('class')).toContain('replay-live--problem');
    expect(looks).toHaveLength(2);
    await room.shot(projector, 'replay-follow-deleted');

    // A minute on, the page has not asked again: every look would only be refused.
    await projector.clock.runFor(12 * FOLLOW_MS);
    await projector.evaluate(() => fetch('/health').then((r) => r.status));
    expect(looks).toHaveLength(2);
    // What was loaded still plays: the board of the session's first moment.
    await expect.poll(() => projector.locator('#board-item-title').innerText()).not.toBe('');
    expect(await projector.getByRole('slider', { name: 'Moment in the session' }).count()).toBe(1);
  });
});

describe.skipIf(!hasChromium)('a replay following a session in which a note is erased', () => {
  const openedRoom = useRoom();

  it('never shows the erased text again, not even at a moment before the erasure', async () => {
    const room = openedRoom();
    const steps = new Steps();
    const s = await createSession(room.app, { title: 'Erasure day' });
    const fac = client(room.app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    await steps.ok(fac, { type: 'agenda.addItem', payload: { item: { title: 'Open board', plannedMinutes: 10, moduleType: 'board', columns: ['Ideas'] } } });
    const phone = client(room.app);
    expect((await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok).toBe(true);
    await steps.ok(phone, { type: 'note.add', payload: { itemId: fac.snap.state.agenda[0]!.id, column: 'Ideas', text: 'ERASE-ME home address' } });
    await steps.ok(phone, { type: 'note.add', payload: { itemId: fac.snap.state.agenda[0]!.id, column: 'Ideas', text: 'Kinship network' } });
    await steps.inStep([fac]);
    const shown = fac.snap.state.seq;

    const projector = await room.page({ width: 1920, height: 1080 });
    await projector.clock.install();
    await projector.goto(`${room.app.url}/replay/${s.sessionId}`);
    await projector.getByLabel('Console link').fill(s.facilitatorUrl);
    await projector.getByRole('button', { name: 'Open the replay' }).click();
    const scrub = projector.getByRole('slider', { name: 'Moment in the session' });
    await expect.poll(() => scrub.count()).toBe(1);
    await scrub.fill(String(shown));
    await expect.poll(() => projector.getByRole('status').filter({ hasText: 'Live' }).count()).toBe(1);
    await expect.poll(() => projector.locator('body').innerText()).toContain('ERASE-ME home address');

    const note = allNotes(fac.snap.state).find((n) => n.text.startsWith('ERASE-ME'))!;
    await steps.ok(fac, { type: 'note.erase', payload: { noteId: note.id } });
    await steps.inStep([fac]);
    await projector.clock.runFor(FOLLOW_MS + 100);
    await expect.poll(() => projector.getByText(`event ${fac.snap.state.seq} of ${fac.snap.state.seq}`).count()).toBe(1);
    await expect.poll(() => projector.locator('body').innerText()).toContain('Kinship network');
    expect(await projector.locator('body').innerText()).not.toContain('ERASE-ME');

    // Back to the moment the note was on the board: it is there, without its text.
    await scrub.fill(String(shown));
    await expect.poll(() => projector.getByText(`event ${shown} of ${fac.snap.state.seq}`).count()).toBe(1);
    await expect.poll(() => projector.locator('body').innerText()).toContain('Kinship network');
    expect(await projector.locator('body').innerText()).not.toContain('ERASE-ME');
    await room.shot(projector, 'replay-follow-erased');
    closeClients();
  });
});
