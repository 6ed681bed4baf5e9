import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import { allNotes } from '../../shared/session/notes.js';
import { waitFor } from '../support/harness.js';
import { DATABASE_URL, dropSchema, postgresSkipReason, uniqueSchema } from '../support/postgres.js';
import { nginxSkipReason, startNginx, type Nginx } from '../support/nginx.js';
import { processBehind, startProcesses, stopProcesses, type ServerProcess } from '../support/processes.js';
import { REDIS_URL, redisSkipReason, uniquePrefix } from '../support/redis.js';
import { addressesByProcess, clientFrom, closeScaleOutClients, createVia, storedLog } from '../support/scaleOut.js';

const skip = postgresSkipReason ?? redisSkipReason ?? nginxSkipReason;
/**
 * Three processes sharing one PostgreSQL schema and one Redis, behind the README's nginx configuration; each test has
 * its own session.
 */
let setup: { schema: string; nginx: Nginx; procs: ServerProcess[] } | null = null;
const threeBehindNginx = async (): Promise<NonNullable<typeof setup>> => {
  if (!setup) throw new Error('not started');
  return setup;
};
afterEach(() => closeScaleOutClients());
afterAll(async () => {
  await setup?.nginx.stop();
  await stopProcesses(setup?.procs ?? []);
  if (setup) await dropSchema(setup.schema);
});

const boardItem = (c: SessionClient) => {
  const item = c.snap.state.agenda.find((i) => i.moduleType === 'board');
  if (!item) throw new Error('no board item');
  return { itemId: item.id, column: item.columns?.[0] ?? '' };
};
const texts = (c: SessionClient): string[] => allNotes(c.snap.state).map((n) => n.text).sort();

