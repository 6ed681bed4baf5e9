import { afterEach, describe, expect, it } from 'vitest';
import type { AsyncEventStore, CaughtUp } from '../../server/store/asyncTypes.js';
import type { AppendBatch } from '../../server/store/types.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { postgresSkipReason } from '../support/postgres.js';
import { AWKWARD, BACKENDS, joined, newSession, stateOf, uniqueId, type Backend } from '../support/storeBackends.js';

const batch = (sessionId: string, events: SessionEvent[], extra: Partial<AppendBatch> = {}): AppendBatch => ({
  sessionId,
  sender: 'facilitator',
  commandId: null,
  events,
  result: { ok: true, seq: events.at(-1)?.seq ?? 0 },
  ...extra,
});
const seqs = (events: SessionEvent[]): number[] => events.map((e) => e.seq);

describe.runIf(postgresSkipReason)('store contract on PostgreSQL', () => {
  it('is skipped, and says why', () => {
    console.warn(postgresSkipReason);
    expect(postgresSkipReason).toMatch(/^PostgreSQL tests skipped: /);
  });
});

describe.each(BACKENDS)('store contract: $name', ({ skip, fresh }) => {
  const backends: Backend[] = [];
  afterEach(async () => {
    await Promise.all(backends.splice(0).map((b) => b.dispose()));
  });
  /** A fresh database and one store on it. */
  const setup = async (): Promise<{ db: Backend; store: AsyncEventStore }> => {
    const db = fresh();
    backends.push(db);
    return { db, store: await db.open() };
  };
  /** A store with one session in it. */
  const withSession = async (lastActiveAt?: number) => {
    const { db, store } = await setup();
    const s = newSession(lastActiveAt);
    expect(await store.createSession(s.rec, s.created)).toBe(true);
    return { db, store, ...s, id: s.rec.id };
  };

  it.skipIf(skip)('creates a session and finds it by id and by join code; a taken code is refused with nothing written', async () => {
    const { store, rec, created } = await withSession(5_000);
    expect(await store.sessionById(rec.id)).toEqual(rec);
    expect(await store.sessionByCode(rec.joinCode)).toEqual(rec);
    expect(await store.sessionById('constructor')).toBeUndefined();
    expect(await store.sessionByCode('NOPE00')).toBeUndefined();
    // Ids from the wire may hold anything: a key that was never stored finds nothing, whatever its characters.
    const nul = `${rec.id}\u0000`;
    expect(await store.sessionById(nul)).toBeUndefined();
    expect(await store.sessionByCode(`${rec.joinCode}\u0000`)).toBeUndefined();
    expect(await store.eventsSince(nul, 0)).toEqual([]);
    expect(await store.latestSnapshot(nul)).toBeUndefined();
    expect(await store.commandResult(nul, 'facilitator', 'c\u0000')).toBeUndefined();
    expect(await store.participantByTokenHash(nul, 'h\u0000')).toBeUndefined();
    expect(await store.deleteSession(nul)).toBe(false);
    expect(await store.deleteSavedTemplate('t\u0000')).toBe(false);
    expect(await store.eventsSince(rec.id, 0)).toEqual([created]);

    const other = newSession();
    const clash = { ...other.rec, joinCode: rec.joinCode };
    expect(await store.createSession(clash, other.created)).toBe(false);
    expect(await store.sessionById(other.rec.id)).toBeUndefined();
    expect(await store.eventsSince(other.rec.id, 0)).toEqual([]);
  });

  it.skipIf(skip)('stores a title holding any character; its created event keeps it exactly', async () => {
    const { store } = await setup();
    const s = newSession();
    const rec = { ...s.rec, title: AWKWARD };
    const created = { ...s.created, title: AWKWARD };
    expect(await store.createSession(rec, created)).toBe(true);
    // PostgreSQL's text cannot hold U+0000: the record's title has U+FFFD there (see server/store/postgres.ts).
    expect((await store.sessionById(rec.id))?.title.replaceAll('\u0000', '\ufffd')).toBe(AWKWARD.replaceAll('\u0000', '\ufffd'));
    expect(await store.eventsSince(rec.id, 0)).toEqual([created]);
  });

  it.skipIf(skip)('appends batches and reads them back in seq order, byte for byte, and in bounded pages', async () => {
    const { store, id, created } = await withSession();
    const events = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((seq) => joined(seq, `${AWKWARD} ${seq}`));
    for (const part of [events.slice(0, 1), events.slice(1, 5), events.slice(5)])
      expect(await store.append(batch(id, part))).toEqual({ ok: true });
    expect(await store.eventsSince(id, 0)).toEqual([created, ...events]);
    expect((await store.eventsSince(id, 0)).at(-1)).toMatchObject({ name: `${AWKWARD} 10` });
    expect(seqs(await store.eventsSince(id, 3, 4))).toEqual([4, 5, 6, 7]);
    expect(seqs(await store.eventsSince(id, 8, 100))).toEqual([9, 10]);
    expect(await store.eventsSince(id, 10, 5)).toEqual([]);
    expect(await store.eventsSince(uniqueId('nobody'), 0)).toEqual([]);
  });

  it.skipIf(skip)('remembers command answers by sender and command id; the first answer stays', async () => {
    const { store, id } = await withSession();
    await store.append(batch(id, [joined(2)], { sender: 'p2', commandId: 'c1', result: { ok: true, seq: 2, late: true } }));
    await store.append(batch(id, [joined(3)], { sender: 'facilitator', commandId: 'c1', result: { ok: true, seq: 3 } }));
    await store.append(batch(id, [], { sender: 'p2', commandId: 'c1', result: { ok: true, seq: 99 } }));
    expect(await store.commandResult(id, 'p2', 'c1')).toEqual({ ok: true, seq: 2, late: true });
    expect(await store.commandResult(id, 'facilitator', 'c1')).toEqual({ ok: true, seq: 3 });
    expect(await store.commandResult(id, 'board', 'c1')).toBeUndefined();
    expect(await store.commandResult(id, 'p2', 'c2')).toBeUndefined();
  });

  it.skipIf(skip)('finds a participant by token hash, written with their join', async () => {
    const { store, id } = await withSession();
    const participant = { participantId: 'p2', tokenHash: 'hash-2' };
    expect(await store.append(batch(id, [joined(2)], { participant }))).toEqual({ ok: true });
    expect(await store.participantByTokenHash(id, 'hash-2')).toBe('p2');
    expect(await store.participantByTokenHash(id, 'hash-3')).toBeUndefined();
    expect(await store.participantByTokenHash(uniqueId('other'), 'hash-2')).toBeUndefined();
  });

  it.skipIf(skip)('keeps the latest snapshot only', async () => {
    const { store, db, id, created } = await withSession();
    expect(await store.latestSnapshot(id)).toBeUndefined();
    const events = [created, joined(2), joined(3)];
    await store.append(batch(id, events.slice(1)));
    await store.saveSnapshot(id, 2, stateOf(events.slice(0, 2)));
    await store.saveSnapshot(id, 3, stateOf(events));
    expect(await store.latestSnapshot(id)).toEqual({ seq: 3, state: stateOf(events) });
    expect((await db.rowsMentioning(id)).snapshots).toBe(1);
  });

  it.skipIf(skip)('touch moves the last activity on, never back', async () => {
    const { store, id } = await withSession(1_000);
    await store.touch(id, 5_000);
    expect((await store.sessionById(id))?.lastActiveAt).toBe(5_000);
    await store.touch(id, 2_000);
    expect((await store.sessionById(id))?.lastActiveAt).toBe(5_000);
  });

  it.skipIf(skip)('lists idle sessions oldest first, at most the limit', async () => {
    const { store } = await setup();
    const made = [];
    for (const at of [4_000, 1_000, 3_000, 9_000, 2_000]) {
      const s = newSession(at);
      await store.createSession(s.rec, s.created);
      made.push({ id: s.rec.id, at });
    }
    const byAge = made.filter((m) => m.at < 5_000).sort((a, b) => a.at - b.at).map((m) => m.id);
    expect(await store.idleSince(5_000, 10)).toEqual(byAge);
    expect(await store.idleSince(5_000, 2)).toEqual(byAge.slice(0, 2));
    expect(await store.idleSince(1_000, 10)).toEqual([]);
  });

  it.skipIf(skip)('deletes every row of a session from every table, and only that session', async () => {
    const { store, db, id } = await withSession();
    const kept = newSession();
    await store.createSession(kept.rec, kept.created);
    await store.append(batch(id, [joined(2)], { sender: 'p2', commandId: 'c1', participant: { participantId: 'p2', tokenHash: 'h2' } }));
    await store.saveSnapshot(id, 2, stateOf([]));
    const before = await db.rowsMentioning(id);
    for (const t of ['sessions', 'events', 'commands', 'participant_tokens', 'snapshots']) expect(before[t], t).toBeGreaterThan(0);

    expect(await store.deleteSession(id)).toBe(true);
    const after = await db.rowsMentioning(id);
    expect(Object.values(after).every((n) => n === 0), JSON.stringify(after)).toBe(true);
    expect(await store.deleteSession(id)).toBe(false);
    expect(await store.sessionById(kept.rec.id)).toEqual(kept.rec);
    expect(await store.eventsSince(kept.rec.id, 0)).toEqual([kept.created]);
  });

  it.skipIf(skip)('a write for a session another process deleted is told it is gone, and leaves no row', async () => {
    const { store, db, id, created } = await withSession();
    const other = await db.open();
    expect(await other.deleteSession(id)).toBe(true);
    const late = batch(id, [joined(2)], { sender: 'p2', commandId: 'c1', participant: { participantId: 'p2', tokenHash: 'h2' } });
    expect(await store.append(late)).toEqual({ ok: false, conflict: false, deleted: true });
    await store.saveSnapshot(id, 2, stateOf([created]));
    await store.rewriteHistory(id, [joined(2)], { seq: 2, state: stateOf([created]) });
    const after = await db.rowsMentioning(id);
    expect(Object.values(after).every((n) => n === 0), JSON.stringify(after)).toBe(true);
  });

  it.skipIf(skip)('rewrites the given events in place and replaces every snapshot by the new one', async () => {
    const { store, db, id, created } = await withSession();
    await store.append(batch(id, [joined(2, 'Secret name'), joined(3, 'Also secret'), joined(4, 'Stays')]));
    await store.saveSnapshot(id, 3, stateOf([created]));
    const cleaned = [joined(2, '[erased]'), joined(3, '[erased]')];
    await store.rewriteHistory(id, cleaned, { seq: 4, state: stateOf([created, ...cleaned]) });
    expect(await store.eventsSince(id, 0)).toEqual([created, ...cleaned, joined(4, 'Stays')]);
    expect(await store.latestSnapshot(id)).toEqual({ seq: 4, state: stateOf([created, ...cleaned]) });
    expect((await db.rowsMentioning(id)).snapshots).toBe(1);
    expect(Object.values(await db.rowsMentioning('secret')).every((n) => n === 0)).toBe(true);
  });

  it.skipIf(skip)('keeps saved templates up to the caps per session and in all, marks their use, and deletes them', async () => {
    const { store, db } = await setup();
    const row = (id: string, sessionId: string, usedAt = 1_000) => ({
      id, body: `${JSON.stringify({ id, title: AWKWARD }, null, 2)}\n`, ownerKeyHash: `owner-${id}`, savedAt: 1_000, sessionId, usedAt,
    });
    const caps = { total: 3, perSession: 2 };
    expect(await store.saveTemplate(row('a1', 's-a'), caps)).toBe('added');
    expect(await store.saveTemplate(row('a2', 's-a'), caps)).toBe('added');
    expect(await store.saveTemplate(row('a3', 's-a'), caps)).toBe('session-full');
    expect(await store.saveTemplate(row('b1', 's-b', 5_000), caps)).toBe('added');
    expect(await store.saveTemplate(row('c1', 's-c'), caps)).toBe('full');
    expect(await store.savedTemplate('a1')).toEqual(row('a1', 's-a'));
    expect(await store.savedTemplate('a3')).toBeUndefined();
    await store.touchSavedTemplate('a1', 9_000);
    await store.touchSavedTemplate('a1', 2_000); // never moves back
    expect((await store.savedTemplate('a1'))?.usedAt).toBe(9_000);
    // Unused since 4,000: a2 only (a1 was used at 9,000, b1 at 5,000).
    expect(await store.deleteUnusedTemplates(4_000)).toBe(1);
    expect(await store.savedTemplate('a2')).toBeUndefined();
    expect(await store.deleteSavedTemplate('a1')).toBe(true);
    expect(await store.deleteSavedTemplate('a1')).toBe(false);
    // Two processes saving at once with one place left: one of them gets it.
    await store.saveTemplate(row('d1', 's-d'), caps);
    const other = await db.open();
    const both = await Promise.all([store.saveTemplate(row('e1', 's-e'), caps), other.saveTemplate(row('f1', 's-f'), caps)]);
    expect(both.filter((r) => r === 'added')).toHaveLength(1);
    expect(both.filter((r) => r === 'full')).toHaveLength(1);
  });

  it.skipIf(skip)('two writers of the same seq: exactly one wins, the other is told the latest seq and wrote nothing', async () => {
    const { store: a, db, id } = await withSession();
    const b = await db.open();
    let seq = 1;
    for (let round = 0; round < 20; round++) {
      const mine = batch(id, [joined(seq + 1, `A${round}`)], { sender: 'pa', commandId: `a${round}`, participant: { participantId: `a${round}`, tokenHash: `ha${round}` } });
      const theirs = batch(id, [joined(seq + 1, `B${round}`), joined(seq + 2, `B${round}+`)], { sender: 'pb', commandId: `b${round}`, participant: { participantId: `b${round}`, tokenHash: `hb${round}` } });
      const outcomes = await Promise.all([a.append(mine), b.append(theirs)]);
      const winner = outcomes[0].ok ? mine : theirs;
      const loser = outcomes[0].ok ? theirs : mine;
      const lost = outcomes[0].ok ? outcomes[1] : outcomes[0];
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      seq = winner.events.at(-1)!.seq;
      expect(lost).toEqual({ ok: false, conflict: true, latestSeq: seq });
      // Nothing of the loser's batch: no event, no answer, no token.
      expect(await a.eventsSince(id, seq - winner.events.length)).toEqual(winner.events);
      expect(await b.commandResult(id, loser.sender, loser.commandId!)).toBeUndefined();
      expect(await b.participantByTokenHash(id, loser.participant!.tokenHash)).toBeUndefined();
      expect(await b.commandResult(id, winner.sender, winner.commandId!)).toEqual(winner.result);
    }
    // The loser catches up from the latest seq and appends after it.
    expect(seqs(await b.eventsSince(id, 0))).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    expect(await b.append(batch(id, [joined(seq + 1)]))).toEqual({ ok: true });
  });

  it.skipIf(skip)('writers through the write lock never lose a race: each decides on what the others stored', async () => {
    const { store: a, db, id } = await withSession();
    const stores = [a, await db.open(), await db.open()];
    /** Every writer starts from seq 1: what the others wrote meanwhile comes in `missed`, and it writes after that. */
    const write = (n: number) =>
      stores[n % 3]!.appendLocked(id, 1, [{ sender: `p${n % 3}`, id: `c${n}` }], ({ missed, earlier }) => {
        expect(earlier(`p${n % 3}`, `c${n}`)).toBeUndefined();
        expect(seqs(missed)).toEqual(Array.from({ length: missed.length }, (_, i) => i + 2));
        const seq = (missed.at(-1)?.seq ?? 1) + 1;
        return [batch(id, [joined(seq, `${AWKWARD} ${n}`)], { sender: `p${n % 3}`, commandId: `c${n}`, result: { ok: true, seq } })];
      });
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, n) => write(n)));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const log = await a.eventsSince(id, 0);
    expect(seqs(log)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    // Any character survives the way in (PostgreSQL's is written as SQL literals).
    expect(log.flatMap((e) => (e.type === 'participant.joined' ? [e.name] : [])).sort()).toEqual(Array.from({ length: 30 }, (_, n) => `${AWKWARD} ${n}`).sort());
    // The same command ids again, through another store: their stored answers are given and the writer writes nothing;
    // another sender's command of one of those ids is not answered by it.
    let seen: CaughtUp | undefined;
    const asked = [{ sender: 'p0', id: 'c0' }, { sender: 'p9', id: 'c0' }, { sender: 'p1', id: 'c1' }];
    expect(await stores[2]!.appendLocked(id, 31, asked, (s) => ((seen = s), []))).toEqual({ ok: true });
    expect(seen?.missed).toEqual([]);
    expect(seen?.earlier('p0', 'c0')).toEqual(await a.commandResult(id, 'p0', 'c0'));
    expect(seen?.earlier('p0', 'c0')).toMatchObject({ ok: true });
    expect(seen?.earlier('p1', 'c1')).toMatchObject({ ok: true });
    expect(seen?.earlier('p9', 'c0')).toBeUndefined();
    await stores[1]!.appendLocked(id, 30, [{ sender: 'p9', id: 'c0' }], (s) => ((seen = s), []));
    expect(seen?.missed).toEqual([(await a.eventsSince(id, 30))[0]]);
    expect(seen?.earlier('p9', 'c0')).toBeUndefined();
    // A session deleted meanwhile keeps nothing, and the writer is told.
    expect(await a.deleteSession(id)).toBe(true);
    expect(await stores[1]!.appendLocked(id, 31, [], () => [batch(id, [joined(32)])])).toEqual({ ok: false, conflict: false, deleted: true });
    expect(await a.eventsSince(id, 0)).toEqual([]);
  });

  it.skipIf(skip)('writes a group of commands in one transaction: every answer and token, or none of them', async () => {
    const { store, id } = await withSession();
    const group = [
      batch(id, [joined(2, `${AWKWARD} a`)], { sender: 'p1', commandId: 'cmd-1', result: { ok: true, seq: 2 } }),
      batch(id, [], { sender: 'p2', commandId: 'cmd-2', result: { ok: true, seq: 0 } }),
      batch(id, [joined(3), joined(4)], { participant: { participantId: 'p3', tokenHash: 'h3' }, result: { ok: true, seq: 4 } }),
      batch(id, [joined(5)], { sender: 'p4', commandId: 'cmd-4', result: { ok: true, seq: 5, late: true }, participant: { participantId: 'p4', tokenHash: 'h4' } }),
    ];
    expect(await store.appendLocked(id, 1, [], () => group)).toEqual({ ok: true });
    expect(seqs(await store.eventsSince(id, 0))).toEqual([1, 2, 3, 4, 5]);
    expect(await store.commandResult(id, 'p1', 'cmd-1')).toEqual({ ok: true, seq: 2 });
    expect(await store.commandResult(id, 'p2', 'cmd-2')).toEqual({ ok: true, seq: 0 });
    expect(await store.commandResult(id, 'p4', 'cmd-4')).toEqual({ ok: true, seq: 5, late: true });
    expect(await store.participantByTokenHash(id, 'h3')).toBe('p3');
    expect(await store.participantByTokenHash(id, 'h4')).toBe('p4');
    // A group one of whose seqs is taken (a writer outside the lock) leaves nothing of any of its commands.
    const clash = [
      batch(id, [joined(6)], { sender: 'p5', commandId: 'cmd-5', participant: { participantId: 'p5', tokenHash: 'h5' } }),
      batch(id, [joined(5)], { sender: 'p6', commandId: 'cmd-6' }),
    ];
    expect(await store.appendLocked(id, 5, [], () => clash)).toEqual({ ok: false, conflict: true, latestSeq: 5 });
    expect(seqs(await store.eventsSince(id, 0))).toEqual([1, 2, 3, 4, 5]);
    expect(await store.commandResult(id, 'p5', 'cmd-5')).toBeUndefined();
    expect(await store.participantByTokenHash(id, 'h5')).toBeUndefined();
  });

  it.skipIf(skip)('opens a database twice in a row and twice at once, each store working on the same tables', async () => {
    const db = fresh();
    backends.push(db);
    const [a, b] = await Promise.all([db.open(), db.open()]);
    const s = newSession();
    expect(await a.createSession(s.rec, s.created)).toBe(true);
    expect(await b.sessionById(s.rec.id)).toEqual(s.rec);
    const c = await db.open();
    expect(await c.eventsSince(s.rec.id, 0)).toEqual([s.created]);
  });
});
