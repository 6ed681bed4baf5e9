import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { openStore } from '../../server/store/open.js';
import { buildTimeline } from '../../shared/replay/timeline.js';
import { allNotes, allParticipants } from '../../shared/session/notes.js';
import { client, closeClients, createSession, GENEROUS_LIMITS, itemOfType, startServer, type Created } from '../support/harness.js';
import { fetchReplay } from '../support/replay.js';
import { Steps } from '../support/wire.js';

type Server = Awaited<ReturnType<typeof startServer>>;
const servers: Server[] = [];
afterEach(() => closeClients());
afterAll(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function server(opts: Parameters<typeof startServer>[0] = {}): Promise<Server> {
  const app = await startServer(opts);
  servers.push(app);
  return app;
}

async function room(app: Server, s: Created, names: string[]) {
  const fac = client(app);
  expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
  const phones: SessionClient[] = [];
  for (const name of names) {
    const p = client(app);
    expect((await p.join({ role: 'participant', joinCode: s.joinCode, name })).ok).toBe(true);
    phones.push(p);
  }
  return { fac, phones };
}

describe('a replay of a huge session', () => {
  let app: Server;
  beforeAll(async () => (app = await server({ replayMaxEvents: 5 })));

  it('reads at most one event past the cap from the store, and holds the first ones, saying so', async () => {
    const s = await createSession(app);
    const steps = new Steps();
    const { fac } = await room(app, s, ['Ana', 'Ben']);
    await steps.ok(fac, { type: 'timer.start', payload: {} });
    for (let i = 0; i < 5; i++) await steps.ok(fac, { type: i % 2 ? 'timer.resume' : 'timer.pause', payload: {} });
    await steps.inStep([fac]);
    expect(fac.snap.state.seq).toBeGreaterThan(7);

    // The store hands out no more than it is asked for.
    const { store } = await openStore({ databaseUrl: app.schema && process.env.DATABASE_URL, schema: app.schema, dataDir: app.dataDir });
    try {
      expect((await store.eventsSince(s.sessionId, 0, 3)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.eventsSince(s.sessionId, 4, 2)).map((e) => e.seq)).toEqual([5, 6]);
      expect(await store.eventsSince(s.sessionId, 0)).toHaveLength(fac.snap.state.seq);
    } finally {
      await store.close();
    }

    const whole = (await fetchReplay(app, s.sessionId, s.facilitatorKey, 'facilitator')).json();
    expect(whole.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(whole.cut).toBe('This session has more than 5 events; the replay holds the first 5 and stops there.');
    // Following from inside the cap gets what is left of it; from its end, nothing.
    const rest = (await fetchReplay(app, s.sessionId, s.facilitatorKey, 'facilitator&after=3')).json();
    expect(rest.events.map((e) => e.seq)).toEqual([4, 5]);
    expect(rest.cut).toBe(whole.cut);
    const none = (await fetchReplay(app, s.sessionId, s.facilitatorKey, 'facilitator&after=5')).json();
    expect(none.events).toEqual([]);
    expect(none.cut).toBe(whole.cut);
  });
});

describe('a replay following a live session', () => {
  it('gets only what happened after a seq, from a budget apart from reports’, and refuses a bad seq with our sentence', async () => {
    const app = await server({ limits: { ...GENEROUS_LIMITS, exportsPerMinute: 1, replayFollowsPerMinute: 3 } });
    const s = await createSession(app);
    const steps = new Steps();
    const { fac, phones } = await room(app, s, ['Ana']);
    const first = await fetchReplay(app, s.sessionId, s.facilitatorKey, 'board');
    expect(first.status).toBe(200);
    const opened = first.json().events.at(-1)?.seq ?? 0;
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: itemOfType(fac, 'board') } });
    await steps.ok(phones[0]!, { type: 'note.add', payload: { itemId: itemOfType(fac, 'board'), column: 'Strengths', text: 'Kinship network' } });
    await steps.inStep([fac]);

    const since = await fetchReplay(app, s.sessionId, s.facilitatorKey, `board&after=${opened}`);
    expect(since.status).toBe(200);
    const log = since.json();
    expect(log.events[0]?.seq).toBe(opened + 1);
    expect(log.events.at(-1)?.seq).toBe(fac.snap.state.seq);
    expect(log.cut).toBeNull();
    const end = buildTimeline([...first.json().events, ...log.events]).stateAt(fac.snap.state.seq);
    expect(allNotes(end).map((n) => n.text)).toEqual(['Kinship network']);

    // The export budget (1 a minute) went on opening the replay; following has its own (3 a minute).
    for (let i = 0; i < 2; i++) expect((await fetchReplay(app, s.sessionId, s.facilitatorKey, `board&after=${fac.snap.state.seq}`)).status).toBe(200);
    const over = await fetchReplay(app, s.sessionId, s.facilitatorKey, `board&after=${fac.snap.state.seq}`);
    expect(over.status).toBe(429);
    expect(JSON.parse(over.text).error).toMatch(/^A replay looks for what happened since at most 3 times a minute from your network, and that is reached\. It looks again in \d+ seconds?\.$/);
    const reopened = await fetchReplay(app, s.sessionId, s.facilitatorKey, 'board');
    expect(reopened.status).toBe(429);
    expect(JSON.parse(reopened.text).error).toMatch(/^Replays and reports share a limit of 1 a minute/);

    for (const bad of ['-1', 'abc', '1.5', ''])
      expect(JSON.parse((await fetchReplay(app, s.sessionId, s.facilitatorKey, `board&after=${bad}`)).text)).toEqual({
        error: 'A replay follows a session from an event number: ask for after=0 or a larger whole number.',
      });
  });
});

