import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type LimitSettings } from '../../server/limits.js';
import { trustProxyFrom } from '../../server/origins.js';
import type { JoinResult } from '../../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import { memoryStorage } from '../../client/net/sessionClient.js';
import { boardItemId, client, closeClients, createSession, startServer } from '../support/harness.js';

afterEach(() => closeClients());

type Server = Awaited<ReturnType<typeof startServer>>;
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function serverWith(limits: Partial<LimitSettings>, extra: Parameters<typeof startServer>[0] = {}): Promise<Server> {
  const app = await startServer({ ...extra, limits: { ...DEFAULT_LIMITS, ...limits } });
  servers.push(app);
  return app;
}

const post = (app: Server, headers: Record<string, string> = {}, body: object = { title: 'Board meeting' }) =>
  fetch(`${app.url}/api/sessions`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

const WRONG = 'ZZZZZZ'; // well formed, and no session of a fresh server has it
const join = (app: Server, joinCode: string, name = 'Ana') => client(app).join({ role: 'participant', joinCode, name });
/** A refusal; one that passes by itself (rate_limited) also says how long to wait (the sentence's wait, if given). */
const refusedWith = (code: string, message: RegExp, retryAfterSeconds?: number) => ({
  ok: false,
  error: { code, message: expect.stringMatching(message), ...(code === 'rate_limited' ? { retryAfterSeconds: retryAfterSeconds ?? expect.any(Number) } : {}) },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('session creation per client address', () => {
  it('answers 429 with Retry-After and a sentence past the default of 30 per 10 minutes', async () => {
    const app = await serverWith({});
    for (let i = 0; i < 30; i++) expect((await post(app)).status).toBe(201);
    const res = await post(app);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await res.json()).toEqual({
      error: 'Too many sessions were created from your network (at most 30 every 10 minutes). Please try again in 10 minutes.',
    });
  });

  it('does not count requests it refused for other reasons', async () => {
    const app = await serverWith({ sessionsPerWindow: 2 });
    for (let i = 0; i < 5; i++) expect((await post(app, {}, { title: '' })).status).toBe(400);
    expect((await post(app)).status).toBe(201);
    expect((await post(app)).status).toBe(201);
    expect((await post(app)).status).toBe(429);
  });

  it('behind a trusted proxy counts per forwarded address, and ignores the header from anyone else', async () => {
    const proxied = await serverWith({ sessionsPerWindow: 1 }, { trustProxy: trustProxyFrom('loopback') });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    expect((await post(proxied, from('203.0.113.7'))).status).toBe(201);
    expect((await post(proxied, from('203.0.113.7'))).status).toBe(429);
    expect((await post(proxied, from('203.0.113.8'))).status).toBe(201);

    const direct = await serverWith({ sessionsPerWindow: 1 });
    expect((await post(direct, from('203.0.113.7'))).status).toBe(201);
    expect((await post(direct, from('203.0.113.8'))).status).toBe(429);
  });
});

describe('origin check', () => {
  it('refuses a page of another site on POST with our sentence; own origin, no origin and ALLOWED_ORIGINS pass', async () => {
    const app = await serverWith({}, { allowedOrigins: new Set(['https://workshops.example.org']) });
    const foreign = await post(app, { origin: 'https://elsewhere.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({
      error: "This toolkit only answers its own pages, and https://elsewhere.example is not one of them. Open the toolkit's own address instead.",
    });
    expect((await post(app, { origin: 'null' })).status).toBe(403);
    const unread = await fetch(`${app.url}/api/sessions`, { method: 'POST', body: 'not json', headers: { origin: 'https://elsewhere.example' } });
    expect(unread.status).toBe(403); // refused before its body is read
    expect((await post(app, { origin: app.url })).status).toBe(201);
    expect((await post(app, { origin: 'https://workshops.example.org' })).status).toBe(201);
    expect((await post(app)).status).toBe(201);
  });

  it('refuses the socket handshake of a page of another site with our sentence', async () => {
    const app = await serverWith({}, { allowedOrigins: new Set(['https://workshops.example.org']) });
    const connect = (origin: string | undefined) =>
      new Promise<string>((resolve) => {
        const socket = io(app.url, {
          auth: { protocol: PROTOCOL_VERSION },
          transports: ['websocket'],
          extraHeaders: origin ? { origin } : {},
          reconnection: false,
        });
        socket.on('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.on('connect_error', (e) => {
          socket.close();
          resolve(e.message);
        });
      });
    expect(await connect('https://elsewhere.example')).toBe(
      "This toolkit only answers its own pages, and https://elsewhere.example is not one of them. Open the toolkit's own address instead.",
    );
    expect(await connect(app.url)).toBe('connected');
    expect(await connect('https://workshops.example.org')).toBe('connected');
    expect(await connect(undefined)).toBe('connected');
  });
});

describe('wrong join codes per client address', () => {
  it('makes every try past the free ones wait, each wait twice the one before', async () => {
    const app = await serverWith({ wrongCodesFree: 3 });
    const s = await createSession(app);
    for (let i = 0; i < 3; i++) expect(await join(app, WRONG)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The fourth try is checked, and starts a wait of 1 s; tries during the wait are not checked at all.
    expect(await join(app, WRONG)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await join(app, WRONG)).toEqual(refusedWith('rate_limited', /^Too many wrong join codes were tried from your network\. Please wait 1 second, then check the code on the board\.$/, 1));
    expect(await join(app, s.joinCode)).toEqual(refusedWith('rate_limited', /Please wait 1 second/, 1));
    await sleep(1100);
    expect(await join(app, WRONG)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await join(app, WRONG)).toEqual(refusedWith('rate_limited', /Please wait 2 seconds/, 2));
    await sleep(2100);
    expect(await join(app, WRONG)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await join(app, WRONG)).toEqual(refusedWith('rate_limited', /Please wait 4 seconds/, 4));
  });

  it('lets a participant with their token back in during a wait, but not a new name', async () => {
    const app = await serverWith({ wrongCodesFree: 1 });
    const s = await createSession(app);
    const phone = client(app);
    const first = (await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })) as Extract<JoinResult, { ok: true }>;
    expect(first.ok).toBe(true);
    await join(app, WRONG);
    await join(app, WRONG); // passes and starts the wait
    expect(await join(app, WRONG)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const back = client(app);
    const again = await back.socket.timeout(3000).emitWithAck('join', {
      role: 'participant',
      protocol: PROTOCOL_VERSION,
      joinCode: s.joinCode,
      name: 'Ana',
      participantToken: first.participantToken,
    });
    expect(again).toMatchObject({ ok: true, participantId: first.participantId });
    const stranger = await back.socket.timeout(3000).emitWithAck('join', {
      role: 'participant',
      protocol: PROTOCOL_VERSION,
      joinCode: s.joinCode,
      name: 'Eve',
      participantToken: 'made-up-token',
    });
    expect(stranger).toEqual(refusedWith('rate_limited', /Too many wrong join codes/));
  });

  it('behind a trusted proxy counts per forwarded address on the socket handshake too', async () => {
    const app = await serverWith({ wrongCodesFree: 1 }, { trustProxy: trustProxyFrom('loopback') });
    const tryFrom = async (address: string) => {
      const sock = io(app.url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'], extraHeaders: { 'x-forwarded-for': address } });
      try {
        const answer = (await sock.timeout(3000).emitWithAck('join', { role: 'board', protocol: PROTOCOL_VERSION, joinCode: WRONG })) as JoinResult;
        return answer.ok ? 'joined' : answer.error.code;
      } finally {
        sock.close();
      }
    };
    expect(await tryFrom('203.0.113.7')).toBe('not_found');
    expect(await tryFrom('203.0.113.7')).toBe('not_found'); // checked, and starts the wait
    expect(await tryFrom('203.0.113.7')).toBe('rate_limited');
    expect(await tryFrom('203.0.113.8')).toBe('not_found');
  });

  it('never counts right codes: 500 phones behind one venue address all join', async () => {
    const app = await serverWith({});
    const s = await createSession(app);
    const results: JoinResult[] = [];
    for (let batch = 0; batch < 10; batch++)
      results.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => join(app, s.joinCode, `Phone ${batch * 50 + i}`)))));
    expect(results.filter((r) => r.ok)).toHaveLength(500);
    closeClients();
    // And the address still has all its free wrong tries.
    for (let i = 0; i < DEFAULT_LIMITS.wrongCodesFree; i++) expect(await join(app, WRONG)).toMatchObject({ error: { code: 'not_found' } });
  }, 120_000);

  it('a venue joining at once behind one address waits for its tries in flight, rather than hearing "wrong codes"', async () => {
    const app = await serverWith({ wrongCodesFree: 2 });
    const s = await createSession(app);
    // 60 right codes at the same moment, with 2 free tries: each waits for the ones before it to give theirs back.
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => join(app, s.joinCode, `Phone ${i}`)));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    closeClients();
    // Wrong codes sent at once still count: the two free tries, then a wait.
    const wrong = await Promise.all(Array.from({ length: 4 }, () => join(app, WRONG)));
    expect(wrong.filter((r) => !r.ok && r.error.code === 'not_found').length).toBeLessThanOrEqual(3);
    expect(wrong.filter((r) => !r.ok && r.error.code === 'rate_limited').length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe('per session and per participant', () => {
  it('caps the participants of a session, with a sentence', async () => {
    const app = await serverWith({ maxParticipants: 3 });
    const s = await createSession(app);
    const phone = memoryStorage();
    await client(app, phone).join({ role: 'participant', joinCode: s.joinCode, name: 'P1' });
    for (const name of ['P2', 'P3']) expect((await join(app, s.joinCode, name)).ok).toBe(true);
    expect(await join(app, s.joinCode, 'P4')).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This session is full: it already has 3 participants. Please ask the facilitator.' },
    });
    // Someone already in comes back, and the board still joins.
    expect((await client(app, phone).join({ role: 'participant', joinCode: s.joinCode, name: 'P1' })).ok).toBe(true);
    expect((await client(app).join({ role: 'board', joinCode: s.joinCode })).ok).toBe(true);
  });

  it('limits notes per participant across all of their screens', async () => {
    const app = await serverWith({ notesPerMinute: 5 });
    const s = await createSession(app);
    const tab1 = client(app);
    const joined = (await tab1.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' })) as Extract<JoinResult, { ok: true }>;
    const tab2 = io(app.url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'] });
    const again = await tab2.timeout(3000).emitWithAck('join', {
      role: 'participant',
      protocol: PROTOCOL_VERSION,
      joinCode: s.joinCode,
      participantToken: joined.participantToken,
    });
    expect(again).toMatchObject({ ok: true, participantId: joined.participantId });
    const itemId = boardItemId(tab1);
    const note = (sock: typeof tab2, i: number) =>
      sock.timeout(3000).emitWithAck('command', { id: `note-${i}-abcdefgh`, type: 'note.add', payload: { itemId, column: 'Strengths', text: `n${i}` } });
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await note(i % 2 ? tab2 : tab1.socket, i));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect(answers[5]).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'You are posting notes very fast (at most 5 a minute). Your note is kept and will be sent in a moment.' },
    });
    // Another participant has a budget of their own.
    const other = client(app);
    await other.join({ role: 'participant', joinCode: s.joinCode, name: 'Ben' });
    expect((await note(other.socket, 100)).ok).toBe(true);
    tab2.close();
  });

  it('limits clock probes per connection, with a sentence', async () => {
    const app = await serverWith({ clockProbesPerMinute: 4 });
    const sock = io(app.url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'] });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await sock.timeout(3000).emitWithAck('time'));
    expect(answers.slice(0, 4).every((a) => typeof a === 'number')).toBe(true);
    expect(answers[4]).toEqual(refusedWith('rate_limited', /^This screen checked the clock too often\. Please wait (\d+ seconds|1 minute)\.$/));
    sock.close();
  });
});
