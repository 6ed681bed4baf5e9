import type { CommandResult } from '../../shared/protocol/results.js';
import type { EventBody, SessionEvent } from '../../shared/session/events.js';
import { reduceOrSkip } from '../../shared/modules/registry.js';
import type { SessionState } from '../../shared/session/state.js';
import type { AsyncEventStore } from '../store/asyncTypes.js';
import type { AppendBatch, ParticipantSecret, Sender } from '../store/types.js';
import { withoutNoteText } from '../../shared/session/erase.js';
import type { LiveSession } from './hub.js';

/** What committing a command did: its events (none when another process had answered it already) and its answer. */
export type Committed =
  | { ok: true; events: SessionEvent[]; result: CommandResult }
  | { ok: false; why: 'deleted' | 'busy' }
  | { ok: false; why: 'refused'; result: CommandResult };

/** A decision on the current state: the events to write, or the refusal. */
export type Decide = (state: SessionState) => { ok: true; bodies: EventBody[] } | { ok: false; result: CommandResult };

export type CommandRef = { sender: Sender; id: string; anonymous?: boolean };

/** How often a command is decided again after another process wrote first, before the sender is asked to resend. */
const MAX_TRIES = 5;

/** What a commit needs of the hub that holds the session. */
export interface CommitContext {
  store: AsyncEventStore;
  now: () => number;
  snapshotEvery: number;
  log?: (line: string) => void;
  /** Reports an event that could not be applied, and the session goes on. */
  skipped: (s: LiveSession) => (e: SessionEvent, error: unknown) => void;
  /** After the write: the answer remembered, the activity counted. */
  settled: (s: LiveSession, command: CommandRef | null, kept: CommandResult) => void;
  /** The store says the session is gone (deleted here or by another process). */
  gone: (s: LiveSession) => void;
  /** Another process wrote the seq first. */
  conflicted: (s: LiveSession) => void;
  /** Events another process wrote, now applied to this copy (its screens get them: server/app.ts). */
  caughtUp?: (s: LiveSession, events: SessionEvent[]) => void;
}

/** Applies what other processes wrote to the session since this copy's state (none on a store only this process writes). */
export async function catchUp(ctx: CommitContext, s: LiveSession): Promise<void> {
  applyMissed(ctx, s, await ctx.store.eventsSince(s.record.id, s.state.seq));
}

/** Applies events other processes stored after this copy's state (any this copy has already are passed over). */
function applyMissed(ctx: CommitContext, s: LiveSession, events: SessionEvent[]): void {
  const missed = events.filter((e) => e.seq > s.state.seq);
  if (!missed.length) return;
  s.state = reduceOrSkip(missed, s.state, ctx.skipped(s));
  s.eventsSinceSnapshot += missed.length;
  ctx.caughtUp?.(s, missed);
}

/** One command (or join) waiting for the session's next group commit (SessionHub.enqueue). */
export interface Submission {
  decide: Decide;
  command: CommandRef | null;
  participant?: ParticipantSecret;
  /** Runs as soon as the group is written and applied, in seq order with the group's others (its broadcast). */
  written?: (c: Committed) => void;
}

/** A command's part of a group, as decided under the lock. */
type Decided = { outcome: Committed; batch?: AppendBatch };

/**
 * Decides and writes a group of commands in the store's write lock of the session (AsyncEventStore.appendLocked): a
 * group commit. What other processes stored is applied first; then each command in arrival order: a stored answer
 * to it stands, else it is decided on the state left by the ones before it, its events numbered after theirs. All
 * the group's events and answers are written in one transaction, then applied; the caller holds the session
 * (SessionHub.exclusive). Nothing is applied or acknowledged unless the write succeeded. A writer that took the seqs
 * first all the same (SQLite shared by processes, which has no such lock) is met as before: its events are applied
 * and the group decided again; after a few tries the senders are asked to resend. An anonymous command's answer
 * (see SessionModule.anonymous) is remembered, in memory and in the store, with seq 0: nothing kept says which event
 * its sender's command wrote.
 */
