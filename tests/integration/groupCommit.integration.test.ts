import { afterEach, describe, expect, it } from 'vitest';
import { SessionHub, type Committed, type Decide } from '../../server/sessions/hub.js';
import type { AsyncEventStore } from '../../server/store/asyncTypes.js';
import { fail } from '../../shared/protocol/results.js';
import { allNotes, noteById } from '../../shared/session/notes.js';
import type { AgendaItem } from '../../shared/session/state.js';
import { BACKENDS, type Backend } from '../support/storeBackends.js';

const board: AgendaItem = {
  id: 'board', title: 'Board', plannedMinutes: 30, moduleType: 'board', facilitatorNotes: '', prompt: '', columns: ['A', 'B'],
};
const KEEP = { idleUnloadMs: 3_600_000, retentionMs: Number.MAX_SAFE_INTEGER };

/** A note added unless one of that id is there already: each decision depends on the ones before it. */
const addNote = (id: string, text = `note ${id}`): Decide => (state) =>
  noteById(state, id)
    ? { ok: false, result: fail('conflict', `Note ${id} is there already.`) }
    : {
        ok: true,
        bodies: [
          { type: 'note.added', note: { id, itemId: 'board', column: 'A', text, authorId: 'p', authorName: 'P', groupId: null, anonymous: false } },
        ],
      };

/** The store, with the size of every group written through its write lock counted (it does the writing itself). */
function counted(store: AsyncEventStore): { store: AsyncEventStore; groups: number[] } {
  const groups: number[] = [];
  return {
    groups,
    store: {
      ...store,
      appendLocked: (sessionId, afterSeq, commands, decide) =>
        store.appendLocked(sessionId, afterSeq, commands, (seen) => {
          const batches = decide(seen);
          groups.push(batches.length);
          return batches;
        }),
    },
  };
}

const seqOf = (c: Committed): number => (c.ok && c.result.ok ? c.result.seq : -1);

