import { describe, expect, it } from 'vitest';
import { FOLLOW_CLOSED, FOLLOW_MS } from '../../client/views/replay/useReplayFollow.js';
import { hasChromium, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';

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
