/**
 * How long a session takes to load after a restart as its log grows while its state stays the same size (500 notes
 * moved and edited over and over), with and without snapshots. Prints one line per log length; with snapshots the
 * load time stays flat, without them it grows with the log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionHub } from '../../server/sessions/hub.js';
import { asyncSqlite } from '../../server/store/asyncSqlite.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { AgendaItem } from '../../shared/session/state.js';

const item: AgendaItem = {
  id: 'board',
  title: 'Board',
  plannedMinutes: 30,
  moduleType: 'board',
  facilitatorNotes: '',
  prompt: '',
  columns: ['A', 'B'],
};

const NOTES = 500;
/** Nothing unloads or expires while a figure is taken. */
const KEEP = { idleUnloadMs: 3_600_000, retentionMs: Number.MAX_SAFE_INTEGER };

async function measure(events: number, snapshotEvery: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ft-load-'));
  const store = asyncSqlite(openSqliteStore(dir));
  const hub = new SessionHub({ store, snapshotEvery, now: Date.now, ...KEEP });
  const rec = await hub.create('Load', [item]);
  const live = (await hub.get(rec.id))!;
  for (let i = 0; i < events; i++) {
    // 500 notes, then the log grows with moves and edits of them: the state stays the same size, the log does not.
    const body =
      i >= NOTES
        ? i % 2
          ? { type: 'note.moved' as const, noteId: `n${i % NOTES}`, column: i % 4 === 1 ? 'B' : 'A' }
          : { type: 'note.edited' as const, noteId: `n${i % NOTES}`, text: `note ${i % NOTES}, edit ${i}` }
        : { type: 'note.added' as const, note: { id: `n${i}`, itemId: 'board', column: 'A', text: `note ${i}`, authorId: 'p', authorName: 'P', groupId: null, anonymous: false } };
    await hub.commit(live, () => ({ ok: true, bodies: [body] }), { sender: 'facilitator', id: `c${i}` });
  }
  await hub.close();
  await store.close();
  const store2 = asyncSqlite(openSqliteStore(dir));
  const fresh = new SessionHub({ store: store2, snapshotEvery, now: Date.now, ...KEEP });
  const t0 = performance.now();
  const loaded = (await fresh.get(rec.id))!;
  const ms = performance.now() - t0;
  if (loaded.state.seq !== events + 1) throw new Error('load lost events');
  await fresh.close();
  await store2.close();
  // Retries: a file the store's checkpoint thread was still finishing made rmdir fail with ENOTEMPTY once.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  return ms;
}

for (const events of [1_000, 10_000, 40_000]) {
  const withSnapshots = await measure(events, 500);
  const without = await measure(events, Number.MAX_SAFE_INTEGER);
  console.log(
    `load events=${events} with_snapshots_ms=${withSnapshots.toFixed(1)} without_snapshots_ms=${without.toFixed(1)}`,
  );
}
