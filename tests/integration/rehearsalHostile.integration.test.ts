import { afterEach, describe, expect, it } from 'vitest';
import { SAY_REHEARSAL } from '../../server/rehearsalRules.js';
import { SAY } from '../../server/sentences.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import { createSession, GENEROUS_LIMITS, startServer } from '../support/harness.js';
import { sessionCount } from '../support/db.js';
import { rehearsalHttp } from '../support/rehearsalHttp.js';

let app: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const post = (url: string, body: object) => fetch(`${url}/api/sessions`, { method: 'POST', body: JSON.stringify(body) });
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;
const rehearse = { templateId: 'refinement-meeting', rehearsal: { participants: 50, pace: 60 } };

describe('rehearsals a hostile or unlucky caller starts', () => {
  it('a server runs at most REHEARSALS_AT_ONCE rehearsals: one more is refused in our sentence, leaves no session and costs no budget', async () => {
    const a = (app = await startServer({ templatesDir: 'sessions', limits: { ...GENEROUS_LIMITS, rehearsalsAtOnce: 2, sessionsPerWindow: 4 } }));
    expect(DEFAULT_LIMITS.rehearsalsAtOnce).toBe(20);
    const first = await createSession(a, rehearse);
    await createSession(a, rehearse);
    const before = sessionCount(a.dataDir);
    const refused = await post(a.url, rehearse);
    expect(refused.status).toBe(503);
    expect(await errorOf(refused)).toBe(SAY_REHEARSAL.full(2));
    expect(sessionCount(a.dataDir)).toBe(before);

    // One ends its run (deleted here): a new rehearsal starts.
    const gone = await fetch(`${a.url}/api/sessions/${first.sessionId}`, { method: 'DELETE', headers: { authorization: `Bearer ${first.facilitatorKey}` } });
    expect(gone.status).toBe(204);
    const third = await createSession(a, rehearse);
    expect((await rehearsalHttp(a).status(third))?.participants).toBe(50);
    // Full again, a real session still starts; it is the fourth creation, so the refused one was not counted.
    expect((await post(a.url, rehearse)).status).toBe(503);
    expect((await post(a.url, { templateId: 'refinement-meeting' })).status).toBe(201);
  });

  it('a rehearsal that cannot seat its simulated participants leaves no session behind', async () => {
    const a = (app = await startServer({ templatesDir: 'sessions', limits: { ...GENEROUS_LIMITS, maxParticipants: 3 } }));
    const before = sessionCount(a.dataDir);
    const res = await post(a.url, { templateId: 'refinement-meeting', rehearsal: { participants: 4 } });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toBe(SAY.sessionFull({ ...DEFAULT_LIMITS, maxParticipants: 3 }));
    expect(sessionCount(a.dataDir)).toBe(before);
  });

  it('a real session’s rehearsal status and pace say it is a real session, not that no rehearsal runs', async () => {
    const a = (app = await startServer({ templatesDir: 'sessions' }));
    const real = await createSession(a, { templateId: 'refinement-meeting' });
    const http = rehearsalHttp(a);
    for (const res of [await fetch(`${a.url}/api/sessions/${real.sessionId}/rehearsal`, { headers: http.auth(real) }), await http.change(real, { pace: 5 })]) {
      expect(res.status).toBe(409);
      expect(await errorOf(res)).toBe(SAY_REHEARSAL.notRehearsal);
    }
  });
});
