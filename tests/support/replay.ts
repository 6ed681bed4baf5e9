import Database from 'better-sqlite3';
import type { App } from '../../server/app.js';
import type { SessionClient } from '../../client/net/sessionClient.js';
import type { ReplayLog, ReplayView } from '../../shared/replay/replay.wire.js';
import type { SessionState } from '../../shared/session/state.js';
import { dbPath } from './db.js';

/** Asks the real server for a replay, with a key as the console sends it (a bearer header, never in the address). */
export async function fetchReplay(app: App, sessionId: string, key: string, view: ReplayView | string = 'board') {
  const res = await fetch(`${app.url}/api/sessions/${sessionId}/replay?view=${view}`, { headers: { authorization: `Bearer ${key}` } });
  const text = await res.text();
  return { status: res.status, text, encoding: res.headers.get('content-encoding'), json: () => JSON.parse(text) as ReplayLog };
}

/** Every state a live client passed through, by seq (the state as it stood once that seq was applied). */
export function recordStates(c: SessionClient): Map<number, SessionState> {
  const seen = new Map<number, SessionState>();
  c.subscribe((snap) => seen.set(snap.state.seq, snap.state));
  return seen;
}

/** The session's row in the store, read by a connection of the test's own. */
export function sessionRow(dataDir: string, sessionId: string): unknown {
  const db = new Database(dbPath(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId);
  } finally {
    db.close();
  }
}

/** A small seeded generator, so a failing pick of seqs can be run again. */
export function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}
