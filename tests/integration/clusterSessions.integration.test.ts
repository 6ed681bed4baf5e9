import { afterEach, describe, expect, it } from 'vitest';
import { allNotes } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, waitFor } from '../support/harness.js';
import { REDIS_URL, redisSkipReason, uniquePrefix } from '../support/redis.js';

type App = Awaited<ReturnType<typeof startServer>>;
const apps: App[] = [];
afterEach(async () => {
  closeClients();
  for (const a of apps.splice(0)) await a.close();
});

/** Two servers in this process sharing one SQLite file and one Redis, as two processes would. */
async function twoServers(): Promise<[App, App]> {
  const dataDir = tempDir();
  const redisPrefix = uniquePrefix();
  for (let i = 0; i < 2; i++) apps.push(await startServer({ dataDir, redisUrl: REDIS_URL, redisPrefix }));
  return apps as [App, App];
}

describe.skipIf(redisSkipReason)('sessions shared by two servers through Redis', () => {
  it("the console on one sees who is online on the other, and who leaves", async () => {
    const [a, b] = await twoServers();
    const s = await createSession(a);
    const fac = client(a);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phone = client(b);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const board = client(b);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const here = client(a);
    await here.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
    await waitFor(() => fac.snap.presence?.participantIds.length === 2 && fac.snap.presence.boards === 1, 'both phones and the board');
    expect([...(fac.snap.presence?.participantIds ?? [])].sort()).toEqual([phone.snap.participantId, here.snap.participantId].sort());
    phone.close();
    await waitFor(() => fac.snap.presence?.participantIds.length === 1, 'the phone on the other server gone');
    expect(fac.snap.presence?.participantIds).toEqual([here.snap.participantId]);
  });

  it("keeps the other server's copy current: its next decision builds on the first server's events", async () => {
    const [a, b] = await twoServers();
    const s = await createSession(a);
    const fac = client(a);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phone = client(b);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const itemId = boardItemId(fac);
    // The console (on a) writes a note; the phone (on b) edits... its own: b decides on a copy that has a's events.
    expect(await fac.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'from the console' } })).toMatchObject({ ok: true });
    await waitFor(() => allNotes(phone.snap.state).length === 1, 'the note on the phone');
    for (let i = 0; i < 5; i++) {
      expect(await phone.send({ type: 'note.add', payload: { itemId, column: 'Threats', text: `phone ${i}` } })).toMatchObject({ ok: true });
      expect(await fac.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: `console ${i}` } })).toMatchObject({ ok: true });
    }
    await waitFor(() => phone.snap.state.seq === fac.snap.state.seq && allNotes(fac.snap.state).length === 11, 'in step');
    expect(phone.gaps).toBe(0);
    expect(fac.gaps).toBe(0);
  });

  it('a session deleted on one server is let go of on the other, whose screens are told', async () => {
    const [a, b] = await twoServers();
    const s = await createSession(a);
    const fac = client(a);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phone = client(b);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    expect(b.liveSessions()).toBe(1);
    // (On PostgreSQL the console may hear the deletion's sentence before its own answer: either says it is done.)
    await fac.send({ type: 'session.delete', payload: {} });
    await waitFor(() => phone.snap.closed === 'This session was deleted by its facilitator.', 'the phone told');
    await waitFor(() => b.liveSessions() === 0, 'the copy on the other server let go of');
  });
});
