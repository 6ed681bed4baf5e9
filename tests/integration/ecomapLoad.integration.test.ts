import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { ecoMapOf, emptyCounts, MARKS, type Mark, type MarkCounts } from '../../shared/modules/ecomap/ecomap.state.js';
import { client, closeClients, createSession, itemOfType, startServer, tempDir, waitFor } from '../support/harness.js';

afterEach(() => closeClients());

const PEOPLE = 200;
const PARTNERS = ['Courts and judges', 'Youth', 'Tribes', 'Birth parents', 'Schools', 'Legislators'];

/**
 * What participant `i` sends for partner `p`, in order: a mark, for some a change of mind, for some a withdrawal
 * (and for a few a mark again). The last non-null one is what counts; a withdrawal last leaves no mark.
 */
function plan(i: number, p: number): (Mark | null)[] {
  const first = MARKS[(i + p) % 4]!;
  const second = MARKS[(i * 3 + p) % 4]!;
  if ((i + p) % 7 === 0) return [first, null];
  if ((i + p) % 11 === 0) return [first, null, second];
  if (i % 3 === 0 && second !== first) return [first, second];
  return [first];
}

const expected = (partners: readonly string[]): Record<string, MarkCounts> => {
  const out: Record<string, MarkCounts> = {};
  partners.forEach((id, p) => {
    const c = emptyCounts();
    for (let i = 0; i < PEOPLE; i++) {
      const last = plan(i, p).at(-1);
      if (last) c[last]++;
    }
    if (MARKS.some((k) => c[k] > 0)) out[id] = c;
  });
  return out;
};
const markersExpected = (): number =>
  Array.from({ length: PEOPLE }, (_, i) => PARTNERS.some((_p, p) => plan(i, p).at(-1) !== null)).filter(Boolean).length;

const countsOn = (c: SessionClient, itemId: string) => JSON.parse(JSON.stringify(ecoMapOf(c.snap.state, itemId).counts)) as Record<string, MarkCounts>;

describe(`${PEOPLE} participants marking the eco-map at once`, () => {
  it('the counts equal what was sent, on the console, then on every screen once shown, and after a restart from SQLite', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir });
    try {
      const s = await createSession(app, { title: 'Stakeholder engagement' });
      const fac = client(app);
      await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect((await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Eco-map', plannedMinutes: 30, moduleType: 'ecomap' } } })).ok).toBe(true);
      await waitFor(() => fac.snap.state.agenda.some((i) => i.moduleType === 'ecomap'), 'the eco-map item');
      const itemId = itemOfType(fac, 'ecomap');
      expect((await fac.send({ type: 'ecomap.addPartners', payload: { itemId, names: PARTNERS } })).ok).toBe(true);
      expect((await fac.send({ type: 'ecomap.setVote', payload: { itemId, vote: 'open' } })).ok).toBe(true);
      await waitFor(() => ecoMapOf(fac.snap.state, itemId).order.length === PARTNERS.length, 'the partners');
      const partners = ecoMapOf(fac.snap.state, itemId).order;
      const board = client(app);
      expect((await board.join({ role: 'board', joinCode: s.joinCode })).ok).toBe(true);

      const phones = await Promise.all(
        Array.from({ length: PEOPLE }, async (_, i) => {
          const c = client(app);
          expect((await c.join({ role: 'participant', joinCode: s.joinCode, name: `Person ${i}` })).ok).toBe(true);
          return c;
        }),
      );
      const started = Date.now();
      // Every phone at once; each phone's own marks for a partner in the order a person taps them.
      const refused: string[] = [];
      await Promise.all(
        phones.map((c, i) =>
          Promise.all(
            partners.map(async (partnerId, p) => {
              for (const mark of plan(i, p)) {
                const r = await c.send({ type: 'ecomap.mark', payload: { itemId, partnerId, mark } });
                if (!r.ok) refused.push(r.error.message);
              }
            }),
          ),
        ),
      );
      const elapsed = Date.now() - started;
      expect(refused).toEqual([]);
      const want = expected(partners);
      await waitFor(() => JSON.stringify(countsOn(fac, itemId)) === JSON.stringify(want), 'the console’s counts', 20_000);
      expect(countsOn(fac, itemId)).toEqual(want);
      expect(ecoMapOf(fac.snap.state, itemId).markers).toBe(markersExpected());
      // Before the results the board and the phones have the count of markers, no counts.
      await waitFor(() => ecoMapOf(board.snap.state, itemId).markers === markersExpected(), 'the board’s markers', 20_000);
      expect(countsOn(board, itemId)).toEqual({});
      expect(countsOn(phones[7]!, itemId)).toEqual({});

      expect((await fac.send({ type: 'ecomap.showResults', payload: { itemId, shown: true } })).ok).toBe(true);
      for (const c of [board, phones[0]!, phones[PEOPLE - 1]!]) {
        await waitFor(() => ecoMapOf(c.snap.state, itemId).resultsShown, 'the results on a screen', 20_000);
        expect(countsOn(c, itemId)).toEqual(want);
      }

      // A fresh server reads the session back from the SQLite file: the same counts, each mark once.
      closeClients();
      await app.close();
      app = await startServer({ dataDir });
      const again = client(app);
      await again.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect(countsOn(again, itemId)).toEqual(want);
      expect(ecoMapOf(again.snap.state, itemId).markers).toBe(markersExpected());
      let sent = 0;
      for (let i = 0; i < PEOPLE; i++) for (let p = 0; p < partners.length; p++) sent += plan(i, p).length;
      console.log(`${PEOPLE} phones sent ${sent} marks, changes and withdrawals in ${elapsed} ms`);
    } finally {
      await app.close();
    }
  }, 120_000);
});
