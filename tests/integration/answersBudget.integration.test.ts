import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import { ecoMapOf, MAX_PARTNERS } from '../../shared/modules/ecomap/ecomap.state.js';
import { MAX_VALUES } from '../../shared/modules/values/values.state.js';
import type { CommandInput } from '../../shared/protocol/commands.js';
import { client, closeClients, GENEROUS_LIMITS, itemOfType, startServer, waitFor } from '../support/harness.js';
import { openSurvey, surveyOn } from '../support/valuesSurvey.js';

afterEach(() => closeClients());

type Answer = { ok: boolean; error?: { code: string; message: string } };

/** Straight on the socket, as fast as the server answers (the phone's own client would keep and resend a slowed one). */
const rawSender = (phone: ReturnType<typeof client>) => {
  let n = 0;
  return (body: CommandInput) => phone.socket.timeout(5000).emitWithAck('command', { id: `tap-${++n}-abcdefgh`, ...body }) as Promise<Answer>;
};

describe('answers (ratings, marks) have a writing budget of their own', () => {
  it('with the default limits, a phone rates 30 values on both scales and marks 40 partners in one go, and still proposes', async () => {
    // The connection's packet burst limit (which the phone's client rides out by resending) is lifted: the budget is the subject.
    const app = await startServer({
      rate: { capacity: 1000, perSecond: 1000 },
      limits: { ...DEFAULT_LIMITS, ...GENEROUS_LIMITS, notesPerMinute: DEFAULT_LIMITS.notesPerMinute, answersPerMinute: DEFAULT_LIMITS.answersPerMinute },
    });
    try {
      const names = Array.from({ length: MAX_VALUES }, (_, i) => `Value ${i + 1}`);
      const { s, fac, itemId, valueIds } = await openSurvey(app, names);
      await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Eco-map', plannedMinutes: 30, moduleType: 'ecomap' } } });
      await waitFor(() => fac.snap.state.agenda.some((i) => i.moduleType === 'ecomap'), 'the map');
      const mapId = itemOfType(fac, 'ecomap');
      const partners = Array.from({ length: MAX_PARTNERS }, (_, i) => `Partner ${i + 1}`);
      expect((await fac.send({ type: 'ecomap.addPartners', payload: { itemId: mapId, names: partners } })).ok).toBe(true);
      expect((await fac.send({ type: 'ecomap.setVote', payload: { itemId: mapId, vote: 'open' } })).ok).toBe(true);
      const phone = client(app);
      await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      await waitFor(() => ecoMapOf(phone.snap.state, mapId).order.length === MAX_PARTNERS, 'the partners');
      const send = rawSender(phone);
      const answers = await Promise.all([
        ...valueIds.flatMap((valueId) =>
          (['importance', 'practice'] as const).map((scale) => send({ type: 'values.rate', payload: { itemId, valueId, scale, score: 4 } })),
        ),
        ...ecoMapOf(phone.snap.state, mapId).order.map((partnerId) => send({ type: 'ecomap.mark', payload: { itemId: mapId, partnerId, mark: 'green' } })),
      ]);
      expect(answers.filter((a) => !a.ok)).toEqual([]);
      expect(answers).toHaveLength(2 * MAX_VALUES + MAX_PARTNERS);
      await waitFor(() => surveyOn(fac, itemId).respondents === 1 && Object.values(surveyOn(fac, itemId).answered).every((n) => n === 1), 'every rating counted');
      // The notes' budget is untouched: a proposal still goes through.
      expect((await send({ type: 'values.propose', payload: { itemId, text: 'Humility' } })).ok).toBe(true);
    } finally {
      await app.close();
    }
  }, 30_000);

  it('the answers’ budget is still capped, in our words, and leaves the notes’ budget alone', async () => {
    const app = await startServer({ limits: { ...DEFAULT_LIMITS, ...GENEROUS_LIMITS, notesPerMinute: 2, answersPerMinute: 3 } });
    try {
      const { s, fac, itemId, valueIds } = await openSurvey(app, ['Respect', 'Partnership']);
      const phone = client(app);
      await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      const send = rawSender(phone);
      const rate = (score: number) => send({ type: 'values.rate', payload: { itemId, valueId: valueIds[0]!, scale: 'importance', score } });
      const answers = [await rate(1), await rate(2), await rate(3), await rate(4)];
      expect(answers.slice(0, 3).every((a) => a.ok)).toBe(true);
      expect(answers[3]).toEqual({
        ok: false,
        error: { code: 'rate_limited', message: 'You are answering very fast (at most 3 answers a minute). Your answer is kept and will be sent in a moment.' },
      });
      expect((await send({ type: 'values.propose', payload: { itemId, text: 'Humility' } })).ok).toBe(true);
      await waitFor(() => surveyOn(fac, itemId).tally[valueIds[0]!]?.importance[2] === 1, 'the third rating');
    } finally {
      await app.close();
    }
  });
});
