import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { SESSION_TABLES } from '../../server/store/sqliteSchema.js';
import { ownRatings } from '../../shared/modules/values/values.results.js';
import { tableRows } from '../support/storedRows.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { client, closeClients, GENEROUS_LIMITS, startServer, waitFor } from '../support/harness.js';
import { frames, openSurvey, ratedIn, surveyOn } from '../support/valuesSurvey.js';

afterEach(() => closeClients());

/**
 * Whether any object in this JSON ties a participant id to a rating: a rating-like object (a ballot, a rating, an
 * answer on a scale) holding a participant id, or a record keyed by a participant id that holds ratings.
 */
function linked(node: unknown, ids: string[]): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const entries = Object.entries(node);
  const text = JSON.stringify(node);
  const ratingLike = entries.some(([k]) => k === 'ballot' || k === 'rating' || k === 'importance' || k === 'practice');
  if (ratingLike && entries.some(([, v]) => typeof v === 'string' && ids.includes(v))) return true;
  if (entries.some(([k, v]) => ids.includes(k) && /"importance"|"practice"/.test(JSON.stringify(v)))) return true;
  return text.length > 2 && entries.some(([, v]) => linked(v, ids));
}

describe('the values survey is anonymous on the wire, in the database and in the exports', () => {
  it('no screen, row, remembered answer or export ties a participant to a rating; the rater’s own screens get theirs', async () => {
    const lines: string[] = [];
    // A snapshot every few events, so the snapshots table holds survey states too.
    const app = await startServer({ log: (line: string) => lines.push(line), snapshotEvery: 3 });
    try {
      const { s, fac, itemId, valueIds } = await openSurvey(app, ['Respect', 'Partnership', 'Empowerment']);
      const [respect, partnership] = valueIds as [string, string];
      const anaStorage = memoryStorage();
      const ana = client(app, anaStorage);
      const ben = client(app);
      const board = client(app);
      const seen = { ana: frames(ana), ben: frames(ben), board: frames(board), fac: frames(fac) };
      const anaId = (await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok ? ana.snap.participantId! : '';
      await ben.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
      await board.join({ role: 'board', joinCode: s.joinCode });
      const benId = ben.snap.participantId!;
      const ids = [anaId, benId];

      const rate = (c: typeof ana, valueId: string, scale: 'importance' | 'practice', score: number | null, id?: string) =>
        c.send({ type: 'values.rate', payload: { itemId, valueId, scale, score } }, id);
      const first = await rate(ana, respect, 'importance', 5, 'ana-rates-respect-1');
      expect(first.ok).toBe(true);
      expect((await rate(ana, respect, 'practice', 2)).ok).toBe(true);
      expect((await rate(ben, respect, 'importance', 3)).ok).toBe(true);
      expect((await rate(ben, partnership, 'practice', 4)).ok).toBe(true);
      await waitFor(() => surveyOn(fac, itemId).respondents === 2 && surveyOn(board, itemId).respondents === 2, 'the answers counted');
      await waitFor(() => ratedIn(seen.ben).length === 4 && ratedIn(seen.ana).length === 4, 'every phone got every rating');

      // The rater's own phone has its own answers, and only those; another phone and the board have none.
      expect(Object.values(ownRatings(surveyOn(ana, itemId)))).toEqual([{ importance: 5, practice: 2 }]);
      expect({ ...ownRatings(surveyOn(ben, itemId)) }).toEqual({ [respect]: { importance: 3, practice: null }, [partnership]: { importance: null, practice: 4 } });
      expect(Object.keys(surveyOn(board, itemId).ballots)).toEqual([]);
      // Nobody but the console sees a tally before the results are shown; everyone sees the counts.
      for (const c of [ana, ben, board]) {
        expect(surveyOn(c, itemId).tally[respect]).toEqual({ importance: [0, 0, 0, 0, 0], practice: [0, 0, 0, 0, 0] });
        expect(surveyOn(c, itemId).answered[respect]).toBe(2);
      }
      expect(surveyOn(fac, itemId).tally[respect]).toEqual({ importance: [0, 0, 1, 0, 1], practice: [0, 1, 0, 0, 0] });
      // On the wire: no rating event names a person anywhere; each phone got only its own ballot and answers.
      for (const [who, got] of Object.entries(seen)) expect(linked(got, ids), who).toBe(false);
      for (const e of ratedIn(seen.fac)) expect(JSON.stringify(e)).not.toMatch(new RegExp(`${anaId}|${benId}`));
      // The console sees counts, never a ballot (see valuesConsoleChain); only Ana's own screens see hers.
      for (const e of ratedIn(seen.fac)) expect([e.ballot, e.rating]).toEqual(['', { importance: null, practice: null }]);
      const anaBallot = ratedIn(seen.ana).find((e) => e.ballot !== '')!.ballot;
      expect(anaBallot).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(seen.fac)).not.toContain(anaBallot);
      for (const e of ratedIn(seen.ben)) if (e.ballot !== '') expect(e.ballot).not.toBe(anaBallot);
      for (const e of ratedIn(seen.board)) expect([e.ballot, e.rating]).toEqual(['', { importance: null, practice: null }]);
      expect(JSON.stringify(seen.ben)).not.toContain(anaBallot);
      expect(JSON.stringify(seen.board)).not.toContain(anaBallot);

      // A resent rating hears the remembered answer, which holds no seq that points at its event.
      const again = await ana.send({ type: 'values.rate', payload: { itemId, valueId: respect, scale: 'importance', score: 5 } }, 'ana-rates-respect-1');
      expect(again).toEqual({ ok: true, seq: 0 });

      // A second tab of Ana's gets her answers in its snapshot; a tab coming back catches up with her answers too.
      const tab = client(app, anaStorage);
      await tab.join({ role: 'participant', joinCode: s.joinCode });
      expect({ ...ownRatings(surveyOn(tab, itemId)) }).toEqual({ [respect]: { importance: 5, practice: 2 } });
      ana.socket.disconnect();
      expect((await rate(tab, partnership, 'importance', 1)).ok).toBe(true);
      ana.socket.connect();
      await waitFor(() => ownRatings(surveyOn(ana, itemId))[partnership]?.importance === 1, 'Ana’s answer from her other tab after reconnecting');
      await waitFor(() => ownRatings(surveyOn(tab, itemId))[partnership]?.importance === 1, 'Ana’s other tab');
      await waitFor(() => surveyOn(ben, itemId).answered[partnership] === 2, 'Ben counts it');
      expect(ownRatings(surveyOn(ben, itemId))[partnership]).toEqual({ importance: null, practice: 4 });

      // Results shown: the tallies reach everyone, still without ballots.
      expect((await fac.send({ type: 'values.showResults', payload: { itemId, shown: true } })).ok).toBe(true);
      await waitFor(() => surveyOn(board, itemId).resultsShown, 'the results on the board');
      expect(surveyOn(board, itemId).tally[respect]).toEqual({ importance: [0, 0, 1, 0, 1], practice: [0, 1, 0, 0, 0] });

      // The exports: tallies, means and gaps, never a ballot or a person's id.
      const get = async (file: string) => {
        const res = await fetch(`${app.url}/api/sessions/${s.sessionId}/${file}?names=1`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
        expect(res.status).toBe(200);
        return res.text();
      };
      for (const file of ['report.md', 'export.csv', 'export.json']) {
        const text = await get(file);
        expect(text, file).not.toContain(anaBallot);
        expect(text, file).not.toMatch(/[0-9a-f]{64}/);
        expect(text, file).toMatch(/Respect/);
        if (file === 'export.json') expect(text).toMatch(/"meanImportance": ?4,/);
      }

      // The database: no row of any table ties a participant to a rating; the remembered answer has no seq.
      const snapshots = (await tableRows(app, 'snapshots')) as { state: string }[];
      expect(snapshots.some((r) => r.state.includes(anaBallot))).toBe(true);
      for (const table of SESSION_TABLES) {
        for (const row of await tableRows(app, table)) {
          const parsed = Object.values(row).map((v) => (typeof v === 'string' && /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v));
          expect(linked(parsed, ids), `${table} ${JSON.stringify(row).slice(0, 200)}`).toBe(false);
        }
      }
      const remembered = (await tableRows(app, 'commands')).find((r) => r.command_id === 'ana-rates-respect-1') as { result: string };
      expect(JSON.parse(remembered.result)).toEqual({ ok: true, seq: 0 });
      const secret = (await tableRows(app, 'sessions')).find((r) => r.id === s.sessionId) as { ballot_secret: string };
      expect(secret.ballot_secret.length).toBeGreaterThan(40);
      for (const frame of Object.values(seen)) expect(JSON.stringify(frame)).not.toContain(secret.ballot_secret);
      for (const line of lines) expect(line).not.toMatch(new RegExp(anaBallot));
    } finally {
      await app.close();
    }
  }, 30_000);

  it('ratings and proposals count in each phone’s writing budgets (answers and entries), in our words', async () => {
    const app = await startServer({ limits: { ...DEFAULT_LIMITS, ...GENEROUS_LIMITS, notesPerMinute: 1, answersPerMinute: 3 } });
    try {
      const { s, itemId, valueIds } = await openSurvey(app, ['Respect']);
      const phone = client(app);
      await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      // Straight on the socket: the phone's own client keeps a slowed answer and sends it again later.
      const raw = (i: number, body: CommandInput) =>
        phone.socket.timeout(3000).emitWithAck('command', { id: `flood-${i}-abcdefgh`, ...body }) as Promise<{ ok: boolean }>;
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await raw(i, { type: 'values.rate', payload: { itemId, valueId: valueIds[0]!, scale: 'importance', score: 1 + i } }));
      answers.push(await raw(3, { type: 'values.rate', payload: { itemId, valueId: valueIds[0]!, scale: 'practice', score: 2 } }));
      answers.push(await raw(4, { type: 'values.propose', payload: { itemId, text: 'Humility' } }));
      answers.push(await raw(5, { type: 'values.propose', payload: { itemId, text: 'Courage' } }));
      expect(answers.filter((a) => a.ok)).toHaveLength(4);
      expect(answers[3]).toEqual({
        ok: false,
        error: { code: 'rate_limited', message: 'You are answering very fast (at most 3 answers a minute). Your answer is kept and will be sent in a moment.' },
      });
      expect(answers[5]).toEqual({
        ok: false,
        error: { code: 'rate_limited', message: 'You are writing very fast (at most 1 entries a minute). What you wrote is kept and will be sent in a moment.' },
      });
    } finally {
      await app.close();
    }
  });

  it('a rating after the survey closed is refused with our sentence and kept nowhere on the server', async () => {
    const app = await startServer();
    try {
      const { s, fac, itemId, valueIds } = await openSurvey(app, ['Respect']);
      const phone = client(app);
      await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      expect((await fac.send({ type: 'values.setPhase', payload: { itemId, phase: 'closed' } })).ok).toBe(true);
      const late = await phone.send({ type: 'values.rate', payload: { itemId, valueId: valueIds[0]!, scale: 'importance', score: 4 } });
      expect(late).toEqual({ ok: false, error: { code: 'conflict', message: 'The survey closed before your answer arrived, so it was not counted.' } });
      expect(fac.snap.state.late ?? []).toHaveLength(0);
      expect(surveyOn(fac, itemId).respondents).toBe(0);
    } finally {
      await app.close();
    }
  });
});
