import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ballotOf, newBallotSecret } from '../../server/ballots.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { SCHEMA_VERSION } from '../../server/store/sqliteSchema.js';
import { dbPath } from '../support/db.js';
import { client, closeClients, createSession, startServer, tempDir } from '../support/harness.js';

describe('ballots', () => {
  it('are the same for a person within a session, differ between people and between sessions, and hide the id', () => {
    const [one, two] = [newBallotSecret(), newBallotSecret()];
    expect(one).not.toBe(two);
    expect(ballotOf(one, 'p1')).toBe(ballotOf(one, 'p1'));
    expect(ballotOf(one, 'p1')).not.toBe(ballotOf(one, 'p2'));
    expect(ballotOf(one, 'p1')).not.toBe(ballotOf(two, 'p1'));
    expect(ballotOf(one, 'p1')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a version 2 file gets a random ballot secret for every session it holds, and its sessions still open', async () => {
    const dataDir = tempDir('ft-ballots-');
    fs.copyFileSync(path.resolve('tests/fixtures/main-v2.sqlite'), dbPath(dataDir));
    openSqliteStore(dataDir).close();
    const db = new Database(dbPath(dataDir), { readonly: true });
    const rows = db.prepare('SELECT id, ballot_secret FROM sessions').all() as { id: string; ballot_secret: string }[];
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    expect(SCHEMA_VERSION).toBe(5);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r.ballot_secret.length).toBeGreaterThanOrEqual(43);
    expect(new Set(rows.map((r) => r.ballot_secret)).size).toBe(rows.length);
  });

  it('a new session has its own secret, which no screen is sent, and which goes with the session', async () => {
    const app = await startServer();
    try {
      const s = await createSession(app);
      const fac = client(app);
      const frames: string[] = [];
      fac.socket.onAny((...args: unknown[]) => frames.push(JSON.stringify(args)));
      await fac.join({ role: 'facilitator', sessionId: s.sessionId, facilitatorKey: s.facilitatorKey });
      const read = () => {
        const db = new Database(dbPath(app.dataDir), { readonly: true });
        try {
          return db.prepare('SELECT ballot_secret FROM sessions WHERE id = ?').get(s.sessionId) as { ballot_secret: string } | undefined;
        } finally {
          db.close();
        }
      };
      const secret = read()!.ballot_secret;
      expect(secret.length).toBeGreaterThanOrEqual(43);
      expect(JSON.stringify(fac.snap)).not.toContain(secret);
      expect(frames.join('')).not.toContain(secret);
      expect((await fac.send({ type: 'session.delete', payload: {} })).ok).toBe(true);
      expect(read()).toBeUndefined();
    } finally {
      closeClients();
      await app.close();
    }
  });
});
