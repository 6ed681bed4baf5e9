import { afterEach, describe, expect, it } from 'vitest';
import { client, closeClients, startServer, waitFor } from '../support/harness.js';
import { frames, openSurvey, ratedIn, surveyOn } from '../support/valuesSurvey.js';

afterEach(() => closeClients());

/**
 * The console must not be able to chain one person's ratings: if every rating of a phone carried the same ballot on
 * the console, tying one of them to a person (she joined just before it, she was seen tapping) would give away all her
 * answers. The console gets the counts after each rating, never whose ballot or which answer.
 */
describe('the console cannot chain one person’s ratings', () => {
  it('no ballot or per-ballot answer reaches the console, live, on catch-up or in its snapshot; the counts do', async () => {
    const app = await startServer();
    try {
      const { s, fac, itemId, valueIds } = await openSurvey(app, ['Respect', 'Partnership']);
      const [respect, partnership] = valueIds as [string, string];
      const live = frames(fac);
      const ana = client(app);
      await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      const rate = (valueId: string, scale: 'importance' | 'practice', score: number) =>
        ana.send({ type: 'values.rate', payload: { itemId, valueId, scale, score } });
      expect((await rate(respect, 'importance', 5)).ok).toBe(true);
      expect((await rate(partnership, 'practice', 2)).ok).toBe(true);
      await waitFor(() => ratedIn(live).length === 2, 'both ratings on the console');
      for (const e of ratedIn(live)) expect({ ballot: e.ballot, rating: e.rating }).toEqual({ ballot: '', rating: { importance: null, practice: null } });
      expect(surveyOn(fac, itemId)).toMatchObject({ respondents: 1, answered: { [respect]: 1, [partnership]: 1 } });
      expect(surveyOn(fac, itemId).tally[respect]?.importance).toEqual([0, 0, 0, 0, 1]);
      expect(Object.keys(surveyOn(fac, itemId).ballots)).toEqual([]);
      // Her own phone still has her answers.
      await waitFor(() => Object.keys(surveyOn(ana, itemId).ballots).length === 1, 'her own answers');

      // A console that joins now (snapshot) or catches up from an earlier seq gets no ballot either.
      const later = client(app);
      await later.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect(Object.keys(surveyOn(later, itemId).ballots)).toEqual([]);
      expect(surveyOn(later, itemId).respondents).toBe(1);
      const caught = frames(later);
      later.goOffline();
      expect((await rate(respect, 'practice', 3)).ok).toBe(true);
      later.reconnect();
      await waitFor(() => surveyOn(later, itemId).tally[respect]?.practice[2] === 1, 'the catch-up');
      expect(JSON.stringify(caught)).not.toMatch(/"ballot":"[0-9a-f]{64}"/);
      expect(Object.keys(surveyOn(later, itemId).ballots)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 20_000);
});
