import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import pg from 'pg';
import { SAY } from '../../server/sentences.js';
import { allNotes, allParticipants } from '../../shared/session/notes.js';
import { boardItemId, client, closeClients, createSession, startServer, type Created, type TestApp } from '../support/harness.js';
import { DATABASE_URL, dropSchema, postgresSkipReason, uniqueSchema, untilWaiting, untilWaitingOn, withClient } from '../support/postgres.js';
import { joined } from '../support/storeBackends.js';

/** The session's stored log, read by the test's own connection. */
const storedLog = (schema: string, sessionId: string): Promise<SessionEvent[]> =>
  withClient(async (c) => {
    const { rows } = await c.query<{ body: string }>(`SELECT body FROM ${schema}.events WHERE session_id = $1 ORDER BY seq`, [sessionId]);
    return rows.map((r) => JSON.parse(r.body) as SessionEvent);
  });

const PHONES_EACH = 4;
const NOTES_EACH = 6;

// Two server processes on one database, here two servers in one test process, each with its own pool and its own
// copy of the session, as two processes behind a load balancer would have.
describe.skipIf(postgresSkipReason !== null)('two servers on one PostgreSQL database', () => {
  const schema = uniqueSchema('t_two');
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
    b = await startServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(schema);
  });

  const phonesOn = async (app: TestApp, s: Created, prefix: string): Promise<SessionClient[]> => {
    const phones: SessionClient[] = [];
    for (let i = 0; i < PHONES_EACH; i++) {
      const p = client(app);
      expect((await p.join({ role: 'participant', joinCode: s.joinCode, name: `${prefix}${i}` })).ok).toBe(true);
      phones.push(p);
    }
    return phones;
  };

  it('phones on both send for one session at once: each command acked once, a gapless log, both copies equal to it', async () => {
    expect([a.store, b.store]).toEqual(['postgres', 'postgres']);
    const s = await createSession(a);
    const fac = client(a);
    expect((await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
    const itemId = boardItemId(fac);
    // Joins on both servers are commands too (participant.joined), written at once as well.
    const phones = [...(await phonesOn(a, s, 'A')), ...(await phonesOn(b, s, 'B'))];

    const acked = new Map<string, CommandResult[]>();
    const sendAll = async (round: number): Promise<void> => {
      await Promise.all(
        phones.flatMap((p, i) =>
          Array.from({ length: NOTES_EACH }, async (_, k) => {
            const text = `round ${round} phone ${i} note ${k}`;
            const result = await p.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text } });
            acked.set(text, [...(acked.get(text) ?? []), result]);
          }),
        ),
      );
    };
    // Both servers write one session at once: each takes the session's write lock in PostgreSQL, reads what the
    // other wrote and decides after it, so no write loses the race for a seq and no sender is asked to resend.
    for (let round = 0; round < 3; round++) await sendAll(round);
    expect(a.conflicts() + b.conflicts()).toBe(0);

    // Every command was answered once, and accepted.
    for (const [text, results] of acked) {
      expect(results, text).toHaveLength(1);
      expect(results[0]?.ok, text).toBe(true);
    }

    // The store: seqs 1..N without a gap, every acked note's event exactly once.
    const log = await storedLog(schema, s.sessionId);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    const added = log.flatMap((e) => (e.type === 'note.added' ? [e.note.text] : []));
    expect([...added].sort()).toEqual([...acked.keys()].sort());
    expect(log.filter((e) => e.type === 'participant.joined')).toHaveLength(2 * PHONES_EACH);

    // Each server's copy, as a screen joining there sees it (a join brings the copy up to the store), is the stored one.
    for (const app of [a, b]) {
      const screen = client(app);
      expect((await screen.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey })).ok).toBe(true);
      expect(screen.snap.state.seq).toBe(log.length);
      expect(allNotes(screen.snap.state).map((n) => n.text).sort()).toEqual([...added].sort());
      expect(allParticipants(screen.snap.state)).toHaveLength(2 * PHONES_EACH);
    }

    // And a command on either server after the burst lands on the stored head.
    const last = await phones[PHONES_EACH]!.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: 'after the burst' } });
    expect(last).toEqual({ ok: true, seq: log.length + 1 });
  });

  it('a writer that passes the lock by (the safety net): the loser reads what it missed, decides again, acked once', async () => {
    const s = await createSession(a);
    const phone = (await phonesOn(a, s, 'N'))[0]!;
    const head = (await storedLog(schema, s.sessionId)).length;
    const conflicts = a.conflicts();
    // Another writer holds the next seq in an open transaction without the session's write lock.
    const other = new pg.Client({ connectionString: DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`INSERT INTO ${schema}.events (session_id, seq, body) VALUES ($1, $2, $3)`, [
        s.sessionId, head + 1, JSON.stringify(joined(head + 1, 'Outside', 'p-outside')),
      ]);
      const pending = phone.send({ type: 'note.add', payload: { itemId: boardItemId(phone), column: 'Strengths', text: 'behind' } });
      await untilWaiting(`%${schema}.events%`);
      await other.query('COMMIT');
      expect(await pending).toEqual({ ok: true, seq: head + 2 });
    } finally {
      await other.end();
    }
    expect(a.conflicts()).toBe(conflicts + 1);
    const log = await storedLog(schema, s.sessionId);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.slice(head).map((e) => e.type)).toEqual(['participant.joined', 'note.added']);
  });

  it('a join that loses five races to writers outside the lock is refused with a sentence asking to tap Join again', async () => {
    const s = await createSession(a);
    const head = (await storedLog(schema, s.sessionId)).length;
    const conflicts = a.conflicts();
    // Five writers outside the lock, each holding one of the next seqs in an open transaction.
    const outside = await Promise.all(Array.from({ length: 5 }, () => new pg.Client({ connectionString: DATABASE_URL })));
    try {
      const xids: string[] = [];
      for (const [i, c] of outside.entries()) {
        await c.connect();
        await c.query('BEGIN');
        await c.query(`INSERT INTO ${schema}.events (session_id, seq, body) VALUES ($1, $2, $3)`, [
          s.sessionId, head + 1 + i, JSON.stringify(joined(head + 1 + i, `Outside ${i}`, `p-outside-${i}`)),
        ]);
        xids.push((await c.query<{ x: string }>('SELECT txid_current()::text AS x')).rows[0]!.x);
      }
      const phone = client(a);
      const pending = phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Late' });
      // The join's insert waits on each held seq in turn, loses it, catches up and tries the next.
      for (const [i, c] of outside.entries()) {
        await untilWaitingOn(xids[i]!);
        await c.query('COMMIT');
      }
      expect(await pending).toEqual({ ok: false, error: { code: 'internal', message: SAY.joinBusy } });
      expect(a.conflicts()).toBe(conflicts + 5);
      // The person taps Join again, and is in.
      expect((await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Late' })).ok).toBe(true);
    } finally {
      await Promise.all(outside.map((c) => c.end()));
    }
    const log = await storedLog(schema, s.sessionId);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.slice(head).map((e) => (e.type === 'participant.joined' ? e.name : e.type))).toEqual([
      'Outside 0', 'Outside 1', 'Outside 2', 'Outside 3', 'Outside 4', 'Late',
    ]);
  });
});
