import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { allNotes, noteById } from '../../shared/session/notes.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { client, closeClients, createSession, itemOfType, startServer, waitFor } from '../support/harness.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  app = await startServer();
});
afterEach(() => closeClients());
afterAll(() => app.close());

/** Every payload that reached this client's socket, join answer included. */
function wiretap(c: SessionClient): string[] {
  const seen: string[] = [];
  c.socket.onAny((...args: unknown[]) => seen.push(JSON.stringify(args)));
  return seen;
}
async function ok(c: SessionClient, body: CommandInput): Promise<number> {
  const res = await c.send(body);
  if (!res.ok) throw new Error(`${body.type}: ${res.error.message}`);
  return res.seq;
}

describe('moderation over real sockets', () => {
  it('a hidden note never reaches the board or another phone, live, on joining or after the reveal; delete and undo reach everyone', async () => {
    const s = await createSession(app);
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const ana = client(app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const ben = client(app);
    const benWire = wiretap(ben);
    benWire.push(JSON.stringify(await ben.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' })));
    const board = client(app);
    const boardWire = wiretap(board);
    boardWire.push(JSON.stringify(await board.join({ role: 'board', joinCode: s.joinCode })));
    const swot = itemOfType(fac, 'swot');

    await ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'HIDE-ME names a colleague' } });
    await ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'Keep me' } });
    await waitFor(() => allNotes(fac.snap.state).length === 2, 'facilitator has both');
    const hiddenId = allNotes(fac.snap.state).find((n) => n.text.startsWith('HIDE-ME'))!.id;
    await ok(fac, { type: 'flow.hide', payload: { noteId: hiddenId, hidden: true } });
    await ok(fac, { type: 'note.edit', payload: { noteId: hiddenId, text: 'HIDE-ME reworded' } });
    let head = await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'reveal' } });
    // A phone that joins after the reveal learns nothing either.
    const late = client(app);
    const lateWire = wiretap(late);
    lateWire.push(JSON.stringify(await late.join({ role: 'participant', joinCode: s.joinCode, name: 'Late' })));
    await waitFor(() => [ana, ben, board, late].every((c) => c.snap.state.seq >= head), 'every screen in step');

    for (const wire of [benWire, boardWire, lateWire]) expect(wire.join('\n')).not.toContain('HIDE-ME');
    for (const c of [ben, board, late]) expect(noteById(c.snap.state, hiddenId)).toBeUndefined();
    expect(noteById(ana.snap.state, hiddenId)).toMatchObject({ text: 'HIDE-ME reworded', withheld: true });
    expect(flowOf(board.snap.state, swot).phase).toBe('reveal');

    const keepId = allNotes(fac.snap.state).find((n) => n.text === 'Keep me')!.id;
    await ok(fac, { type: 'note.delete', payload: { noteId: keepId } });
    await waitFor(() => !noteById(board.snap.state, keepId), 'gone from the board');
    head = await ok(fac, { type: 'note.restore', payload: { noteId: keepId } });
    await waitFor(() => [ana, ben, board].every((c) => c.snap.state.seq >= head), 'every screen in step');
    for (const c of [ben, board]) expect(noteById(c.snap.state, keepId)?.text).toBe('Keep me');
    const again = await fac.send({ type: 'note.restore', payload: { noteId: keepId } });
    expect(again).toMatchObject({ ok: false, error: { message: 'That note cannot be brought back: it was not deleted in the last 10 seconds.' } });
  });

  it('a note deleted mid-vote and undone comes back with its dots on every phone that placed them; the results count them', async () => {
    const s = await createSession(app);
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const ana = client(app);
    await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const ben = client(app);
    await ben.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
    const board = client(app);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const swot = itemOfType(fac, 'swot');
    await ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'Dotted note' } });
    await ok(ben, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'Other note' } });
    for (const to of ['reveal', 'cluster', 'vote'] as const) await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to } });
    await waitFor(() => allNotes(fac.snap.state).length === 2, 'facilitator has both');
    const id = allNotes(fac.snap.state).find((n) => n.text === 'Dotted note')!.id;
    const target = { kind: 'note', id } as const;
    await ok(ana, { type: 'flow.dot', payload: { itemId: swot, target, delta: 1 } });
    await ok(ana, { type: 'flow.dot', payload: { itemId: swot, target, delta: 1 } });
    await ok(ben, { type: 'flow.dot', payload: { itemId: swot, target, delta: 1 } });
    const mine = (c: SessionClient, who: string) => flowOf(c.snap.state, swot).dots[who]?.[`note:${id}`] ?? 0;
    const anaId = ana.snap.participantId!;
    const benId = ben.snap.participantId!;

    let head = await ok(fac, { type: 'note.delete', payload: { noteId: id } });
    await waitFor(() => [ana, ben, board].every((c) => c.snap.state.seq >= head), 'every screen in step');
    expect([mine(ana, anaId), mine(ben, benId)]).toEqual([0, 0]);
    head = await ok(fac, { type: 'note.restore', payload: { noteId: id } });
    await waitFor(() => [ana, ben, board].every((c) => c.snap.state.seq >= head), 'every screen in step');
    expect(noteById(board.snap.state, id)?.text).toBe('Dotted note');
    expect([mine(ana, anaId), mine(ben, benId), mine(fac, anaId), mine(fac, benId)]).toEqual([2, 1, 2, 1]);
    expect(flowOf(ana.snap.state, swot).dots[benId]).toBeUndefined();

    head = await ok(fac, { type: 'flow.advance', payload: { itemId: swot, to: 'results' } });
    await waitFor(() => board.snap.state.seq >= head, 'board in step');
    expect(flowOf(board.snap.state, swot).totals?.[`note:${id}`]).toBe(3);
  });
});
