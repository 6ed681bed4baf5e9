import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { SAY } from '../../server/sentences.js';
import { client, createSession, GENEROUS_LIMITS, itemOfType, startServer, waitFor } from '../support/harness.js';
import { isPdf, pdfText } from '../support/pdfText.js';
import { bytesOf, errorOf, FILES, getWith, NAMES, ok, useServer, votedDay } from '../support/reportServer.js';

const server = useServer();
const get = (path: string, key?: string): Promise<Response> => getWith(server(), path, key);

describe('a report shared with the room', () => {
  const sharedUrl = (id: string) => `/api/shared/${id}/report.pdf`;

  it('opens with its link alone while shared, never with names, and not after it stops', async () => {
    const { s, fac, phones } = await votedDay(server());
    const swot = itemOfType(fac, 'swot');
    expect((await fac.send({ type: 'report.unshare', payload: {} })).ok).toBe(false);
    await ok(fac, { type: 'report.share', payload: { scope: { kind: 'session' }, timeZone: 'America/Chicago' } });
    await waitFor(() => phones.every((p) => p.snap.state.sharedReport !== undefined), 'the link on every phone');
    const first = phones[0]!.snap.state.sharedReport!.shareId;
    expect(first).toMatch(new RegExp(`^${s.sessionId}\\.[A-Za-z0-9_-]{24}$`));
    expect(first).not.toContain(s.facilitatorKey);
    // A phone cannot share or stop sharing.
    expect(await phones[0]!.send({ type: 'report.unshare', payload: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    for (const path of [sharedUrl(first), `/r/${first}`, `${sharedUrl(first)}?paper=a4`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
      const text = pdfText(await bytesOf(res));
      expect(text).toContain('Test day');
      for (const name of NAMES) expect(text).not.toContain(name.split(' ')[1]);
    }
    const withNames = await get(`${sharedUrl(first)}?names=1`);
    expect(withNames.status).toBe(400);
    expect(await errorOf(withNames)).toBe('A shared report takes one option, paper (letter or a4), not "names".');

    // Sharing again makes a new link; the old one stops working.
    await ok(fac, { type: 'report.share', payload: { scope: { kind: 'item', itemId: swot } } });
    await waitFor(() => phones[0]!.snap.state.sharedReport?.shareId !== first, 'the new link');
    const second = phones[0]!.snap.state.sharedReport!.shareId;
    const old = await get(sharedUrl(first));
    expect(old.status).toBe(404);
    expect(await errorOf(old)).toBe(SAY.notShared);
    expect(pdfText(await bytesOf(await get(sharedUrl(second))))).toContain('SWOT analysis');

    await ok(fac, { type: 'report.unshare', payload: {} });
    await waitFor(() => phones.every((p) => p.snap.state.sharedReport === undefined), 'the link gone from every phone');
    for (const path of [sharedUrl(second), `/r/${second}`]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toBe(SAY.notShared);
    }
  }, 30_000);

  it('lets its link reach nothing else: no other export, no other session, no guessed link', async () => {
    const { s, fac } = await votedDay(server());
    const other = await createSession(server());
    await ok(fac, { type: 'report.share', payload: { scope: { kind: 'session' } } });
    const shareId = fac.snap.state.sharedReport!.shareId;
    const secret = shareId.split('.')[1]!;
    for (const file of FILES) expect((await get(`/api/sessions/${s.sessionId}/${file}`, shareId)).status).toBe(403);
    for (const file of FILES) expect((await get(`/api/sessions/${s.sessionId}/${file}`, secret)).status).toBe(403);
    const guesses = [
      `${other.sessionId}.${secret}`, // the secret with another session
      `${s.sessionId}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, // one character off
      `${s.sessionId}.${'A'.repeat(24)}`,
      s.sessionId,
      secret,
      'constructor',
      `constructor.${secret}`,
      `${s.sessionId}.${secret}x`,
    ];
    for (const id of guesses) {
      const res = await get(sharedUrl(encodeURIComponent(id)));
      expect(res.status, id).toBe(404);
      expect(await errorOf(res)).toBe(SAY.notShared);
    }
    expect((await get(sharedUrl(shareId))).status).toBe(200);
  });

  it('can still be shared after the session ended', async () => {
    const { fac } = await votedDay(server());
    await ok(fac, { type: 'session.end', payload: {} });
    await ok(fac, { type: 'report.share', payload: { scope: { kind: 'session' } } });
    expect((await get(sharedUrl(fac.snap.state.sharedReport!.shareId))).status).toBe(200);
  });
});

describe('exports under load: limits, the event loop, idle sessions', () => {
  it('answers too many exports from one address with a sentence and Retry-After; a shared report already made is free', async () => {
    const limited = await startServer({ limits: { ...GENEROUS_LIMITS, exportsPerMinute: 3 } });
    try {
      const s = await createSession(limited);
      const fac = client(limited);
      await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      await ok(fac, { type: 'report.share', payload: { scope: { kind: 'session' } } });
      const shared = `${limited.url}/api/shared/${fac.snap.state.sharedReport!.shareId}/report.pdf`;
      // A room downloading at once: one render (1 of 3), the others get the same copy for free.
      const room = await Promise.all(Array.from({ length: 12 }, () => fetch(shared)));
      expect(room.map((r) => r.status)).toEqual(Array(12).fill(200));
      for (let i = 0; i < 5; i++) expect((await fetch(shared)).status).toBe(200);
      const auth = { headers: { authorization: `Bearer ${s.facilitatorKey}` } };
      expect((await fetch(`${limited.url}/api/sessions/${s.sessionId}/report.md`, auth)).status).toBe(200);
      expect((await fetch(`${limited.url}/api/sessions/${s.sessionId}/export.csv`, auth)).status).toBe(200);
      const res = await fetch(`${limited.url}/api/sessions/${s.sessionId}/export.json`, auth);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await errorOf(res)).toMatch(/^Too many reports were made from your network \(at most 3 a minute\)\. Please try again in (\d+ seconds?|1 minute)\.$/);
    } finally {
      await limited.close();
    }
  });

  it('renders a whole day of 1,000 notes off the event loop: the server keeps answering meanwhile', async () => {
    const busy = await startServer({ rate: { capacity: 100_000, perSecond: 100_000 } });
    try {
      const s = await createSession(busy);
      const fac = client(busy);
      await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      const itemId = itemOfType(fac, 'board');
      const columns = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];
      const sent = await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          fac.send({ type: 'note.add', payload: { itemId, column: columns[i % 4]!, text: `Note ${i}: caseworker turnover and the families we serve` } }),
        ),
      );
      expect(sent.every((r) => r.ok)).toBe(true);
      const auth = { headers: { authorization: `Bearer ${s.facilitatorKey}` } };
      await fetch(`${busy.url}/api/sessions/${s.sessionId}/report.md`, auth); // the worker starts on the first PDF, not here
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const res = await fetch(`${busy.url}/api/sessions/${s.sessionId}/report.pdf`, auth);
      const pdf = await bytesOf(res);
      loop.disable();
      expect(res.status).toBe(200);
      expect(isPdf(pdf)).toBe(true);
      // Rendered on the event loop, the PDF of this day blocks it for about 0.5 s on two cores; in the worker the
      // loop's longest wait stays near its idle value (15-30 ms on the shared test machine).
      expect(loop.max / 1e6).toBeLessThan(250);
    } finally {
      await busy.close();
    }
  }, 60_000);

  it('an export loads an idle session and counts as use: it stays loaded for the idle time, then leaves', async () => {
    const idle = await startServer({ idleUnloadMs: 300 });
    try {
      const s = await createSession(idle);
      expect(idle.liveSessions()).toBe(0);
      const res = await fetch(`${idle.url}/api/sessions/${s.sessionId}/report.md`, { headers: { authorization: `Bearer ${s.facilitatorKey}` } });
      expect(res.status).toBe(200);
      expect(idle.liveSessions()).toBe(1);
      await waitFor(() => idle.liveSessions() === 0, 'the session to unload');
    } finally {
      await idle.close();
    }
  });
});
