import { describe, expect, it } from 'vitest';
import { hasChromium, joinOnPhone, useRoom } from '../support/browser.js';
import { createSession } from '../support/harness.js';

describe.skipIf(!hasChromium)('ending and deleting a session in the browser', () => {
  const openedRoom = useRoom();

  it('the console shows the retention date, ends the session and deletes it after confirming; the phone follows', async () => {
    const room = openedRoom();
    const { app } = room;
    const s = await createSession(app, { templateId: 'data-retreat' });
    const console_ = await room.page({ width: 1366, height: 768 });
    await console_.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, app.url));
    const keptUntil = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    await expect.poll(() => console_.getByTestId('kept-until').innerText()).toContain(`Kept until ${keptUntil}.`);
    const phone = await room.phone();
    await joinOnPhone(phone, app.url, s.joinCode, 'Ana');
    await expect.poll(() => console_.getByText('Ana').count()).toBeGreaterThan(0); // joined: on the presence list

    await console_.getByRole('button', { name: 'End session' }).click();
    await console_.getByRole('button', { name: 'End the session' }).click();
    for (const p of [console_, phone])
      await expect.poll(() => p.getByRole('status').filter({ hasText: 'This session has ended' }).count()).toBe(1);
    await room.shot(phone, 'phone-ended');

    await console_.getByRole('button', { name: 'Delete session' }).click();
    await expect.poll(() => console_.getByText(/Delete this session and everything in it for good\?/).count()).toBe(1);
    await console_.getByRole('button', { name: 'Delete for good' }).click();
    for (const p of [console_, phone])
      await expect.poll(() => p.getByRole('alert').filter({ hasText: 'This session was deleted by its facilitator.' }).count()).toBe(1);
    await room.shot(phone, 'phone-deleted');
  }, 90_000);
});
