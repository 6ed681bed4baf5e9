/**
 * What the chaos run (chaos.ts) checks in the store after killing a server process: every command a phone got an
 * "accepted" answer for has its answer and its event in PostgreSQL, and nothing was applied twice.
 */
import type { CommandResult } from '../../shared/protocol/results.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { withClient } from '../support/postgres.js';
import type { CommandRecord } from './ipc.js';

export interface StoreCheck {
  /** Commands the phones were told were accepted. */
  acked: number;
  /** Of those, the ones whose answer (same seq) and event (a note.added of that note, a note.moved) are stored. */
  stored: number;
  /** Note ids with more than one note.added, and note events no stored answer points at (applied without one). */
  duplicates: number;
  /** Note events in the store, all told (accepted ones plus any whose answer never reached its phone). */
  noteEvents: number;
}

export async function checkStore(schema: string, sessionId: string, commands: CommandRecord[]): Promise<StoreCheck> {
  const { answers, events } = await withClient(async (c) => ({
    answers: (await c.query<{ command_id: string; result: string }>(`SELECT command_id, result FROM ${schema}.commands WHERE session_id = $1`, [sessionId])).rows,
    events: (await c.query<{ body: string }>(`SELECT body FROM ${schema}.events WHERE session_id = $1 ORDER BY seq`, [sessionId])).rows,
  }));
  const answerSeq = new Map<string, number>();
  for (const a of answers) {
    const r = JSON.parse(a.result) as CommandResult;
    if (r.ok) answerSeq.set(a.command_id, r.seq);
  }
  const bySeq = new Map<number, SessionEvent>();
  const addedTimes = new Map<string, number>();
  for (const row of events) {
    const e = JSON.parse(row.body) as SessionEvent;
    bySeq.set(e.seq, e);
    if (e.type === 'note.added') addedTimes.set(e.note.id, (addedTimes.get(e.note.id) ?? 0) + 1);
  }
  const answeredSeqs = new Set(answerSeq.values());
  const noteEvents = [...bySeq.values()].filter((e) => e.type === 'note.added' || e.type === 'note.moved');
  let duplicates = noteEvents.filter((e) => !answeredSeqs.has(e.seq)).length;
  for (const n of addedTimes.values()) if (n > 1) duplicates += n - 1;

  let acked = 0;
  let stored = 0;
  for (const c of commands) {
    if (!c.ok || c.seq === undefined) continue;
    acked++;
    const e = answerSeq.get(c.id) === c.seq ? bySeq.get(c.seq) : undefined;
    if (c.kind === 'add' ? e?.type === 'note.added' && e.note.id === c.id : e?.type === 'note.moved') stored++;
  }
  return { acked, stored, duplicates, noteEvents: noteEvents.length };
}
