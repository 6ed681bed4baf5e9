import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { ownRatings, rankedResults } from '../../shared/modules/values/values.results.js';
import type { Distribution, ValueTally } from '../../shared/modules/values/values.state.js';
import { client, closeClients, startServer, tempDir, waitFor } from '../support/harness.js';
import { openSurvey, surveyOn } from '../support/valuesSurvey.js';

afterEach(() => closeClients());

const PEOPLE = 200;
const VALUES = ['Respect', 'Partnership', 'Empowerment', 'Shared responsibility', 'Cultural responsiveness'];

/** What person `i` answers for value `v`: a spread of scores, some left unanswered, a few changed and withdrawn. */
const planned = (i: number, v: number) => ({
  importance: (i + v) % 7 === 0 ? null : 1 + ((i * 3 + v) % 5),
  practice: (i + 2 * v) % 6 === 0 ? null : 1 + ((i + v * 2) % 5),
});

const zeros = (): Distribution => [0, 0, 0, 0, 0];

describe(`${PEOPLE} participants rate at once`, () => {
  it('every answer counts once, the aggregates equal what was sent, and so after a restart from SQLite', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir, snapshotEvery: 250 });
    try {
      const { s, fac, itemId, valueIds } = await openSurvey(app, VALUES);
      const storages = Array.from({ length: PEOPLE }, () => memoryStorage());
      const phones: SessionClient[] = await Promise.all(
        storages.map(async (storage, i) => {
          const c = client(app, storage);
          expect((await c.join({ role: 'participant', joinCode: s.joinCode, name: `Person ${i}` })).ok).toBe(true);
          return c;
        }),
      );
      const board = client(app);
      await board.join({ role: 'board', joinCode: s.joinCode });

      // Everyone at once: first a wrong answer on the first value, then every planned answer (which changes or
      // withdraws that first one), all sent without waiting.
      const started = Date.now();
      const results = await Promise.all(
        phones.map(async (c, i) => {
          const first = await c.send({ type: 'values.rate', payload: { itemId, valueId: valueIds[0]!, scale: 'importance', score: 1 + ((i + 2) % 5) } });
          const sends = VALUES.flatMap((_, v) =>
            (['importance', 'practice'] as const).flatMap((scale) => {
              const score = planned(i, v)[scale];
              // Unanswered stays unanswered, except the first value's importance, which is withdrawn.
              if (score === null && !(v === 0 && scale === 'importance')) return [];
              return [c.send({ type: 'values.rate', payload: { itemId, valueId: valueIds[v]!, scale, score } })];
            }),
          );
          return [first, ...(await Promise.all(sends))];
        }),
      );
      const ms = Date.now() - started;
      const all = results.flat();
      // The only refusals: a planned answer equal to the first one ("That is already your answer.").
      for (const r of all) if (!r.ok) expect(r.error.message).toBe('That is already your answer.');
      console.info(`${all.length} ratings from ${PEOPLE} phones in ${ms} ms (${all.filter((r) => !r.ok).length} unchanged answers refused)`);

      // What was sent, counted by the test.
      const expected = new Map<string, ValueTally>(valueIds.map((id) => [id, { importance: zeros(), practice: zeros() }]));
      const answered = new Map<string, number>();
      for (let i = 0; i < PEOPLE; i++)
        VALUES.forEach((_, v) => {
          const p = planned(i, v);
          const t = expected.get(valueIds[v]!)!;
          if (p.importance !== null) t.importance[p.importance - 1]!++;
          if (p.practice !== null) t.practice[p.practice - 1]!++;
          if (p.importance !== null || p.practice !== null) answered.set(valueIds[v]!, (answered.get(valueIds[v]!) ?? 0) + 1);
        });
      const check = (c: SessionClient) => {
        const survey = surveyOn(c, itemId);
        expect(survey.respondents).toBe(PEOPLE);
        for (const id of valueIds) {
          expect(survey.tally[id]).toEqual(expected.get(id));
          expect(survey.answered[id]).toBe(answered.get(id));
        }
      };
      const lastSeq = Math.max(...all.map((r) => (r.ok ? r.seq : 0)));
      await waitFor(() => surveyOn(fac, itemId).respondents === PEOPLE && fac.snap.state.seq >= lastSeq, 'every rating on the console', 20_000);
      check(fac);
      // The console holds the counts, never the ballots (valuesConsoleChain).
      expect(Object.keys(surveyOn(fac, itemId).ballots)).toHaveLength(0);
      // Each phone holds its own answers exactly.
      for (const i of [0, 7, 99, PEOPLE - 1]) {
        // A phone's frames may trail the console's on a busy machine: wait until it has every event.
        await waitFor(() => phones[i]!.snap.state.seq >= lastSeq, `every event on phone ${i}`, 20_000);
        const own = ownRatings(surveyOn(phones[i]!, itemId));
        VALUES.forEach((_, v) => {
          const p = planned(i, v);
          expect(own[valueIds[v]!] ?? { importance: null, practice: null }).toEqual(p);
        });
      }
      expect((await fac.send({ type: 'values.showResults', payload: { itemId, shown: true } })).ok).toBe(true);
      await waitFor(() => surveyOn(board, itemId).resultsShown, 'the results on the board', 10_000);
      check(board);
      const ranking = rankedResults(surveyOn(fac, itemId)).map((r) => r.valueId);
      expect(rankedResults(surveyOn(board, itemId)).map((r) => r.valueId)).toEqual(ranking);

      // A fresh server reads the same survey back from the SQLite file.
      closeClients();
      await app.close();
      app = await startServer({ dataDir });
      const console2 = client(app);
      await console2.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      check(console2);
      expect(rankedResults(surveyOn(console2, itemId)).map((r) => r.valueId)).toEqual(ranking);
      const back = client(app, storages[7]!);
      await back.join({ role: 'participant', joinCode: s.joinCode });
      VALUES.forEach((_, v) => expect(ownRatings(surveyOn(back, itemId))[valueIds[v]!] ?? { importance: null, practice: null }).toEqual(planned(7, v)));
      expect(Object.keys(surveyOn(back, itemId).ballots)).toHaveLength(1);
    } finally {
      await app.close();
    }
  }, 120_000);
});
