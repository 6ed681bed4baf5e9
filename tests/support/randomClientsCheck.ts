import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ClientSnapshot } from '../../client/net/sessionClient.js';
import type { CommandResult } from '../../shared/protocol/results.js';
import { reduce, stateFor } from '../../shared/modules/registry.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { dbPath } from './db.js';
import type { Sent } from './randomClients.js';

/** What the store holds of one session: its events with the seq column they sit at, and its remembered answers. */
export interface StoredSession {
  events: { seq: number; event: SessionEvent }[];
  commands: { id: string; sender: string; result: CommandResult }[];
}

/** Reads a session from a PostgreSQL schema, by a connection of the caller's own. */
export async function storedSessionOnPostgres(databaseUrl: string, schema: string, sessionId: string): Promise<StoredSession> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const events = await c.query<{ seq: string; body: string }>(`SELECT seq, body FROM ${schema}.events WHERE session_id = $1 ORDER BY seq`, [sessionId]);
    const commands = await c.query<{ command_id: string; sender: string; result: string }>(
      `SELECT command_id, sender, result FROM ${schema}.commands WHERE session_id = $1`,
      [sessionId],
    );
    return {
      events: events.rows.map((r) => ({ seq: Number(r.seq), event: JSON.parse(r.body) as SessionEvent })),
      commands: commands.rows.map((r) => ({ id: r.command_id, sender: r.sender, result: JSON.parse(r.result) as CommandResult })),
    };
  } finally {
    await c.end();
  }
}

/** Reads a session from the embedded store's file (read-only, beside the running server). */
export function storedSessionOnSqlite(dataDir: string, sessionId: string): Promise<StoredSession> {
  const db = new Database(dbPath(dataDir), { readonly: true, fileMustExist: true });
  try {
    const events = db.prepare('SELECT seq, body FROM events WHERE session_id = ? ORDER BY seq').all(sessionId) as { seq: number; body: string }[];
    const commands = db.prepare('SELECT command_id, sender, result FROM commands WHERE session_id = ?').all(sessionId) as {
      command_id: string;
      sender: string;
      result: string;
    }[];
    return Promise.resolve({
      events: events.map((r) => ({ seq: r.seq, event: JSON.parse(r.body) as SessionEvent })),
      commands: commands.map((r) => ({ id: r.command_id, sender: r.sender, result: JSON.parse(r.result) as CommandResult })),
    });
  } finally {
    db.close();
  }
}

const viewerOf = (snap: ClientSnapshot): Viewer =>
  snap.role === 'participant' ? { role: 'participant', participantId: snap.participantId } : { role: snap.role ?? 'board' };

/** Top-level fields of two states that differ, for a readable problem. */
const differing = (a: object, b: object): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );

/**
 * Every check of the random clients' run, as sentences (none when all held): the stored seqs have no gap; each
 * screen's state is the stored log's, as that screen may see it; each command id's answers agree and an accepted one
 * is in the store once, at the seq it was answered with; nothing the store answered was sent by nobody.
 */
export function checkConvergence(stored: StoredSession, screens: { name: string; snap: ClientSnapshot }[], sent: Sent[]): string[] {
  const problems: string[] = [];
  const events = stored.events.map((r) => r.event);
  stored.events.forEach((r, i) => {
    if (r.seq !== i + 1 || r.event.seq !== r.seq) problems.push(`stored event ${i + 1} sits at seq ${r.seq} and says seq ${r.event.seq}`);
  });
  const full = reduce(events);
  for (const { name, snap } of screens) {
    // As plain data: a state built from a snapshot's JSON and one reduced here differ in their records' prototypes only.
    const [seen, expected] = [snap.state, stateFor(full, viewerOf(snap))].map((x) => JSON.parse(JSON.stringify(x)) as object) as [object, object];
    if (!isDeepStrictEqual(seen, expected))
      problems.push(`${name} (at seq ${snap.state.seq}, store at ${full.seq}) differs from the store in: ${differing(seen, expected).join(', ')}`);
  }
  const rows = new Map<string, StoredSession['commands']>();
  for (const row of stored.commands) rows.set(row.id, [...(rows.get(row.id) ?? []), row]);
  for (const [id, list] of rows) {
    if (!sent.some((s) => s.id === id)) problems.push(`the store answered command ${id}, which nobody sent`);
    if (list.length > 1) problems.push(`command ${id} is remembered ${list.length} times`);
  }
  const count = (test: (e: SessionEvent) => boolean) => events.filter(test).length;
  for (const s of sent) {
    const what = `${s.by}'s ${s.body.type} ${s.id}`;
    if (!s.answers.length) {
      problems.push(`${what} was never answered (neither accepted nor refused)`);
      continue;
    }
    const accepted = s.answers.filter((a): a is Extract<CommandResult, { ok: true }> => a.ok);
    const first = accepted[0];
    if (new Set(accepted.map((a) => a.seq)).size > 1) problems.push(`${what} was accepted at different seqs: ${accepted.map((a) => a.seq).join(', ')}`);
    const afterAccepted = first ? s.answers.slice(s.answers.indexOf(first)).filter((a) => !a.ok) : [];
    if (afterAccepted.length) problems.push(`${what} was refused (${JSON.stringify(afterAccepted[0])}) after it had been accepted`);
    // Texts are unique in the plan: an added or edited text must be in the store once if accepted, never if refused.
    const applied = s.body.type === 'note.add' || s.body.type === 'note.edit' ? count((e) => writtenBy(s, e)) : null;
    if (applied !== null && applied !== (first ? 1 : 0)) problems.push(`${what} is in the store ${applied} times, answered ${JSON.stringify(s.answers)}`);
    if (!first) continue;
    const row = rows.get(s.id)?.[0];
    if (!row) problems.push(`${what} was accepted at seq ${first.seq} but the store keeps no answer for it`);
    else if (!isDeepStrictEqual(row.result, first)) problems.push(`${what} was answered ${JSON.stringify(first)} but the store keeps ${JSON.stringify(row.result)}`);
    const at = events[first.seq - 1];
    if (!at) problems.push(`${what} was accepted at seq ${first.seq}, past the stored log's end (${events.length})`);
    else if (!writtenBy(s, at)) problems.push(`${what} was accepted at seq ${first.seq}, where the store has ${JSON.stringify(at)}`);
  }
  return problems;
}

/** Whether a stored event is the last one this command writes (an accepted answer names its last event's seq). */
function writtenBy(s: Sent, e: SessionEvent): boolean {
  const p = s.body.payload as { noteId?: string; text?: string; column?: string; itemId?: string };
  // A phone's input to a locked board is kept as late input (for the console to accept), naming its command.
  if (e.type === 'late.received') return e.entry.commandId === s.id;
  switch (s.body.type) {
    case 'note.add':
      return e.type === 'note.added' && e.note.text === p.text;
    case 'note.edit':
      return e.type === 'note.edited' && e.noteId === p.noteId && e.text === p.text;
    case 'note.move':
      return e.type === 'note.moved' && e.noteId === p.noteId && e.column === p.column;
    case 'note.delete':
      return e.type === 'note.deleted' && e.noteId === p.noteId;
    case 'board.lock':
      return e.type === 'board.locked' && e.itemId === p.itemId;
    default:
      return true;
  }
}