export async function commitGroup(ctx: CommitContext, s: LiveSession, group: readonly Submission[]): Promise<Committed[]> {
  const asked = group.flatMap((g) => (g.command ? [{ sender: g.command.sender, id: g.command.id }] : []));
  for (let tries = 1; ; tries++) {
    if (s.deleted) return delivered(ctx, s, group, group.map(() => DELETED));
    let decided: Decided[] = [];
    let after = s.state;
    const outcome = await ctx.store.appendLocked(s.record.id, s.state.seq, asked, ({ missed, earlier }) => {
      applyMissed(ctx, s, missed);
      after = s.state;
      const at = ctx.now();
      decided = group.map((g) => {
        const stored = g.command && earlier(g.command.sender, g.command.id);
        if (stored) return { outcome: { ok: true, events: [], result: stored } };
        const decision = decideSafely(ctx, s, g, after);
        if (!decision) return { outcome: BUSY };
        if (!decision.ok) return { outcome: { ok: false, why: 'refused', result: decision.result } };
        let seq = after.seq;
        const events = decision.bodies.map((b) => ({ ...b, seq: ++seq, at }) as SessionEvent);
        after = reduceOrSkip(events, after, ctx.skipped(s));
        // A resent late input must hear "late" again, so the flag is part of the remembered answer.
        const late = decision.bodies.some((b) => b.type === 'late.received');
        const result: CommandResult = late ? { ok: true, seq, late: true } : { ok: true, seq };
        const kept = g.command?.anonymous ? { ...result, seq: 0 } : result;
        const batch = { sessionId: s.record.id, sender: g.command?.sender ?? '', commandId: g.command?.id ?? null, events, result: kept, participant: g.participant };
        return { outcome: { ok: true, events, result }, batch };
      });
      return decided.flatMap((d) => (d.batch ? [d.batch] : []));
    });
    if (outcome.ok) {
      await applied(ctx, s, group, after, decided);
      return decided.map((d) => d.outcome);
    }
    if (!outcome.conflict) {
      ctx.gone(s);
      return delivered(ctx, s, group, group.map(() => DELETED));
    }
    ctx.conflicted(s);
    if (tries >= MAX_TRIES) {
      ctx.log?.(`session ${s.record.id}: a group of ${group.length} commands lost ${tries} races for its seqs; its senders are asked to resend`);
      return delivered(ctx, s, group, group.map(() => BUSY));
    }
  }
}

/** A decision that threw (a bug) fails its own command only, which its sender may send again; the group goes on. */
function decideSafely(ctx: CommitContext, s: LiveSession, g: Submission, state: SessionState): ReturnType<Decide> | undefined {
  try {
    return g.decide(state);
  } catch (e) {
    ctx.log?.(`session ${s.record.id}: a command's decision failed (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  }
}

const DELETED: Committed = { ok: false, why: 'deleted' };
const BUSY: Committed = { ok: false, why: 'busy' };

/**
 * Runs each command's `written` with its outcome, in the group's order (its seq order). Called in the same step as
 * the state moves on: a screen entering meanwhile (server/socket.ts `enter`) finds every event of the state either
 * sent or waiting in the fan-out, never applied and not yet handed to it, which would reach that screen twice.
 */
function delivered(ctx: CommitContext, s: LiveSession, group: readonly Submission[], outcomes: Committed[]): Committed[] {
  group.forEach((g, i) => {
    try {
      g.written?.(outcomes[i]!);
    } catch (e) {
      ctx.log?.(`session ${s.record.id}: after a write: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return outcomes;
}

/**
 * After the write: the state the group left, the answers remembered, the broadcasts (`delivered`), a snapshot when
 * due, erased text cleared. The group is durable by then, so a snapshot or a clearing that fails is logged rather
 * than thrown (a snapshot is tried again at the next write): every command still gets its answer and broadcast.
 */
async function applied(ctx: CommitContext, s: LiveSession, group: readonly Submission[], after: SessionState, decided: readonly Decided[]): Promise<void> {
  const events = decided.flatMap((d) => d.batch?.events ?? []);
  s.state = after;
  for (const d of decided) if (d.batch) ctx.settled(s, d.batch.commandId === null ? null : { sender: d.batch.sender, id: d.batch.commandId }, d.batch.result);
  delivered(ctx, s, group, decided.map((d) => d.outcome));
  if (!events.length) return;
  s.eventsSinceSnapshot += events.length;
  const failed = (what: string) => (e: unknown) =>
    ctx.log?.(`session ${s.record.id}: ${what} failed after seq ${after.seq} (${e instanceof Error ? e.message : String(e)})`);
  if (s.eventsSinceSnapshot >= ctx.snapshotEvery)
    await ctx.store.saveSnapshot(s.record.id, s.state.seq, s.state).then(() => void (s.eventsSinceSnapshot = 0), failed('a snapshot'));
  if (events.some((e) => e.type === 'note.erased')) await eraseFromHistory(ctx.store, s, events).catch(failed('clearing erased text from the history'));
}

/** Blanks the erased notes' text in every stored event and replaces the snapshots by the current state. */
async function eraseFromHistory(store: AsyncEventStore, s: LiveSession, events: SessionEvent[]): Promise<void> {
  const erased = events.flatMap((e) => (e.type === 'note.erased' ? [e.noteId] : []));
  const rewritten = new Map<number, SessionEvent>();
  for (const e of await store.eventsSince(s.record.id, 0))
    for (const noteId of erased) {
      const clean = withoutNoteText(rewritten.get(e.seq) ?? e, noteId);
      if (clean) rewritten.set(e.seq, clean);
    }
  await store.rewriteHistory(s.record.id, [...rewritten.values()], { seq: s.state.seq, state: s.state });
  s.eventsSinceSnapshot = 0;
}
