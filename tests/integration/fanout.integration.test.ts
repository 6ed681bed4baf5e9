import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { Presence } from '../../shared/protocol/socket.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { allNotes, allParticipants } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, waitFor, type Created } from '../support/harness.js';

/**
 * The adaptive fan-out (server/fanout.ts) with a tick far longer than any test step: an event of a quiet session
 * goes at once, what follows within the window waits for its end in one frame. Assertions are on the order and
 * number of frames, never on wall time.
 */
const TICK_MS = 1500;
let slow: Awaited<ReturnType<typeof startServer>>;
let eager: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  // A budget of 1 socket a second: any room's window is the whole tick.
  slow = await startServer({ tickMs: TICK_MS, fanoutWritesPerSecond: 1 });
  // A budget no room reaches: the window is under a millisecond, so every event goes at once.
  eager = await startServer({ tickMs: TICK_MS, fanoutWritesPerSecond: 1e12 });
});
afterEach(() => closeClients());
afterAll(async () => {
  await slow.close();
  await eager.close();
});

type App = typeof slow;

async function room(app: App, s: Created, names: string[]): Promise<{ fac: SessionClient; phones: SessionClient[]; itemId: string }> {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  const phones: SessionClient[] = [];
  for (const name of names) {
    const p = client(app);
    expect((await p.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
    phones.push(p);
  }
  return { fac, phones, itemId: boardItemId(fac) };
}

/** The frames of events this client receives from now on. */
function framesOf(c: SessionClient): SessionEvent[][] {
  const frames: SessionEvent[][] = [];
  c.socket.on('events', (events) => frames.push(events));
  return frames;
}

const note = (itemId: string, text: string): CommandInput => ({ type: 'note.add', payload: { itemId, column: 'Strengths', text } });
const texts = (frame: SessionEvent[]): string[] => frame.flatMap((e) => (e.type === 'note.added' ? [e.note.text] : []));
/** A round trip on the socket: every frame the server sent this socket before it answered has arrived. */
const probe = (c: SessionClient): Promise<unknown> => c.socket.timeout(5000).emitWithAck('time');

/** Waits until the server has let the session's window lapse: a window with nothing to send ends it. */
const quiet = (): Promise<void> => new Promise((r) => setTimeout(r, TICK_MS * 2 + 200));

describe('adaptive fan-out', () => {
  it("a quiet session's note reaches a phone at once, not at the end of the tick", async () => {
    const s = await createSession(slow);
    const { phones, itemId } = await room(slow, s, ['Ana', 'Ben']);
    await quiet();
    const [ana, ben] = phones as [SessionClient, SessionClient];
    const frames = framesOf(ben);
    expect((await ana.send(note(itemId, 'Strong foster-parent network'))).ok).toBe(true);
    // Ben's clock probe, sent after Ana's note was answered, comes back after the note's frame: it was not held.
    await probe(ben);
    expect(frames.map(texts)).toEqual([['Strong foster-parent network']]);
  });

  it('a burst is coalesced: the first note in its own frame, the rest in one frame at the end of the window', async () => {
    const s = await createSession(slow);
    const { phones, itemId } = await room(slow, s, ['Ana', 'Ben']);
    await quiet();
    const [ana, ben] = phones as [SessionClient, SessionClient];
    const frames = framesOf(ben);
    const burst = Array.from({ length: 10 }, (_, i) => `idea ${i + 1}`);
    const answers = await Promise.all(burst.map((t) => ana.send(note(itemId, t))));
    expect(answers.every((a) => a.ok)).toBe(true);
    await waitFor(() => frames.flatMap(texts).length === burst.length, 'the whole burst', TICK_MS * 4);
    expect(frames.map(texts)).toEqual([burst.slice(0, 1), burst.slice(1)]);
    // Load fell: after a quiet window the next note goes at once again.
    await quiet();
    expect((await ana.send(note(itemId, 'after the lull'))).ok).toBe(true);
    await probe(ben);
    expect(frames.map(texts).at(-1)).toEqual(['after the lull']);
    expect(ben.duplicates).toBe(0);
    expect(ben.gaps).toBe(0);
  });

  it('a small room is not held: with a budget the room does not reach, every note goes in a frame of its own', async () => {
    const s = await createSession(eager);
    const { phones, itemId } = await room(eager, s, ['Ana', 'Ben']);
    const [ana, ben] = phones as [SessionClient, SessionClient];
    const frames = framesOf(ben);
    const burst = Array.from({ length: 6 }, (_, i) => `quick ${i + 1}`);
    const answers = await Promise.all(burst.map((t) => ana.send(note(itemId, t))));
    expect(answers.every((a) => a.ok)).toBe(true);
    await probe(ben);
    expect(frames.map(texts)).toEqual(burst.map((t) => [t]));
  });

  it('a join storm shares frames: joins within a window reach the room in one frame and the console in one presence list', async () => {
    const s = await createSession(slow);
    const { fac, phones, itemId } = await room(slow, s, ['Ana']);
    await quiet();
    const ana = phones[0]!;
    const frames = framesOf(ana);
    const presences: Presence[] = [];
    fac.socket.on('presence', (p) => presences.push(p));
    const names = Array.from({ length: 12 }, (_, i) => `Phone ${i + 1}`);
    const storm = names.map(() => client(slow));
    await waitFor(() => storm.every((c) => c.socket.connected), 'the phones connected');
    // Ana's note opens a window; the joins that follow arrive within it.
    expect((await ana.send(note(itemId, 'before the storm'))).ok).toBe(true);
    const joins = await Promise.all(storm.map((c, i) => c.join({ role: 'participant', joinCode: s.joinCode, name: names[i]! })));
    expect(joins.every((j) => j.ok)).toBe(true);
    await probe(ana);
    const joinedFrames = frames.filter((f) => f.some((e) => e.type === 'participant.joined'));
    expect(joinedFrames).toHaveLength(1);
    expect(joinedFrames[0]!.filter((e) => e.type === 'participant.joined')).toHaveLength(names.length);
    await waitFor(() => presences.at(-1)?.participantIds.length === names.length + 1, 'everyone online', TICK_MS * 4);
    expect(presences.length).toBeLessThanOrEqual(2);
    // Each newcomer's catch-up and the live frames after it neither overlap nor gap, and all end in the same state.
    expect((await storm[0]!.send(note(itemId, 'after the storm'))).ok).toBe(true);
    for (const c of [fac, ana, ...storm]) await waitFor(() => allNotes(c.snap.state).length === 2, 'both notes', TICK_MS * 4);
    for (const c of [ana, ...storm]) {
      expect(c.duplicates).toBe(0);
      expect(c.gaps).toBe(0);
      expect(allParticipants(c.snap.state)).toHaveLength(names.length + 1);
    }
  });
});
