import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import { LIBRARY_PHRASES } from '../support/phrases.js';
import { boardItemId, client, closeClients, createSession, startServer, waitFor } from '../support/harness.js';

afterEach(() => closeClients());

/** A small deterministic generator so a failure can be replayed. */
function rng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 12);
  const strings = ['note.add', 'timer.start', 'board.lock', '', 'x'.repeat(600), '__proto__', 'constructor', '💥', 'Strengths'];
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return Math.floor(r() * 2e9) - 1e9;
    case 3: return r() < 0.5;
    case 4: return strings[Math.floor(r() * strings.length)];
    case 5: return NaN;
    case 6: return depth > 3 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      if (depth > 3) return {};
      const keys = ['id', 'type', 'payload', 'itemId', 'column', 'text', 'noteId', 'minutes', 'locked', 'item', '__proto__'];
      const o: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(r() * 5); i++) o[keys[Math.floor(r() * keys.length)]!] = randomValue(r, depth + 1);
      return o;
    }
  }
}

describe('bad input and abuse', () => {
  let app: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    // A generous rate limit here so that the payloads reach the pipeline; the limit itself is tested below.
    app = await startServer({ rate: { capacity: 100_000, perSecond: 100_000 } });
  });
  afterAll(() => app.close());

  it('a few thousand random payloads leave the server up, answering, and unchanged', async () => {
    const s = await createSession(app);
    const fac = client(app);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phone = client(app);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Mallory' });
    const itemId = boardItemId(fac);
    const before = fac.snap.state.seq;
    const r = rng(42);
    const answers: unknown[] = [];
    const shapes = (i: number): unknown => {
      if (i % 3 === 0) return randomValue(r);
      if (i % 3 === 1) return { id: `fuzz-${i}-abcdef`, type: 'note.add', payload: randomValue(r) };
      return { id: `fuzz-${i}-abcdef`, type: ['timer.start', 'note.edit', 'note.add', 'agenda.goto'][i % 4], payload: { itemId: randomValue(r), text: randomValue(r), column: randomValue(r) } };
    };
    for (let i = 0; i < 3000; i++) {
      const payload = shapes(i);
      answers.push(await phone.socket.timeout(2000).emitWithAck('command', payload as never));
    }
    // Unacknowledged or odd emits must not crash anything either.
    const untyped = phone.socket as unknown as { emit: (...a: unknown[]) => void };
    untyped.emit('command', 'no ack');
    untyped.emit('join', { role: 'participant' });
    untyped.emit('nonsense', 1, 2, 3);
    expect(answers).toHaveLength(3000);
    for (const a of answers) {
      expect(a).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
      expect((a as { error: { message: string } }).error.message).not.toMatch(LIBRARY_PHRASES);
    }
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect((await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'still works' } })).ok).toBe(true);
    await waitFor(() => fac.snap.state.seq === before + 1, 'exactly one change');
  });

  it('says what is wrong with an invalid note in words', async () => {
    const s = await createSession(app);
    const phone = client(app);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const itemId = boardItemId(phone);
    const long = await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'x'.repeat(501) } });
    expect(long).toEqual({ ok: false, error: { code: 'invalid', message: 'A note can be at most 500 characters.' } });
    const name = client(app);
    const res = await name.join({ role: 'participant', joinCode: s.joinCode, name: 'n'.repeat(41) });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('at most 40 characters') } });
    const early = io(app.url, { auth: { protocol: PROTOCOL_VERSION }, transports: ['websocket'] });
    const notJoined = await early.emitWithAck('command', { id: 'before-join-1', type: 'timer.start', payload: {} });
    expect(notJoined).toEqual({ ok: false, error: { code: 'not_joined', message: 'Join a session first.' } });
    early.close();
  });

  it('closes a connection that sends a frame over the size limit, and the server stays up', async () => {
    const s = await createSession(app);
    const phone = client(app);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const disconnected = new Promise<string>((resolve) => phone.socket.once('disconnect', resolve));
    phone.socket.emit('command', { id: 'huge-frame-1', type: 'note.add', payload: { text: 'x'.repeat(200_000) } }, () => {});
    expect(await disconnected).toMatch(/transport close|transport error|io server disconnect/);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers a flood from one socket with a clear rate-limit error', async () => {
    const app = await startServer();
    try {
      const s = await createSession(app);
      const phone = client(app);
      await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Flood' });
      const itemId = boardItemId(phone);
      const answers = await Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          phone.socket.emitWithAck('command', { id: `flood-${i}-abcdefg`, type: 'note.add', payload: { itemId, column: 'Strengths', text: `n${i}` } }),
        ),
      );
      const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
      expect(limited.length).toBeGreaterThan(0);
      expect(answers.filter((a) => a.ok).length).toBeGreaterThan(0);
      expect(limited[0]).toEqual({
        ok: false,
        error: { code: 'rate_limited', message: 'You are sending too fast. Please wait a moment and try again.', retryAfterSeconds: 1 },
      });
    } finally {
      closeClients();
      await app.close();
    }
  });
});

describe('raw HTTP abuse', () => {
  it('a malformed address gets our answer and the server keeps answering', async () => {
    const net = await import('node:net');
    const app = await startServer();
    try {
      const cases: Array<[string, RegExp]> = [
        ['GET //[ HTTP/1.1', /^HTTP\/1\.1 404[^]*nothing at this address/],
        ['GET /%E0%A4%A HTTP/1.1', /^HTTP\/1\.1 400[^]*address is not valid/],
        ['GET /api/%zz HTTP/1.1', /^HTTP\/1\.1 400[^]*address is not valid/],
        ['GET / HTTP/1.1\r\nBad Header', /^HTTP\/1\.1 400[^]*request is not valid/],
      ];
      for (const [line, answer] of cases) {
        const reply = await new Promise<string>((resolve, reject) => {
          const sock = net.connect(app.port, '127.0.0.1', () => sock.write(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`));
          let data = '';
          sock.on('data', (d) => (data += d.toString()));
          sock.on('end', () => resolve(data));
          sock.on('error', reject);
        });
        expect(reply, line).toMatch(answer);
      }
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
