import { afterEach, describe, expect, it } from 'vitest';
import { ecoMapOf } from '../../shared/modules/ecomap/ecomap.state.js';
import { client, closeClients, createSession, GENEROUS_LIMITS, itemOfType, startServer, waitFor } from '../support/harness.js';

afterEach(() => closeClients());

describe('the eco-map’s writes from a phone count in the writing budget', () => {
  it('proposals and plan rows share one budget per participant, marks have their own; the facilitator has none', async () => {
    const app = await startServer({ limits: { ...GENEROUS_LIMITS, notesPerMinute: 2, answersPerMinute: 2 } });
    try {
      const s = await createSession(app, { title: 'Stakeholder engagement' });
      const fac = client(app);
      await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      await fac.send({ type: 'agenda.addItem', payload: { item: { title: 'Eco-map', plannedMinutes: 30, moduleType: 'ecomap' } } });
      await waitFor(() => fac.snap.state.agenda.length === 1, 'the item');
      const itemId = itemOfType(fac, 'ecomap');
      const names = ['Courts and judges', 'Youth', 'Tribes', 'Schools', 'Legislators', 'Birth parents'];
      expect((await fac.send({ type: 'ecomap.addPartners', payload: { itemId, names } })).ok).toBe(true);
      expect((await fac.send({ type: 'ecomap.setVote', payload: { itemId, vote: 'open' } })).ok).toBe(true);
      const ana = client(app);
      await ana.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      await waitFor(() => ecoMapOf(ana.snap.state, itemId).order.length === names.length && ecoMapOf(ana.snap.state, itemId).vote === 'open', 'the map');
      const ids = ecoMapOf(ana.snap.state, itemId).order;
      expect((await fac.send({ type: 'ecomap.setScribe', payload: { itemId, participantId: ana.snap.participantId! } })).ok).toBe(true);
      const send = (n: number, type: string, payload: object) =>
        ana.socket.timeout(3000).emitWithAck('command', { id: `budget-${n}-abcdef`, type, payload: { itemId, ...payload } }) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
      const answers = [
        await send(1, 'ecomap.mark', { partnerId: ids[0], mark: 'green' }),
        await send(2, 'ecomap.propose', { name: 'Housing authority' }),
        await send(3, 'ecomap.plan', { partnerId: ids[0], how: 'Meet', who: 'Ana', when: 'May' }),
        await send(4, 'ecomap.mark', { partnerId: ids[1], mark: 'red' }),
        await send(5, 'ecomap.mark', { partnerId: ids[2], mark: 'none' }),
      ];
      expect(answers.slice(0, 4).every((a) => a.ok)).toBe(true);
      expect(answers[4]).toEqual({
        ok: false,
        error: { code: 'rate_limited', message: 'You are answering very fast (at most 2 answers a minute). Your answer is kept and will be sent in a moment.' },
      });
      expect(await send(6, 'ecomap.propose', { name: 'Foster parents' })).toEqual({
        ok: false,
        error: { code: 'rate_limited', message: 'You are writing very fast (at most 2 entries a minute). What you wrote is kept and will be sent in a moment.' },
      });
      // The facilitator's own writes are not budgeted.
      for (let i = 0; i < 6; i++) expect((await fac.send({ type: 'ecomap.plan', payload: { itemId, partnerId: ids[i % ids.length]!, how: `h${i}`, who: '', when: '' } })).ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});
