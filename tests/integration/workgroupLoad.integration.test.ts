import { afterEach, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { workGroupsOf, type ReportField } from '../../shared/modules/workgroup/workgroup.state.js';
import { client, closeClients, createSession, startServer, tempDir, waitFor } from '../support/harness.js';

afterEach(() => closeClients());

const FIELDS: ReportField[] = ['recommendations', 'information', 'stakeholders', 'assistance'];
const PEOPLE = 40;
const GROUPS = 5;
/** Each of the 8 members of a group sends 6 recommendations: 48, over the cap of 40, so some are refused. */
const RECOMMENDATIONS_EACH = 6;

/** Texts of a state's answers and strategies, sorted (duplicates kept, so a double shows). */
const written = (c: SessionClient): string[] => {
  const wg = workGroupsOf(c.snap.state);
  return [...Object.values(wg.answers).map((a) => `${a.workGroupId}|${a.text}`), ...Object.values(wg.strategies).map((x) => `${x.workGroupId}|${x.text}`)].sort();
};

describe('40 participants in 5 work groups at once', () => {
  it('fill their report-outs concurrently: every accepted item is in the final state exactly once, also after a reload', async () => {
    const dataDir = tempDir();
    let app = await startServer({ dataDir });
    try {
      const s = await createSession(app);
      const fac = client(app);
      await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      for (let i = 1; i <= GROUPS; i++) expect((await fac.send({ type: 'workgroup.addTheme', payload: { title: `Theme ${i}` } })).ok).toBe(true);
      expect((await fac.send({ type: 'workgroup.configure', payload: { capacity: PEOPLE / GROUPS, selfSelect: true } })).ok).toBe(true);
      expect((await fac.send({ type: 'workgroup.makeGroups', payload: {} })).ok).toBe(true);
      await waitFor(() => workGroupsOf(fac.snap.state).groups.length === GROUPS, 'the groups');
      const groupIds = workGroupsOf(fac.snap.state).groups.map((g) => g.id);

      const phones = await Promise.all(
        Array.from({ length: PEOPLE }, async (_, i) => {
          const c = client(app);
          expect((await c.join({ role: 'participant', joinCode: s.joinCode, name: `Person ${i}` })).ok).toBe(true);
          return c;
        }),
      );
      // Everyone picks at once; the capacity (8) holds.
      const joined = await Promise.all(phones.map((c, i) => c.send({ type: 'workgroup.join', payload: { workGroupId: groupIds[i % GROUPS]! } })));
      expect(joined.every((r) => r.ok)).toBe(true);

      // Everyone writes at once: a strategy, one answer under each heading, and more recommendations than fit.
      const accepted: string[] = [];
      let refused = 0;
      await Promise.all(
        phones.map(async (c, i) => {
          const g = groupIds[i % GROUPS]!;
          const sends = [
            { key: `${g}|Strategy of ${i}`, body: { type: 'workgroup.addStrategy', payload: { workGroupId: g, text: `Strategy of ${i}` } } as const },
            ...FIELDS.map((field) => ({ key: `${g}|${field} from ${i}`, body: { type: 'workgroup.addAnswer', payload: { workGroupId: g, field, text: `${field} from ${i}` } } as const })),
            ...Array.from({ length: RECOMMENDATIONS_EACH }, (_, n) => ({
              key: `${g}|Recommendation ${n} from ${i}`,
              body: { type: 'workgroup.addAnswer', payload: { workGroupId: g, field: 'recommendations', text: `Recommendation ${n} from ${i}` } } as const,
            })),
          ];
          const results = await Promise.all(sends.map((x) => c.send(x.body)));
          results.forEach((r, n) => {
            if (r.ok) accepted.push(sends[n]!.key);
            else {
              expect(r.error.message).toBe('“Basic recommendations” can have at most 40 answers.');
              refused++;
            }
          });
        }),
      );
      // 8 members x (1 + 6) recommendations = 56 per group, 40 kept: 16 refused per group.
      expect(refused).toBe(GROUPS * 16);
      accepted.sort();
      await waitFor(() => written(fac).length === accepted.length, 'every accepted item on the console', 10_000);
      expect(written(fac)).toEqual(accepted);
      for (const c of [phones[0]!, phones[PEOPLE - 1]!]) {
        await waitFor(() => written(c).length === accepted.length, 'every accepted item on a phone', 10_000);
        expect(written(c)).toEqual(accepted);
      }
      for (const g of workGroupsOf(fac.snap.state).groups) expect(g.strategyOrder).toHaveLength(PEOPLE / GROUPS);

      // Reloaded from the SQLite store by a fresh server: the same items, each once.
      closeClients();
      await app.close();
      app = await startServer({ dataDir });
      const again = client(app);
      await again.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      expect(written(again)).toEqual(accepted);
    } finally {
      await app.close();
    }
  }, 60_000);
});
