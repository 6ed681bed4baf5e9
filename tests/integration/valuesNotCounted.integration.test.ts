import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { client, closeClients, startServer, waitFor } from '../support/harness.js';
import { openSurvey, surveyOn } from '../support/valuesSurvey.js';

afterEach(() => closeClients());

const CLOSED = 'The survey closed before your answer arrived, so it was not counted.';

describe('a rating the survey did not count is kept on the phone, never dropped', () => {
  it('queued offline, refused after a page reload: kept with the reason; sent again once reopened, it counts and the slot clears', async () => {
    const app = await startServer();
    try {
      const { s, fac, itemId, valueIds } = await openSurvey(app, ['Respect', 'Partnership']);
      const storage = memoryStorage();
      const before = client(app, storage);
      await before.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      before.goOffline();
      const rate = { type: 'values.rate', payload: { itemId, valueId: valueIds[0]!, scale: 'importance', score: 5 } } as const;
      void before.send(rate);
      void before.send({ ...rate, payload: { ...rate.payload, score: 4 } });
      void before.send({ ...rate, payload: { ...rate.payload, scale: 'practice', score: 2 } });
      expect(before.snap.queued).toHaveLength(3);
      before.close(); // the page is reloaded while offline: only the stored queue is left

      expect((await fac.send({ type: 'values.setPhase', payload: { itemId, phase: 'closed' } })).ok).toBe(true);
      const after = client(app, storage);
      await after.join({ role: 'participant', joinCode: s.joinCode });
      await waitFor(() => after.snap.queued.length === 0, 'the queue sent');
      // One kept answer per value and scale (the newest), each with our reason; nothing counted on the server.
      expect(after.snap.unsent.map((u) => [u.command.type === 'values.rate' && u.command.payload, u.reason])).toEqual([
        [{ itemId, valueId: valueIds[0], scale: 'importance', score: 4 }, CLOSED],
        [{ itemId, valueId: valueIds[0], scale: 'practice', score: 2 }, CLOSED],
      ]);
      expect(surveyOn(fac, itemId).respondents).toBe(0);

      // Another reload keeps them (they are stored on the device).
      after.close();
      const again = client(app, storage);
      await again.join({ role: 'participant', joinCode: s.joinCode });
      expect(again.snap.unsent).toHaveLength(2);
      expect((await fac.send({ type: 'values.setPhase', payload: { itemId, phase: 'open' } })).ok).toBe(true);
      await waitFor(() => surveyOn(again, itemId).phase === 'open', 'reopened');
      const kept = again.snap.unsent[0]!.command;
      const { id: _id, ...body } = kept;
      expect((await again.send(body)).ok).toBe(true);
      expect(again.snap.unsent).toHaveLength(1);
      await waitFor(() => surveyOn(fac, itemId).respondents === 1, 'counted');
    } finally {
      await app.close();
    }
  }, 20_000);
});