describe.skipIf(skip)('three processes behind nginx', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const schema = uniqueSchema('test_scale');
    const env = { REDIS_URL, REDIS_PREFIX: uniquePrefix(), TRUST_PROXY: 'loopback', DATABASE_URL, DATABASE_SCHEMA: schema };
    const procs = await startProcesses({ count: 3, env });
    setup = { schema, procs, nginx: await startNginx(procs.map((p) => p.port)) };
  }, 120_000);

  it('routes each address to one process, carries every note to every screen on every process, and all converge on the store', async () => {
    const { schema, nginx: lb, procs: ps } = await threeBehindNginx();
    const byProcess = await addressesByProcess(lb, ps, 2);
    const [p1, p2, p3] = ps.map((p) => byProcess.get(p.name) ?? []) as [string[], string[], string[]];
    // Sticky: the same address lands on the same process every time.
    for (let i = 0; i < 3; i++) expect(await processBehind(lb.url, p1[0]!)).toBe(ps[0]!.name);

    const s = await createVia(lb.url, 'systems-change');
    const fac = clientFrom(lb, p1[0]!);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const board = clientFrom(lb, p2[0]!);
    await board.join({ role: 'board', joinCode: s.joinCode });
    // One phone per process; the one on the third process on long polling, which only works when routing is sticky.
    const phones = [
      clientFrom(lb, p1[1]!),
      clientFrom(lb, p2[1]!),
      clientFrom(lb, p3[0]!, { transports: ['polling'] }),
    ];
    for (const [i, phone] of phones.entries()) await phone.join({ role: 'participant', joinCode: s.joinCode, name: `Phone ${i + 1}` });
    const screens = [fac, board, ...phones];

    // The console, on the first process, sees the phones connected to the other two, and the board.
    await waitFor(() => fac.snap.presence?.participantIds.length === 3 && fac.snap.presence.boards === 1, 'presence over all processes', 15_000);

    const { itemId, column } = boardItem(fac);
    const written: string[] = [];
    for (const [i, phone] of phones.entries()) {
      const text = `note from phone ${i + 1}`;
      written.push(text);
      expect(await phone.send({ type: 'note.add', payload: { itemId, column, text } })).toMatchObject({ ok: true });
      // Each on every screen before the next phone writes: the next process decides on a copy that has it.
      await waitFor(() => screens.every((c) => texts(c).includes(text)), `${text} on every screen`, 15_000);
    }
    expect(await fac.send({ type: 'note.edit', payload: { noteId: allNotes(fac.snap.state)[0]!.id, text: 'edited on the console' } })).toMatchObject({ ok: true });

    const { head } = await storedLog(schema, s.sessionId);
    await waitFor(() => screens.every((c) => c.snap.state.seq === head), 'every screen at the stored head', 15_000);
    for (const c of screens) {
      expect(texts(c)).toEqual(texts(fac));
      expect(c.gaps).toBe(0);
    }
    expect(texts(fac)).toContain('edited on the console');
    // A screen joining now, on any process, gets the same state by catch-up.
    const late = clientFrom(lb, p3[1] ?? p3[0]!);
    await late.join({ role: 'board', joinCode: s.joinCode });
    expect(late.snap.state.seq).toBe(head);
    expect(texts(late)).toEqual(texts(fac));
  });

  it('two processes take commands for one session at once, and every screen converges', async () => {
    const { schema, nginx: lb, procs: ps } = await threeBehindNginx();
    const byProcess = await addressesByProcess(lb, ps);
    const [a1, a2, a3] = ps.map((p) => byProcess.get(p.name)?.[0] ?? '') as [string, string, string];
    const s = await createVia(lb.url, 'systems-change');
    const fac = clientFrom(lb, a3);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const phones = [clientFrom(lb, a1), clientFrom(lb, a2)];
    for (const [i, phone] of phones.entries()) await phone.join({ role: 'participant', joinCode: s.joinCode, name: `Phone ${i + 1}` });
    const { itemId, column } = boardItem(fac);
    const sent = phones.flatMap((phone, i) =>
      Array.from({ length: 10 }, (_, k) => phone.send({ type: 'note.add', payload: { itemId, column, text: `phone ${i + 1} note ${k + 1}` } })),
    );
    for (const r of await Promise.all(sent)) expect(r).toMatchObject({ ok: true });
    const { head } = await storedLog(schema, s.sessionId);
    const screens = [fac, ...phones];
    await waitFor(() => screens.every((c) => c.snap.state.seq === head), 'every screen at the stored head', 15_000);
    for (const c of screens) {
      expect(texts(c)).toHaveLength(20);
      // Each screen got the events in order from its own process's copy: no gap made it re-join.
      expect(c.gaps).toBe(0);
    }
    expect(texts(phones[0]!)).toEqual(texts(fac));
    expect(texts(phones[1]!)).toEqual(texts(fac));
  });

  // Last: it kills one of the processes.
  it('loses no acknowledged command when a process is killed, and its phone carries on through another process', async () => {
    const { schema, nginx: lb, procs: ps } = await threeBehindNginx();
    const byProcess = await addressesByProcess(lb, ps);
    const [a1, a2, a3] = ps.map((p) => byProcess.get(p.name)?.[0] ?? '') as [string, string, string];
    const victim = ps[2]!;
    const s = await createVia(lb.url, 'systems-change');
    const fac = clientFrom(lb, a1);
    await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
    const board = clientFrom(lb, a2);
    await board.join({ role: 'board', joinCode: s.joinCode });
    const phone = clientFrom(lb, a3);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const { itemId, column } = boardItem(fac);

    const acked = new Set<string>();
    const sends: Array<Promise<unknown>> = [];
    for (let k = 1; k <= 20; k++) {
      const id = `killed-process-${k}`;
      sends.push(phone.send({ type: 'note.add', payload: { itemId, column, text: `note ${k}` } }, id).then((r) => r.ok && acked.add(id)));
      if (k === 8) {
        await waitFor(() => acked.size >= 4, 'a few acks before the kill', 15_000);
        await victim.kill('SIGKILL');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(sends);
    expect(acked.size).toBe(20);
    // Every acknowledged command's events are in the store.
    const { head, commandIds } = await storedLog(schema, s.sessionId);
    for (const id of acked) expect(commandIds.has(id)).toBe(true);
    // The phone reconnected through nginx to a process still running, and every screen converged, each note once.
    expect(await processBehind(lb.url, a3)).not.toBe(victim.name);
    const screens = [fac, board, phone];
    await waitFor(() => screens.every((c) => c.snap.state.seq === head), 'every screen at the stored head', 15_000);
    const expected = Array.from({ length: 20 }, (_, k) => `note ${k + 1}`).sort();
    for (const c of screens) expect(texts(c)).toEqual(expected);
    await waitFor(() => fac.snap.presence?.participantIds.length === 1, 'the phone online again on the console', 15_000);
  });
});
