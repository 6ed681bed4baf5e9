import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage, type SessionClient } from '../../client/net/sessionClient.js';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { currentRound, visionOf } from '../../shared/modules/vision/vision.logic.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import { allNotes } from '../../shared/session/notes.js';
import { client, closeClients, createSession, itemOfType, startServer, type Created } from '../support/harness.js';
import { listen, Steps } from '../support/wire.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  app = await startServer();
});
afterEach(() => closeClients());
afterAll(() => app.close());

const screen = (join: (c: SessionClient) => Promise<JoinResult>, c: SessionClient = client(app)) => listen(c, join);

async function room(s: Created) {
  const fac = await screen((c) => c.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey }));
  const board = await screen((c) => c.join({ role: 'board', joinCode: s.joinCode }));
  const anaStorage = memoryStorage();
  const ana = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' }), client(app, anaStorage));
  const ben = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' }));
  return { fac, board, ana, ben, anaStorage };
}

let steps = new Steps();
const ok = (c: SessionClient, body: CommandInput) => steps.ok(c, body);
const inStep = (clients: SessionClient[]) => steps.inStep(clients);

describe('what phones and the board receive over real sockets', () => {
  it('facilitator notes in an agenda update reach the console only, live and on joining', async () => {
    steps = new Steps();
    const s = await createSession(app);
    const { fac, board, ana } = await room(s);
    const welcome = fac.c.snap.state.agenda[0]!.id;
    await ok(fac.c, { type: 'agenda.updateItem', payload: { itemId: welcome, patch: { title: 'Welcome, all', facilitatorNotes: 'NOTE-FOR-FACILITATOR call the judge' } } });
    await inStep([fac.c, board.c, ana.c]);
    const late = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode, name: 'Late' }));

    expect(fac.c.snap.state.agenda[0]).toMatchObject({ title: 'Welcome, all', facilitatorNotes: 'NOTE-FOR-FACILITATOR call the judge' });
    for (const other of [board, ana, late]) {
      expect(other.c.snap.state.agenda[0]).toMatchObject({ title: 'Welcome, all', facilitatorNotes: '' });
      expect(other.heard()).not.toContain('NOTE-FOR-FACILITATOR');
      // The template's own facilitator note never left the server either.
      expect(other.heard()).not.toContain('secret facilitator note');
    }
  });

  it('a phone that joins or comes back later gets its own fist-to-five answer and crosswalk ratings, nobody else\'s', async () => {
    steps = new Steps();
    const s = await createSession(app);
    const { fac, board, ana, ben, anaStorage } = await room(s);
    const v = itemOfType(fac.c, 'vision');
    await ok(fac.c, { type: 'vision.draft', payload: { itemId: v, text: 'Every child safe and loved' } });
    await ok(fac.c, { type: 'vision.askFist', payload: { itemId: v } });
    await ok(fac.c, { type: 'vision.openCrosswalk', payload: { itemId: v, open: true } });
    await inStep([ana.c, ben.c]);
    await ok(ana.c, { type: 'vision.fist', payload: { itemId: v, value: 1 } });
    await ok(ben.c, { type: 'vision.fist', payload: { itemId: v, value: 4 } });
    await ok(ana.c, { type: 'vision.rate', payload: { itemId: v, outcomeId: 'P2', rating: 'conflicts' } });
    await ok(ben.c, { type: 'vision.rate', payload: { itemId: v, outcomeId: 'P2', rating: 'beyond' } });
    await inStep([fac.c, board.c, ana.c, ben.c]);
    const anaId = ana.c.snap.participantId!;
    const benId = ben.c.snap.participantId!;

    // Ana's phone is refreshed (a new page, the same device): it joins again with her token and gets a snapshot.
    ana.c.close();
    const again = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode }), client(app, anaStorage));
    expect(again.c.snap.participantId).toBe(anaId);
    const late = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode, name: 'Late' }));
    const lateBoard = await screen((c) => c.join({ role: 'board', joinCode: s.joinCode }));

    const mine = visionOf(again.c.snap.state, v);
    expect(currentRound(mine)?.answers).toEqual({ [anaId]: 1 });
    expect(mine.crosswalk.ratings).toEqual({ [anaId]: { P2: 'conflicts' } });
    for (const other of [late, lateBoard, board]) {
      const seen = visionOf(other.c.snap.state, v);
      expect(currentRound(seen)?.answers).toEqual({});
      expect(seen.crosswalk.ratings).toEqual({});
      // Everyone sees the distribution and the tally, not who gave which.
      expect(currentRound(seen)?.distribution).toEqual([0, 1, 0, 0, 1, 0]);
      expect(seen.crosswalk.tally.P2).toMatchObject({ conflicts: 1, beyond: 1 });
    }
    // Ben's id is on the participant list; what he answered is on no one else's wire.
    for (const other of [again, late, lateBoard]) {
      expect(other.heard()).not.toContain(`"${benId}":4`);
      expect(other.heard()).not.toContain(`"${benId}":{"P2":"beyond"}`);
    }
    expect(Object.keys(currentRound(visionOf(fac.c.snap.state, v))!.answers).sort()).toEqual([anaId, benId].sort());
  });

  it('revealing the SWOT publishes the SWOT\'s notes and none of the vision brainstorm\'s', async () => {
    steps = new Steps();
    const s = await createSession(app);
    const { fac, board, ana, ben } = await room(s);
    const swot = itemOfType(fac.c, 'swot');
    const vision = itemOfType(fac.c, 'vision');
    await ok(ana.c, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'SWOT-NOTE strong partners' } });
    await ok(ana.c, { type: 'note.add', payload: { itemId: vision, column: 'In five years we...', text: 'VISION-NOTE no child waits' } });
    await ok(fac.c, { type: 'flow.advance', payload: { itemId: swot, to: 'reveal' } });
    await inStep([fac.c, board.c, ana.c, ben.c]);
    const late = await screen((c) => c.join({ role: 'board', joinCode: s.joinCode }));

    for (const other of [board, ben, late]) {
      expect(flowOf(other.c.snap.state, swot).phase).toBe('reveal');
      expect(other.heard()).toContain('SWOT-NOTE');
      expect(other.heard()).not.toContain('VISION-NOTE');
      expect(allNotes(other.c.snap.state).filter((n) => n.itemId === vision)).toMatchObject([{ text: '', hidden: true }]);
    }
    expect(allNotes(ana.c.snap.state).find((n) => n.itemId === vision)?.text).toBe('VISION-NOTE no child waits');
  });
});
