import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { REMOVED } from '../../shared/modules/people/people.logic.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import { allNotes, allParticipants } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, waitFor } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer()));
afterAll(() => app.close());
afterEach(() => closeClients());

async function room() {
  const s = await createSession(app);
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  const samStorage = memoryStorage();
  const sam = client(app, samStorage);
  expect((await sam.join({ role: 'participant', joinCode: s.joinCode, name: 'Sam' })).ok).toBe(true);
  const other = client(app);
  expect((await other.join({ role: 'participant', joinCode: s.joinCode, name: 'Sam' })).ok).toBe(true);
  return { s, fac, sam, samStorage, other, itemId: boardItemId(fac) };
}

describe('participants over real sockets', () => {
  it('a rename reaches the console and the next note carries the new name, without a reconnect', async () => {
    const { fac, sam, itemId } = await room();
    expect((await sam.send({ type: 'people.rename', payload: { name: '  Samira  ' } })).ok).toBe(true);
    const bad = await sam.send({ type: 'people.rename', payload: { name: '   ' } });
    expect(bad.ok || bad.error.message).toBe('Please enter your name.');
    expect((await sam.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'After the rename' } })).ok).toBe(true);
    await waitFor(() => allNotes(fac.snap.state).length === 1, 'the note on the console');
    expect(allNotes(fac.snap.state)[0]?.authorName).toBe('Samira');
    expect(allParticipants(fac.snap.state).map((p) => p.name).sort()).toEqual(['Sam', 'Samira']);
  });

  it('a removed phone is told in a sentence, can send nothing more, and its token opens nothing; its notes stay', async () => {
    const { s, fac, sam, samStorage, other, itemId } = await room();
    expect((await sam.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'Stays after removal' } })).ok).toBe(true);
    const samId = sam.snap.participantId!;
    const missing = await fac.send({ type: 'people.remove', payload: { participantId: 'nobody-here' } });
    expect(missing.ok || missing.error.message).toBe('That participant is not in this session.');
    const byPhone = await other.send({ type: 'people.remove', payload: { participantId: samId } });
    expect(byPhone.ok || byPhone.error.code).toBe('forbidden');

    expect((await fac.send({ type: 'people.remove', payload: { participantId: samId } })).ok).toBe(true);
    await waitFor(() => sam.snap.closed !== null, 'the removed phone to be told');
    expect(sam.snap.closed).toBe(REMOVED);
    await waitFor(() => allParticipants(fac.snap.state).length === 1, 'the console to drop them');
    expect(allNotes(fac.snap.state)).toMatchObject([{ text: 'Stays after removal', authorName: '' }]);

    // The same phone comes back with its token (a refresh): refused with the sentence, and no new participant.
    const again = client(app, samStorage);
    const res = await again.join({ role: 'participant', joinCode: s.joinCode, name: 'Sam' });
    expect(res.ok || res.error).toEqual({ code: 'forbidden', message: REMOVED });
    expect(allParticipants(fac.snap.state)).toHaveLength(1);
    // The other Sam is untouched.
    expect((await other.send({ type: 'note.add', payload: { itemId, column: 'Threats', text: 'Still here' } })).ok).toBe(true);
  });

  it("a removed phone that ignores the sentence is let go by the server", async () => {
    const { s, fac } = await room();
    const sock = io(app.url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false });
    try {
      const joined = (await sock.timeout(3000).emitWithAck('join', { role: 'participant', protocol: PROTOCOL_VERSION, joinCode: s.joinCode, name: 'Stays' })) as JoinResult;
      if (!joined.ok) throw new Error(joined.error.message);
      const told: string[] = [];
      sock.on('closed', (notice: { message: string }) => told.push(notice.message));
      const gone = new Promise<string>((resolve) => sock.on('disconnect', resolve));
      expect((await fac.send({ type: 'people.remove', payload: { participantId: joined.participantId! } })).ok).toBe(true);
      expect(await gone).toBe('io server disconnect');
      expect(told).toEqual([REMOVED]);
    } finally {
      sock.close();
    }
  });
});
