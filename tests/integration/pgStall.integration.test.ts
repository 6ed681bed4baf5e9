import { nanoid } from 'nanoid';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../shared/protocol/results.js';
import { SAY } from '../../server/sentences.js';
import { boardItemId, client, closeClients, createSession, GENEROUS_LIMITS, startServer } from '../support/harness.js';
import { DATABASE_URL, dropSchema, postgresSkipReason, uniqueSchema } from '../support/postgres.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  closeClients();
  for (const stop of stops.splice(0).reverse()) await stop();
});

describe.skipIf(postgresSkipReason)('PostgreSQL stops answering writes', { timeout: 60_000 }, () => {
  it("a session's commands wait their turn up to COMMANDS_WAITING_PER_SESSION; the next are refused at once, in our sentence", async () => {
    const schema = uniqueSchema('test_stall');
    const app = await startServer({ databaseUrl: DATABASE_URL, databaseSchema: schema, limits: { ...GENEROUS_LIMITS, commandsWaitingPerSession: 5 } });
    stops.push(() => dropSchema(schema));
    stops.push(() => app.close());
    const s = await createSession(app);
    const phone = client(app);
    await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
    const itemId = boardItemId(phone);

    // Another connection holds the events table: every write waits (as behind a slow query, or a database gone quiet).
    const blocker = new pg.Client({ connectionString: DATABASE_URL });
    await blocker.connect();
    stops.push(() => blocker.end());
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${schema}.events IN EXCLUSIVE MODE`);

    const sent = Array.from({ length: 20 }, (_, k) => {
      const cmd = { id: nanoid(), type: 'note.add', payload: { itemId, column: 'Strengths', text: `note ${k}` } };
      return new Promise<CommandResult>((resolve) => phone.socket.emit('command', cmd, resolve));
    });
    const soon = await Promise.all(sent.slice(5).map((p) => Promise.race([p, new Promise<null>((r) => setTimeout(() => r(null), 2000))])));
    // The five that wait are held; the other fifteen are answered at once that they were not saved.
    for (const r of soon) expect(r).toEqual({ ok: false, error: { code: 'internal', message: SAY.busy } });

    await blocker.query('COMMIT');
    for (const r of await Promise.all(sent.slice(0, 5))) expect(r).toMatchObject({ ok: true });
  });
});
