import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { MAX_PACE } from '../../server/rehearsalRules.js';
import { keyedValues } from '../../shared/session/keyed.js';
import { client, closeClients, createSession, itemOfType, SHIPPED_TEMPLATES, startServer, tempDir, waitFor, type Created } from '../support/harness.js';
import { rehearsalHttp } from '../support/rehearsalHttp.js';

type Server = Awaited<ReturnType<typeof startServer>>;
const servers: Server[] = [];
const start = async (dataDir: string, idleUnloadMs?: number): Promise<Server> => {
  const app = await startServer({ templatesDir: SHIPPED_TEMPLATES, dataDir, ...(idleUnloadMs ? { idleUnloadMs } : {}) });
  servers.push(app);
  return app;
};
afterEach(async () => {
  closeClients();
  for (const s of servers.splice(0)) await s.close();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openConsole(app: Server, s: Created): Promise<SessionClient> {
  const fac = client(app);
  await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
  return fac;
}

/** The notes the simulated participants wrote, as the console holds them. */
const simulatedNotes = (fac: SessionClient): number => {
  const simulated = new Set(keyedValues(fac.snap.state.participants).filter((p) => p.simulated).map((p) => p.id));
  return keyedValues(fac.snap.state.notes).filter((n) => n.authorId !== null && simulated.has(n.authorId)).length;
};

describe('a rehearsal survives', () => {
  it('a server restart: the new server resumes the simulated participants at the stored pace, and a pause stays a pause', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const s = await createSession(first, { templateId: 'refinement-meeting', rehearsal: { participants: 5, pace: MAX_PACE } });
    const fac1 = await openConsole(first, s);
    expect((await fac1.send({ type: 'agenda.goto', payload: { itemId: itemOfType(fac1, 'board') } })).ok).toBe(true);
    await waitFor(() => simulatedNotes(fac1) >= 1, 'a first simulated note', 10_000);
    expect((await rehearsalHttp(first).change(s, { pace: MAX_PACE - 1 })).status).toBe(200);
    fac1.close();
    await first.close();

    const second = await start(dataDir);
    const fac2 = await openConsole(second, s);
    const before = simulatedNotes(fac2);
    expect(await rehearsalHttp(second).status(s)).toMatchObject({ participants: 5, pace: MAX_PACE - 1, paused: false });
    await waitFor(() => simulatedNotes(fac2) > before, 'the simulated participants post again after the restart', 10_000);
    expect((await rehearsalHttp(second).change(s, { paused: true })).status).toBe(200);
    fac2.close();
    await second.close();

    const third = await start(dataDir);
    const fac3 = await openConsole(third, s);
    expect(await rehearsalHttp(third).status(s)).toMatchObject({ participants: 5, pace: MAX_PACE - 1, paused: true });
    const seq = fac3.snap.state.seq;
    await sleep(1500);
    expect(fac3.snap.state.seq).toBe(seq);
    // Resumed from the console's own command (any screen): the room acts again.
    expect((await fac3.send({ type: 'rehearsal.pace', payload: { paused: false } })).ok).toBe(true);
    const resumed = fac3.snap.state.seq;
    await waitFor(() => fac3.snap.state.seq > resumed && simulatedNotes(fac3) > 0, 'the room acts once resumed', 10_000);
    expect(fac3.snap.state.rehearsalPace).toEqual({ pace: MAX_PACE - 1, paused: false });
  }, 60_000);

  it('an idle unload: the bots stop with the session and act again once it is loaded', async () => {
    const app = await start(tempDir(), 300);
    const s = await createSession(app, { templateId: 'refinement-meeting', rehearsal: { participants: 3, pace: MAX_PACE } });
    await waitFor(() => app.liveSessions() === 0, 'the session to leave memory', 5000);
    await sleep(600);
    expect(app.liveSessions()).toBe(0);
    const fac = await openConsole(app, s);
    expect(await rehearsalHttp(app).status(s)).toMatchObject({ participants: 3, pace: MAX_PACE, paused: false });
    expect((await fac.send({ type: 'agenda.goto', payload: { itemId: itemOfType(fac, 'board') } })).ok).toBe(true);
    await waitFor(() => simulatedNotes(fac) >= 2, 'the simulated participants post once loaded', 10_000);
  }, 30_000);

  it('a real session refuses a pace: it has no simulated participants', async () => {
    const app = await start(tempDir());
    const s = await createSession(app, { templateId: 'refinement-meeting' });
    const fac = await openConsole(app, s);
    const res = await fac.send({ type: 'rehearsal.pace', payload: { pace: 5 } });
    expect(res.ok ? '' : res.error.message).toBe('This is a real session, not a rehearsal: simulated participants can only join a rehearsal.');
  });
});
