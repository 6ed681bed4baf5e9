import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardItemId, client, closeClients, createSession, startServer, tempDir, waitFor } from '../support/harness.js';

afterEach(() => closeClients());

/** Events that have reached the database file itself, not only its write-ahead log. */
function eventsInMainFile(dataDir: string, sessionId: string): number {
  const copy = path.join(tempDir(), 'copy.sqlite');
  fs.copyFileSync(path.join(dataDir, 'toolkit.sqlite'), copy);
  const db = new Database(copy);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ?').get(sessionId) as { n: number }).n;
  } catch {
    return 0; // the tables themselves are not in the file yet
  } finally {
    db.close();
  }
}

describe('write-ahead log checkpoints', () => {
  it('happen in the background: what was acknowledged reaches the database file without any command doing it', async () => {
    const app = await startServer();
    try {
      const s = await createSession(app);
      const phone = client(app);
      await phone.join({ role: 'participant', joinCode: s.joinCode, name: 'Ana' });
      const itemId = boardItemId(phone);
      let head = 0;
      for (let i = 0; i < 30; i++) {
        const r = await phone.send({ type: 'note.add', payload: { itemId, column: 'Strengths', text: `n${i}` } });
        head = r.ok ? r.seq : -1;
      }
      let inFile = 0;
      await waitFor(() => (inFile = eventsInMainFile(app.dataDir, s.sessionId)) === head, 'the checkpoint', 8000);
      expect(inFile).toBe(head);
    } finally {
      await app.close();
    }
  });
});
