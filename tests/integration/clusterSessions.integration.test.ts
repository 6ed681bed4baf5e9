import { afterEach, describe, expect, it } from 'vitest';
import { allNotes } from '../../shared/session/notes.js';
import { REMOVED } from '../../shared/modules/people/people.logic.js';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, waitFor } from '../support/harness.js';
import { REDIS_URL, redisSkipReason, uniquePrefix } from '../support/redis.js';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { ownRatings } from '../../shared/modules/values/values.results.js';
import { openSurvey, surveyOn } from '../support/valuesSurvey.js';

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

  it('a participant removed on one server is told and let go of on the other, and only they', async () => {
    const [a, b] = await twoServers();
    const s = await createSession(a);
    const fac = client(a);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const ana = client(b);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const ben = client(b);
    await ben.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
    expect(await fac.send({ type: 'people.remove', payload: { participantId: ana.snap.participantId! } })).toMatchObject({ ok: true });
    await waitFor(() => ana.snap.closed === REMOVED, 'the removed phone on the other server told');
    await waitFor(() => fac.snap.presence?.participantIds.join() === ben.snap.participantId, 'only the other phone online');
    expect(ben.snap.closed).toBeNull();
  });

  it("an anonymous rating reaches the rater's own screen on the other server in full, and nobody else's", async () => {
    const [a, b] = await twoServers();
    const { s, fac, itemId, valueIds } = await openSurvey(a, ['Respect', 'Partnership']);
    const storage = memoryStorage();
    const here = client(a, storage);
    await here.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    // Ana's second tab (the same phone's storage, so the same participant) reached the other server.
    const there = client(b, storage);
    await there.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    expect(there.snap.participantId).toBe(here.snap.participantId);
    const ben = client(b);
    await ben.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
    expect(await here.send({ type: 'values.rate', payload: { itemId, valueId: valueIds[0]!, scale: 'importance', score: 5 } })).toMatchObject({ ok: true });
    await waitFor(() => surveyOn(ben, itemId).respondents === 1 && surveyOn(fac, itemId).respondents === 1, 'the rating counted everywhere');
    await waitFor(() => Object.keys(ownRatings(surveyOn(there, itemId))).length === 1, "Ana's own rating on her tab on the other server");
    expect(Object.values(ownRatings(surveyOn(there, itemId)))).toEqual([{ importance: 5, practice: null }]);
    expect(Object.keys(ownRatings(surveyOn(ben, itemId)))).toEqual([]);
  });
});
