import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { client, closeClients, createSession, itemOfType, startServer } from '../support/harness.js';
import { Steps } from '../support/wire.js';

let app: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (app = await startServer()));
afterAll(() => app.close());
afterEach(() => closeClients());

const REFUSED = 'This item has been run already: its kind cannot change, so nothing the room gave on it goes missing. Add a new item instead.';

describe('changing an agenda item’s kind mid-session', () => {
  it('is refused once the item has been run, so the room’s fist-to-five stays in the report; an item not yet run still changes', async () => {
    const steps = new Steps();
    const s = await createSession(app);
    const fac = client(app);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const phone = client(app);
    expect((await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })).ok).toBe(true);
    const vision = itemOfType(fac, 'vision');
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: vision } });
    await steps.ok(fac, { type: 'vision.draft', payload: { itemId: vision, text: 'Every child safe and loved' } });
    await steps.ok(fac, { type: 'vision.askFist', payload: { itemId: vision } });
    await steps.ok(phone, { type: 'vision.fist', payload: { itemId: vision, value: 4 } });

    const asCurrent = await fac.send({ type: 'agenda.updateItem', payload: { itemId: vision, patch: { moduleType: 'presentation' } } });
    expect(asCurrent.ok ? '' : asCurrent.error.message).toBe(REFUSED);
    await steps.ok(fac, { type: 'agenda.next', payload: {} });
    const afterwards = await fac.send({ type: 'agenda.updateItem', payload: { itemId: vision, patch: { moduleType: 'board' } } });
    expect(afterwards.ok ? '' : afterwards.error.message).toBe(REFUSED);
    await steps.inStep([fac]);
    expect(fac.snap.state.agenda.find((i) => i.id === vision)?.moduleType).toBe('vision');

    const md = await (await fetch(`${app.url}/api/sessions/${s.sessionId}/report.md`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } })).text();
    expect(md).toContain('Every child safe and loved');
    // Other edits of a run item go on, and an item not yet run changes its kind.
    await steps.ok(fac, { type: 'agenda.updateItem', payload: { itemId: vision, patch: { prompt: 'Where we want to be' } } });
    const later = fac.snap.state.agenda.at(-1)!;
    expect(later.id).not.toBe(fac.snap.state.currentItemId);
    await steps.ok(fac, { type: 'agenda.updateItem', payload: { itemId: later.id, patch: { moduleType: 'discussion' } } });
  });
});
