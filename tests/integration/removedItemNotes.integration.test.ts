import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { client, closeClients, createSession, itemOfType, startServer } from '../support/harness.js';
import { Steps } from '../support/wire.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer()));
afterAll(() => app.close());
afterEach(() => closeClients());

describe('an agenda item removed mid-session', () => {
  it('keeps its notes in the report, under a section of their own, and a removed brainstorm’s notes stay private', async () => {
    const steps = new Steps();
    const s = await createSession(app);
    const fac = client(app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const phone = client(app);
    expect((await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok).toBe(true);
    const board = itemOfType(fac, 'board');
    const swot = itemOfType(fac, 'swot');
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: board } });
    await steps.ok(phone, { type: 'note.add', payload: { itemId: board, column: 'Threats', text: 'Court backlog grows' } });
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: swot } });
    await steps.ok(phone, { type: 'note.add', payload: { itemId: swot, column: 'Strengths', text: 'PRIVATE youth board' } });
    await steps.ok(fac, { type: 'agenda.removeItem', payload: { itemId: board } });
    await steps.ok(fac, { type: 'agenda.removeItem', payload: { itemId: swot } });
    await steps.inStep([fac]);

    for (const names of ['0', '1']) {
      const res = await fetch(`${app.url}/api/sessions/${s.sessionId}/report.md?names=${names}`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
      expect(res.status).toBe(200);
      const md = await res.text();
      expect(md).toContain('Removed from the agenda');
      expect(md).toContain('Court backlog grows');
      expect(md).not.toContain('PRIVATE');
      expect(md).toContain('1 more note is not shown here');
    }
  });
});
