import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { allNotes, allParticipants, noteById } from '../../shared/session/notes.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { boardItemId, client, closeClients, createSession, startServer, waitFor, type Created } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  app = await startServer();
});
afterEach(() => closeClients());
afterAll(() => app.close());

async function room(s: Created, names = ['Ana', 'Ben', 'Chloé']) {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  const phones = [];
  for (const name of names) {
    const p = client(app);
    const res = await p.join({ role: 'participant', joinCode: s.joinCode, name });
    expect(res.ok).toBe(true);
    phones.push(p);
  }
  const board = client(app);
  expect((await board.join({ role: 'board', joinCode: s.joinCode })).ok).toBe(true);
  return { fac, phones, board, itemId: boardItemId(fac) };
}

const note = (itemId: string, text: string, column = 'Strengths'): CommandInput => ({
  type: 'note.add',
  payload: { itemId, column, text },
});

describe('live session over real sockets', () => {
  it('a note from one phone reaches the facilitator, every phone and the board', async () => {
    const s = await createSession(app);
    const { fac, phones, board, itemId } = await room(s);
    const res = await phones[0]!.send(note(itemId, 'Strong foster-parent network'));
    expect(res.ok).toBe(true);
    for (const c of [fac, board, ...phones])
      await waitFor(() => allNotes(c.snap.state).some((n) => n.text === 'Strong foster-parent network'), 'note');
    const n = allNotes(board.snap.state)[0]!;
    expect(n).toMatchObject({ authorName: 'Ana', column: 'Strengths', itemId });
    await waitFor(() => fac.snap.presence?.participantIds.length === 3, 'presence of 3');
    expect(fac.snap.presence?.boards).toBe(1);
  });

  it('refuses every facilitator-only command from a participant, and changes nothing', async () => {
    const s = await createSession(app);
    const { fac, phones, itemId } = await room(s, ['Ana']);
    const p = phones[0]!;
    const before = fac.snap.state.seq;
    const facilitatorOnly: CommandInput[] = [
      { type: 'timer.start', payload: {} },
      { type: 'timer.pause', payload: {} },
      { type: 'timer.resume', payload: {} },
      { type: 'timer.extend', payload: { minutes: 5 } },
      { type: 'timer.reset', payload: {} },
      { type: 'agenda.next', payload: {} },
      { type: 'agenda.previous', payload: {} },
      { type: 'agenda.goto', payload: { itemId } },
      { type: 'agenda.addItem', payload: { item: { title: 'Extra', plannedMinutes: 5, moduleType: 'presentation' } } },
      { type: 'agenda.removeItem', payload: { itemId } },
      { type: 'agenda.moveItem', payload: { itemId, toIndex: 0 } },
      { type: 'agenda.updateItem', payload: { itemId, patch: { plannedMinutes: 1 } } },
      { type: 'board.lock', payload: { itemId, locked: true } },
    ];
    for (const cmd of facilitatorOnly) {
      const res = await p.send(cmd);
      expect(res, cmd.type).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the facilitator can do that.' } });
    }
    expect(fac.snap.state.seq).toBe(before);
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    expect((await board.send(note(itemId, 'from the board'))).ok).toBe(false);
  });

  it('lets a participant change only their own notes; the facilitator moves, edits and deletes any', async () => {
    const s = await createSession(app);
    const { fac, phones, itemId } = await room(s, ['Ana', 'Ben']);
    const [ana, ben] = phones as [typeof phones[0], typeof phones[0]];
    await ana.send(note(itemId, 'mine'), 'note-of-ana-1');
    expect(await ben.send({ type: 'note.delete', payload: { noteId: 'note-of-ana-1' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'You can only change your own notes.' },
    });
    expect((await ana.send({ type: 'note.edit', payload: { noteId: 'note-of-ana-1', text: 'mine, edited' } })).ok).toBe(true);
    expect((await fac.send({ type: 'note.move', payload: { noteId: 'note-of-ana-1', column: 'Threats' } })).ok).toBe(true);
    await waitFor(() => noteById(ben.snap.state, 'note-of-ana-1')?.column === 'Threats', 'move seen by Ben');
    expect(noteById(ben.snap.state, 'note-of-ana-1')?.text).toBe('mine, edited');
    expect((await fac.send({ type: 'board.lock', payload: { itemId, locked: true } })).ok).toBe(true);
    // A note after the lock is kept as late input for the facilitator; deleting on a locked board is simply refused.
    expect(await ana.send(note(itemId, 'late'))).toMatchObject({ ok: true, late: true });
    expect(await ana.send({ type: 'note.delete', payload: { noteId: 'note-of-ana-1' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'The board is locked.' },
    });
    expect((await fac.send({ type: 'note.delete', payload: { noteId: 'note-of-ana-1' } })).ok).toBe(true);
    await waitFor(() => !noteById(ana.snap.state, 'note-of-ana-1'), 'delete seen');
  });

  it('a phone that goes offline keeps its notes queued and each lands exactly once when it is back', async () => {
    const s = await createSession(app);
    const { fac, phones, itemId } = await room(s, ['Ana']);
    const storage = memoryStorage();
    const phone = client(app, storage);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Dee' });
    phone.goOffline();
    await waitFor(() => phone.snap.connection === 'offline', 'offline');
    const pending = [1, 2, 3, 4, 5].map((i) => phone.send(note(itemId, `offline note ${i}`)));
    expect(phone.snap.queued).toHaveLength(5);
    expect(JSON.parse(storage.getItem(`ft:queue:${s.joinCode}:participant`) ?? '[]')).toHaveLength(5);
    // Meanwhile the room goes on.
    await phones[0]!.send(note(itemId, 'while Dee was away'));
    phone.reconnect();
    const results = await Promise.all(pending);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(phone.snap.queued).toHaveLength(0);
    await waitFor(() => allNotes(fac.snap.state).length === 6, '6 notes at the facilitator');
    const texts = allNotes(fac.snap.state).map((n) => n.text).sort();
    expect(texts.filter((t) => t.startsWith('offline note'))).toEqual([1, 2, 3, 4, 5].map((i) => `offline note ${i}`));
    await waitFor(() => allNotes(phone.snap.state).length === 6, 'phone caught up');
    expect(phone.duplicates).toBe(0);
  });

  it('a queue saved by a closed tab is sent by the next tab of the same phone', async () => {
    const s = await createSession(app);
    const { fac, itemId } = await room(s, []);
    const storage = memoryStorage();
    const tab1 = client(app, storage);
    await tab1.join({ role: 'participant', joinCode: s.joinCode, name: 'Eve' });
    tab1.goOffline();
    void tab1.send(note(itemId, 'typed before the refresh'));
    tab1.close();
    const tab2 = client(app, storage);
    await tab2.join({ role: 'participant', joinCode: s.joinCode });
    await waitFor(() => tab2.snap.queued.length === 0, 'queue drained');
    await waitFor(() => allNotes(fac.snap.state).some((n) => n.text === 'typed before the refresh'), 'note');
    expect(tab2.snap.participantId).toBe(tab1.snap.participantId);
    expect(allParticipants(fac.snap.state)).toHaveLength(1);
  });

  it('a resent command id takes effect once and gets the same answer', async () => {
    const s = await createSession(app);
    const { fac, phones, itemId } = await room(s, ['Ana']);
    const first = await phones[0]!.send(note(itemId, 'once'), 'same-id-12345');
    const again = await phones[0]!.send(note(itemId, 'once'), 'same-id-12345');
    const raw = await phones[0]!.socket.emitWithAck('command', { id: 'same-id-12345', ...note(itemId, 'once') });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(raw).toEqual(first);
    await new Promise((r) => setTimeout(r, 100));
    expect(allNotes(fac.snap.state).filter((n) => n.text === 'once')).toHaveLength(1);
  });

  it('a refresh resumes the same participant; a new phone becomes a new one', async () => {
    const s = await createSession(app);
    const storage = memoryStorage();
    const first = client(app, storage);
    await first.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    first.close();
    const refreshed = client(app, storage);
    const res = await refreshed.join({ role: 'participant', joinCode: s.joinCode });
    expect(res.ok && res.participantId).toBe(first.snap.participantId);
    const other = client(app);
    const res2 = await other.join({ role: 'participant', joinCode: s.joinCode });
    expect(res2).toMatchObject({ ok: false, error: { code: 'invalid', message: 'Please enter your name.' } });
  });

  it('tells a phone with an unknown code so, in words', async () => {
    const p = client(app);
    const res = await p.join({ role: 'participant', joinCode: 'zzzz99', name: 'Ana' });
    expect(res).toEqual({ ok: false, error: { code: 'not_found', message: 'No session with code ZZZZ99.' } });
  });

  it('refuses a wrong facilitator key and never sends the key to participants or the board', async () => {
    const s = await createSession(app);
    const bad = client(app);
    expect(await bad.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: 'guess' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const seen: string[] = [];
    const p = client(app);
    p.socket.onAny((...args: unknown[]) => seen.push(JSON.stringify(args)));
    const b = client(app);
    b.socket.onAny((...args: unknown[]) => seen.push(JSON.stringify(args)));
    const pj = await p.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const bj = await b.join({ role: 'board', joinCode: s.joinCode });
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    await fac.send({ type: 'timer.start', payload: {} });
    await waitFor(() => p.snap.state.timer.status === 'running' && b.snap.state.timer.status === 'running', 'timer');
    const everything = [...seen, JSON.stringify(pj), JSON.stringify(bj)].join('\n');
    expect(everything).not.toContain(s.facilitatorKey);
    // Facilitator notes are for the facilitator only.
    expect(everything).not.toContain('secret facilitator note');
    expect(fac.snap.state.agenda[0]?.facilitatorNotes).toMatch(/Introduce the team/);
  });

  it('keeps the timer the same on every screen and lets the facilitator run the agenda', async () => {
    const s = await createSession(app);
    const { fac, phones, board } = await room(s, ['Ana']);
    const send = async (body: CommandInput) => expect((await fac.send(body)).ok, body.type).toBe(true);
    await send({ type: 'timer.start', payload: {} });
    await send({ type: 'timer.extend', payload: { minutes: 5 } });
    const extended = (20 + 5) * 60_000; // the welcome item is planned at 20 minutes
    await waitFor(() => [fac, board, ...phones].every((c) => c.snap.state.timer.durationMs === extended), 'extend seen');
    expect(phones[0]!.snap.state.timer.endsAt).toBe(fac.snap.state.timer.endsAt);
    expect(board.snap.state.timer.endsAt).toBe(fac.snap.state.timer.endsAt);
    await send({ type: 'timer.pause', payload: {} });
    await send({ type: 'timer.resume', payload: {} });
    await send({ type: 'agenda.next', payload: {} });
    await waitFor(() => board.snap.state.currentItemId === fac.snap.state.agenda[1]?.id, 'board follows');
    expect(fac.snap.state.actualMs[fac.snap.state.agenda[0]!.id]).toBeGreaterThanOrEqual(0);
    await send({ type: 'agenda.addItem', payload: { item: { title: 'Break', plannedMinutes: 15, moduleType: 'presentation' }, index: 2 } });
    await waitFor(() => fac.snap.state.agenda.length === 7, 'item added');
    const added = fac.snap.state.agenda[2]!;
    expect(added.title).toBe('Break');
    await send({ type: 'agenda.moveItem', payload: { itemId: added.id, toIndex: 0 } });
    await send({ type: 'agenda.updateItem', payload: { itemId: added.id, patch: { prompt: 'Stretch', facilitatorNotes: 'Keep it short' } } });
    await send({ type: 'agenda.updateItem', payload: { itemId: added.id, patch: { plannedMinutes: 10 } } });
    await waitFor(() => fac.snap.state.agenda.find((i) => i.id === added.id)?.plannedMinutes === 10, 'retimed');
    expect(fac.snap.state.agenda.find((i) => i.id === added.id)).toMatchObject({ prompt: 'Stretch', facilitatorNotes: 'Keep it short' });
    await send({ type: 'agenda.goto', payload: { itemId: added.id } });
    await send({ type: 'agenda.removeItem', payload: { itemId: added.id } });
    await waitFor(() => phones[0]!.snap.state.seq === fac.snap.state.seq, 'phone in step');
    expect(phones[0]!.snap.state.agenda.map((i) => i.id)).toEqual(fac.snap.state.agenda.map((i) => i.id));
    expect(phones[0]!.snap.state.currentItemId).toBe(fac.snap.state.currentItemId);
  });

  it('answers clock probes so clients can correct for their offset', async () => {
    const s = await createSession(app);
    const p = client(app);
    await p.join({ role: 'board', joinCode: s.joinCode });
    const offset = await p.syncClock(3);
    expect(Math.abs(offset)).toBeLessThan(100); // same machine: the offset is tiny
  });

  it('tells a client built for another protocol version to reload', async () => {
    const socket = io(app.url, { auth: { protocol: PROTOCOL_VERSION + 1 }, transports: ['websocket'], reconnection: false });
    const err = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.on('connect_error', resolve));
    expect(err.message).toBe('This page is out of date. Please reload it.');
    expect(err.data?.code).toBe('protocol');
    socket.close();
  });
});
