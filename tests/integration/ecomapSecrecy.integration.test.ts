import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage, type SessionClient } from '../../client/net/sessionClient.js';
import { ecoMapOf } from '../../shared/modules/ecomap/ecomap.state.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import { client, closeClients, createSession, itemOfType, startServer } from '../support/harness.js';
import { listen, Steps } from '../support/wire.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  app = await startServer();
});
afterEach(() => closeClients());
afterAll(() => app.close());

const screen = (join: (c: SessionClient) => Promise<JoinResult>, c: SessionClient = client(app)) => listen(c, join);

let steps = new Steps();
const ok = (c: SessionClient, body: CommandInput) => steps.ok(c, body);
const inStep = (clients: SessionClient[]) => steps.inStep(clients);

/** A count above zero anywhere in what a screen heard: `"green":1`, `"none":3`... */
const ANY_COUNT = /"(green|yellow|red|none)":[1-9]/;

describe('the eco-map marks over real sockets', () => {
  it('no phone or board learns another’s mark or the counts before the results; the marker keeps its own; then everyone gets the counts', async () => {
    steps = new Steps();
    const s = await createSession(app, { title: 'Stakeholder engagement' });
    const fac = await screen((c) => c.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey }));
    await ok(fac.c, { type: 'agenda.addItem', payload: { item: { title: 'Agency partners eco-map', plannedMinutes: 30, moduleType: 'ecomap' } } });
    const board = await screen((c) => c.join({ role: 'board', joinCode: s.joinCode }));
    const anaStorage = memoryStorage();
    const ana = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' }), client(app, anaStorage));
    const ben = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' }));
    const itemId = itemOfType(fac.c, 'ecomap');
    await ok(fac.c, { type: 'ecomap.addPartners', payload: { itemId, names: ['Courts and judges', 'Youth', 'Tribes'] } });
    await ok(fac.c, { type: 'ecomap.setVote', payload: { itemId, vote: 'open' } });
    await inStep([fac.c, ana.c, ben.c]);
    const [courts, youth] = ecoMapOf(fac.c.snap.state, itemId).order as [string, string];

    await ok(ana.c, { type: 'ecomap.mark', payload: { itemId, partnerId: courts, mark: 'green' } });
    await ok(ana.c, { type: 'ecomap.mark', payload: { itemId, partnerId: youth, mark: 'none' } });
    await ok(ben.c, { type: 'ecomap.mark', payload: { itemId, partnerId: courts, mark: 'yellow' } });
    await ok(ben.c, { type: 'ecomap.mark', payload: { itemId, partnerId: courts, mark: 'red' } });
    await inStep([fac.c, board.c, ana.c, ben.c]);
    const anaId = ana.c.snap.participantId!;
    const benId = ben.c.snap.participantId!;

    // The console sees every mark and the counts.
    const console = ecoMapOf(fac.c.snap.state, itemId);
    expect(console.marks).toEqual({ [anaId]: { [courts]: 'green', [youth]: 'none' }, [benId]: { [courts]: 'red' } });
    expect(console.counts[courts]).toEqual({ green: 1, yellow: 0, red: 1, none: 0 });
    expect(console.markers).toBe(2);

    // Ana's phone is refreshed (a new page, the same device); a latecomer and a second board join with snapshots.
    ana.c.close();
    const again = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode }), client(app, anaStorage));
    expect(again.c.snap.participantId).toBe(anaId);
    const late = await screen((c) => c.join({ role: 'participant', joinCode: s.joinCode, name: 'Late' }));
    const lateBoard = await screen((c) => c.join({ role: 'board', joinCode: s.joinCode }));

    for (const phone of [ana, again]) expect(ecoMapOf(phone.c.snap.state, itemId).marks).toEqual({ [anaId]: { [courts]: 'green', [youth]: 'none' } });
    expect(ecoMapOf(ben.c.snap.state, itemId).marks).toEqual({ [benId]: { [courts]: 'red' } });
    for (const other of [board, lateBoard, late]) expect(ecoMapOf(other.c.snap.state, itemId).marks).toEqual({});
    for (const screenOf of [board, lateBoard, late, ana, again, ben]) {
      const seen = ecoMapOf(screenOf.c.snap.state, itemId);
      expect(seen.counts).toEqual({});
      expect(seen.markers).toBe(2);
      expect(seen.resultsShown).toBe(false);
      // Not one frame with a count: not the live marks, not the snapshots, not the marker's own events.
      expect(screenOf.heard()).not.toMatch(ANY_COUNT);
    }
    // Nobody's mark reaches another screen: Ben's yellow and red are on no wire but his, Ana's green and no dot on none but hers.
    for (const other of [board, lateBoard, late, ana, again]) expect(other.heard()).not.toMatch(/"mark":"(red|yellow)"/);
    for (const other of [board, lateBoard, late, ben]) expect(other.heard()).not.toMatch(/"mark":"(green|none)"/);
    for (const other of [board, lateBoard, late]) {
      expect(other.heard()).not.toContain(`"participantId":"${anaId}","mark"`);
      expect(other.heard()).not.toContain(`"participantId":"${benId}","mark"`);
    }

    // The results shown: every screen gets the counts, live and on joining; the marks stay secret.
    steps = new Steps();
    await ok(fac.c, { type: 'ecomap.showResults', payload: { itemId, shown: true } });
    await inStep([fac.c, board.c, again.c, ben.c, late.c, lateBoard.c]);
    const afterJoin = await screen((c) => c.join({ role: 'board', joinCode: s.joinCode }));
    for (const other of [board, again, ben, late, lateBoard, afterJoin]) {
      const seen = ecoMapOf(other.c.snap.state, itemId);
      expect(seen.counts[courts]).toEqual({ green: 1, yellow: 0, red: 1, none: 0 });
      expect(seen.counts[youth]).toEqual({ green: 0, yellow: 0, red: 0, none: 1 });
      expect(seen.resultsShown).toBe(true);
    }
    // A mark changed while the results are shown moves every screen's counts at once.
    await ok(ben.c, { type: 'ecomap.mark', payload: { itemId, partnerId: courts, mark: 'green' } });
    await inStep([fac.c, board.c, again.c, late.c]);
    for (const other of [fac, board, again, late]) expect(ecoMapOf(other.c.snap.state, itemId).counts[courts]).toEqual({ green: 2, yellow: 0, red: 0, none: 0 });
    for (const other of [board, late, afterJoin, again]) expect(ecoMapOf(other.c.snap.state, itemId).marks[benId]).toBeUndefined();
    expect(afterJoin.heard()).not.toContain(`"${benId}":{`);

    // Hidden again: the counts leave the phones and the board (the console keeps them).
    steps = new Steps();
    await ok(fac.c, { type: 'ecomap.showResults', payload: { itemId, shown: false } });
    await inStep([fac.c, board.c, again.c]);
    for (const other of [board, again]) expect(ecoMapOf(other.c.snap.state, itemId).counts).toEqual({});
    expect(ecoMapOf(fac.c.snap.state, itemId).counts[courts]).toEqual({ green: 2, yellow: 0, red: 0, none: 0 });
  });
});