describe('names in a replay', () => {
  let app: Server;
  beforeAll(async () => (app = await server()));

  it('a session that showed no names (anonymous board, silent brainstorm) replays on the board and a phone without any', async () => {
    const s = await createSession(app);
    const steps = new Steps();
    const { fac, phones } = await room(app, s, ['Anastasia', 'Benedikt']);
    const [ana, ben] = phones as [SessionClient, SessionClient];
    const open = itemOfType(fac, 'board');
    const swot = itemOfType(fac, 'swot');
    await steps.ok(fac, { type: 'agenda.updateItem', payload: { itemId: open, patch: { anonymous: true } } });
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: open } });
    await steps.ok(ana, { type: 'note.add', payload: { itemId: open, column: 'Strengths', text: 'Kinship network' } });
    await steps.ok(ben, { type: 'note.add', payload: { itemId: open, column: 'Threats', text: 'Court backlog' } });
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: swot } });
    await steps.ok(ana, { type: 'note.add', payload: { itemId: swot, column: 'Threats', text: 'Caseloads' } });
    await steps.ok(ben, { type: 'people.rename', payload: { name: 'Benedikt Renamed' } });
    await steps.inStep([fac]);

    for (const view of ['board', 'participant'] as const) {
      const r = await fetchReplay(app, s.sessionId, s.facilitatorKey, view);
      expect(r.status).toBe(200);
      expect(r.text, view).not.toMatch(/Anastasia|Benedikt/);
      // The room still counts two people, as the board did.
      const end = buildTimeline(r.json().events).stateAt(fac.snap.state.seq);
      expect(allParticipants(end)).toHaveLength(2);
    }
    // The console showed them, and its replay does.
    expect((await fetchReplay(app, s.sessionId, s.facilitatorKey, 'facilitator')).text).toMatch(/Anastasia[\s\S]*Benedikt Renamed/);
  });

  it('a name the board drew beside a named note stays in the board’s replay; an unnamed person’s does not', async () => {
    const s = await createSession(app);
    const steps = new Steps();
    const { fac, phones } = await room(app, s, ['Anastasia', 'Benedikt']);
    const open = itemOfType(fac, 'board');
    await steps.ok(fac, { type: 'agenda.goto', payload: { itemId: open } });
    await steps.ok(phones[0]!, { type: 'note.add', payload: { itemId: open, column: 'Strengths', text: 'Kinship network' } });
    await steps.inStep([fac]);
    const r = await fetchReplay(app, s.sessionId, s.facilitatorKey, 'board');
    expect(r.text).toContain('Anastasia');
    expect(r.text).not.toContain('Benedikt');
    const end = buildTimeline(r.json().events).stateAt(fac.snap.state.seq);
    expect(allNotes(end).map((n) => n.authorName)).toEqual(['Anastasia']);
  });
});