describe.each(BACKENDS)('group commit: $name', ({ skip, fresh }) => {
  const opened: { hubs: SessionHub[]; db: Backend }[] = [];
  afterEach(async () => {
    for (const { hubs, db } of opened.splice(0)) {
      await Promise.all(hubs.map((h) => h.close()));
      await db.dispose();
    }
  });
  /** `n` hubs (processes) on one fresh database, each with its store's groups counted. */
  async function processes(n: number) {
    const db = fresh();
    const made = await Promise.all(Array.from({ length: n }, async () => counted(await db.open())));
    const hubs = made.map(({ store }) => new SessionHub({ store, snapshotEvery: 100, now: Date.now, ...KEEP }));
    opened.push({ hubs, db });
    return { hubs, groups: made.map((m) => m.groups), db };
  }

  it.skipIf(skip)('commands that come while a group is written go in one transaction, decided in order on each other', async () => {
    const { hubs, groups } = await processes(1);
    const hub = hubs[0]!;
    const rec = await hub.create('Group', [board]);
    const s = (await hub.get(rec.id))!;
    const written: number[] = [];
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        // Every fifth adds a note id an earlier one added: refused, because it is decided after that one.
        hub.commit(s, addNote(i % 5 === 4 ? `n${i - 1}` : `n${i}`), { sender: 'facilitator', id: `cmd-${i}` }, (c) => {
          if (c.ok) written.push(...c.events.map((e) => e.seq));
        }),
      ),
    );
    // One turn of the write lock for the lot (without grouping: 200).
    expect(groups[0]!.length).toBeLessThanOrEqual(2);
    expect(answers.filter((a) => !a.ok)).toHaveLength(40);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.why === 'refused')).toBe(true);
    const seqs = answers.filter((a) => a.ok).map(seqOf);
    expect(seqs).toEqual(Array.from({ length: 160 }, (_, i) => i + 2));
    // Each command's `written` ran once, in seq order, before its answer.
    expect(written).toEqual(seqs);
    const stored = await hub.storedEvents(rec.id, 0, 1000);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 161 }, (_, i) => i + 1));
    expect(s.state.seq).toBe(161);
    expect(allNotes(s.state)).toHaveLength(160);
  });

  it.skipIf(skip)('a resend while its command waits shares its answer; a decision that throws fails only its own command', async () => {
    const { hubs } = await processes(1);
    const hub = hubs[0]!;
    const rec = await hub.create('Group', [board]);
    const s = (await hub.get(rec.id))!;
    let writes = 0;
    const count = (): void => void writes++;
    const broken: Decide = () => {
      throw new Error('a bug in one decision');
    };
    const [first, resent, other, failed, after] = await Promise.all([
      hub.commit(s, addNote('a'), { sender: 'p1', id: 'cmd-same' }, count),
      hub.commit(s, addNote('a-again'), { sender: 'p1', id: 'cmd-same' }, count),
      hub.commit(s, addNote('a'), { sender: 'p2', id: 'cmd-same' }, count),
      hub.commit(s, broken, { sender: 'p3', id: 'cmd-broken' }),
      hub.commit(s, addNote('b'), { sender: 'p4', id: 'cmd-after' }),
    ]);
    expect(resent).toBe(first);
    expect(writes).toBe(2);
    expect(seqOf(first!)).toBe(2);
    // Another sender's command of the same id is its own: decided after the first, so refused (note a is there).
    expect(other).toMatchObject({ ok: false, why: 'refused' });
    expect(failed).toEqual({ ok: false, why: 'busy' });
    expect(seqOf(after!)).toBe(3);
    expect((await hub.storedEvents(rec.id, 0, 10)).map((e) => e.seq)).toEqual([1, 2, 3]);
    // Sent again later, the command is answered from memory and writes nothing.
    expect(hub.rememberedResult(s, 'p1', 'cmd-same')).toEqual({ ok: true, seq: 2 });
  });

  it.skipIf(skip)('more than one group can hold waits for the next; nothing is lost or reordered', async () => {
    const { hubs, groups } = await processes(1);
    const hub = hubs[0]!;
    const rec = await hub.create('Group', [board]);
    const s = (await hub.get(rec.id))!;
    const answers = await Promise.all(Array.from({ length: 1_100 }, (_, i) => hub.commit(s, addNote(`n${i}`), { sender: 'p', id: `cmd-${i}` })));
    expect(answers.map(seqOf)).toEqual(Array.from({ length: 1_100 }, (_, i) => i + 2));
    expect(groups[0]!.every((n) => n <= 500)).toBe(true);
    expect(groups[0]!.reduce((a, b) => a + b, 0)).toBe(1_100);
    expect((await hub.storedEvents(rec.id, 0, 2_000)).length).toBe(1_101);
  });

  it.skipIf(skip)('two processes writing one session at once: gapless log, each command once, a stored answer stands', async () => {
    const { hubs, groups } = await processes(2);
    const [a, b] = hubs as [SessionHub, SessionHub];
    const rec = await a.create('Group', [board]);
    const [sa, sb] = [(await a.get(rec.id))!, (await b.get(rec.id))!];
    const send = (hub: SessionHub, s: typeof sa, from: number) =>
      Array.from({ length: 100 }, (_, i) => hub.commit(s, addNote(`n${from + i}`), { sender: `p${from + i}`, id: `cmd-${from + i}` }));
    const answers = await Promise.all([...send(a, sa, 0), ...send(b, sb, 100)]);
    expect(answers.every((c) => c.ok)).toBe(true);
    expect(new Set(answers.map(seqOf)).size).toBe(200);
    const stored = await a.storedEvents(rec.id, 0, 1_000);
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    // Each process met the other's writes in the lock and holds the whole log.
    await a.refresh(sa);
    await b.refresh(sb);
    expect(sa.state).toEqual(sb.state);
    expect(allNotes(sa.state)).toHaveLength(200);
    // Far fewer turns of the write lock than commands.
    expect(groups[0]!.length + groups[1]!.length).toBeLessThan(20);
    // A phone that moved to the other process resends: the answer the first process stored stands, nothing is written.
    const resent = await b.commit(sb, addNote('n0'), { sender: 'p0', id: 'cmd-0' });
    expect(resent).toEqual({ ok: true, events: [], result: answers[0]!.ok ? answers[0]!.result : null });
    expect((await a.storedEvents(rec.id, 0, 1_000)).length).toBe(201);
  });
});
