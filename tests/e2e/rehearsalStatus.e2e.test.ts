import { describe, expect, it } from 'vitest';
import { STATUS_EVERY_MS } from '../../client/views/rehearsal/RehearsalControls.js';
import { hasChromium, useRoom } from '../support/browser.js';
import { client, closeClients, createSession, itemOfType } from '../support/harness.js';
import { rehearsalHttp } from '../support/rehearsalHttp.js';

const SIMULATED_NOTE = /^(In our state:|An example:|We could build on|Still missing:|A question about|What works:)/;

describe.skipIf(!hasChromium)('the console of a busy rehearsal', () => {
  const openedRoom = useRoom();

  it('50 simulated participants at the top pace: the console reads the status now and then, not once per event', async () => {
    const room = openedRoom();
    const s = await createSession(room.app, { templateId: 'refinement-meeting', rehearsal: { participants: 50, pace: 60 } });
    const con = await room.page({ width: 1366, height: 768 });
    await con.clock.install();
    await con.goto(s.facilitatorUrl.replace(/^http:\/\/[^/]+/, room.app.url));
    await expect.poll(() => con.getByText(/50 simulated participants, 60 actions a minute each; 0 actions so far/).count(), { timeout: 15_000 }).toBe(1);

    // The page's clock stands still: only what the room sends moves the console now.
    await con.clock.pauseAt(Date.now() + 1_000);
    const reads: string[] = [];
    con.on('request', (r) => {
      if (r.method() === 'GET' && r.url().endsWith(`/api/sessions/${s.sessionId}/rehearsal`)) reads.push(r.url());
    });
    const fac = client(room.app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    expect((await fac.send({ type: 'agenda.goto', payload: { itemId: itemOfType(fac, 'board') } })).ok).toBe(true);
    const http = rehearsalHttp(room.app);
    await expect.poll(async () => (await http.status(s))?.actions ?? 0, { timeout: 30_000 }).toBe(100);
    await expect.poll(() => con.getByText(SIMULATED_NOTE).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(50);
    expect(reads).toEqual([]);

    // When the clock moves on, one read brings the status up to date.
    await con.clock.runFor(STATUS_EVERY_MS + 100);
    await expect.poll(() => con.getByText(/; 100 actions so far/).count()).toBe(1);
    expect(reads).toHaveLength(1);
    await room.shot(con, 'rehearsal-busy-console');
    closeClients();
  }, 90_000);
});
