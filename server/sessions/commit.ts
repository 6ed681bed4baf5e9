import type { CommandResult } from '../../shared/protocol/results.js';
import type { EventBody, SessionEvent } from '../../shared/session/events.js';
import { reduceOrSkip } from '../../shared/modules/registry.js';
import type { SessionState } from '../../shared/session/state.js';
import { hashSecret } from '../secrets.js';
import type { AsyncEventStore } from '../store/asyncTypes.js';
import type { Sender } from '../store/types.js';
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

/**
 * Decides and writes in the store's write lock of the session (AsyncEventStore.appendLocked): what other processes
 * stored is applied first, then a stored answer to the command stands, else the command is decided on the caught-up
 * state, its events numbered after it and written with the command's answer in one transaction, then applied; the
 * caller holds the session (SessionHub.exclusive). Nothing is applied or acknowledged unless the write succeeded. A
 * writer that took the seqs first all the same (SQLite shared by processes, which has no such lock) is met as before:
 * its events are applied and the command decided again; after a few tries the sender is asked to resend. An
 * anonymous command's answer (see SessionModule.anonymous) is remembered, in memory and in the store, with seq 0:
 * nothing kept says which event its sender's command wrote.
 */
export async function commitTo(
  ctx: CommitContext,
  s: LiveSession,
  decide: Decide,
  command: CommandRef | null,
  participant?: { participantId: string; token: string },
): Promise<Committed> {
  const secret = participant && { participantId: participant.participantId, tokenHash: hashSecret(participant.token) };
  for (let tries = 1; ; tries++) {
    if (s.deleted) return { ok: false, why: 'deleted' };
    let written: { events: SessionEvent[]; result: CommandResult; kept: CommandResult } | undefined;
    let unwritten: Committed | undefined;
    const outcome = await ctx.store.appendLocked(s.record.id, s.state.seq, command, ({ missed, earlier }) => {
      applyMissed(ctx, s, missed);
      if (earlier) {
        unwritten = { ok: true, events: [], result: earlier };
        return null;
      }
      const decision = decide(s.state);
      if (!decision.ok) {
        unwritten = { ok: false, why: 'refused', result: decision.result };
        return null;
      }
      const at = ctx.now();
      let seq = s.state.seq;
      const events = decision.bodies.map((b) => ({ ...b, seq: ++seq, at }) as SessionEvent);
      // A resent late input must hear "late" again, so the flag is part of the remembered answer.
      const late = decision.bodies.some((b) => b.type === 'late.received');
      const result: CommandResult = late ? { ok: true, seq, late: true } : { ok: true, seq };
      written = { events, result, kept: command?.anonymous ? { ...result, seq: 0 } : result };
      return { sessionId: s.record.id, sender: command?.sender ?? '', commandId: command?.id ?? null, events, result: written.kept, participant: secret };
    });
    if (outcome.ok) {
      if (unwritten) return unwritten;
      if (!written) throw new Error('the store wrote without asking for a decision');
      await applied(ctx, s, written.events, command, written.kept);
      return { ok: true, events: written.events, result: written.result };
    }
    if (!outcome.conflict) {
      ctx.gone(s);
      return { ok: false, why: 'deleted' };
    }
    ctx.conflicted(s);
    if (tries >= MAX_TRIES) {
      ctx.log?.(`session ${s.record.id}: a command lost ${tries} races for its seq; its sender is asked to resend`);
      return { ok: false, why: 'busy' };
    }
  }
}

/** After the write: the events applied, the answer remembered, a snapshot when due, erased text cleared. */
async function applied(ctx: CommitContext, s: LiveSession, events: SessionEvent[], command: CommandRef | null, kept: CommandResult): Promise<void> {
  s.state = reduceOrSkip(events, s.state, ctx.skipped(s));
  ctx.settled(s, command, kept);
  s.eventsSinceSnapshot += events.length;
  if (s.eventsSinceSnapshot >= ctx.snapshotEvery) {
    s.eventsSinceSnapshot = 0;
    await ctx.store.saveSnapshot(s.record.id, s.state.seq, s.state);
  }
  if (events.some((e) => e.type === 'note.erased')) await eraseFromHistory(ctx.store, s, events);
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
