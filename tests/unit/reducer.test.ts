import { describe, expect, it } from 'vitest';
import type { EventBody, SessionEvent } from '../../shared/session/events.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { AgendaItem, SessionState } from '../../shared/session/state.js';
import type { Command, CommandBody } from '../../shared/protocol/commands.js';
import { allParticipants, noteById } from '../../shared/session/notes.js';
import { apply, decide, emptyState, reduce, upgrade } from '../../shared/modules/registry.js';

const item = (id: string, minutes = 10, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  title: `Item ${id}`,
  plannedMinutes: minutes,
  moduleType: 'board',
  facilitatorNotes: '',
  prompt: '',
  columns: ['Ideas', 'Questions'],
  ...extra,
});

let seq = 0;
const ev = (body: EventBody, at = 1_000): SessionEvent => ({ ...body, seq: ++seq, at }) as SessionEvent;
const created = (items: AgendaItem[]) =>
  ev({ type: 'session.created', id: 's1', title: 'Retreat', joinCode: 'ABCDEF', agenda: items }, 0);

const facilitator: Actor = { role: 'facilitator' };
const ana: Actor = { role: 'participant', participantId: 'p-ana', name: 'Ana' };
const ben: Actor = { role: 'participant', participantId: 'p-ben', name: 'Ben' };

/** Runs a command through decide and applies its events, as the server pipeline does. */
function run(s: SessionState, actor: Actor, body: CommandBody & { id?: string }, at = 2_000) {
  const d = decide(s, actor, { id: body.id ?? `cmd-${seq}-x`, ...body } as Command, at, () => `new-${seq}`);
  if (!d.ok) return { state: s, error: d.error };
  return { state: reduce(d.events.map((b) => ev(b, at)), s), error: null };
}

describe('reducer', () => {
  it('starts on the first agenda item with an idle timer of its planned minutes', () => {
    const s = reduce([created([item('a', 15), item('b')])]);
    expect(s.currentItemId).toBe('a');
    expect(s.timer).toMatchObject({ itemId: 'a', status: 'idle', remainingMs: 15 * 60_000 });
    expect(s.seq).toBe(seq);
  });

  it('records actual minutes when the timer runs, pauses and the agenda moves on', () => {
    let s = reduce([created([item('a'), item('b')])]);
    s = apply(s, ev({ type: 'timer.started' }, 10_000));
    s = apply(s, ev({ type: 'timer.paused' }, 70_000));
    expect(s.actualMs.a).toBe(60_000);
    expect(s.timer.remainingMs).toBe(9 * 60_000);
    s = apply(s, ev({ type: 'timer.resumed' }, 100_000));
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'b' }, 130_000));
    expect(s.actualMs.a).toBe(90_000);
    expect(s.currentItemId).toBe('b');
    expect(s.timer).toMatchObject({ itemId: 'b', status: 'idle' });
  });

  it('adds, moves, retimes and removes agenda items; removing the current item moves to its successor', () => {
    let s = reduce([created([item('a'), item('b')])]);
    s = apply(s, ev({ type: 'agenda.itemAdded', item: item('c', 5), index: 1 }));
    expect(s.agenda.map((i) => i.id)).toEqual(['a', 'c', 'b']);
    s = apply(s, ev({ type: 'agenda.itemMoved', itemId: 'a', toIndex: 2 }));
    expect(s.agenda.map((i) => i.id)).toEqual(['c', 'b', 'a']);
    s = apply(s, ev({ type: 'agenda.itemUpdated', itemId: 'a', patch: { plannedMinutes: 25 } }));
    expect(s.timer.remainingMs).toBe(25 * 60_000); // idle timer of the current item follows the new planned time
    s = apply(s, ev({ type: 'agenda.itemRemoved', itemId: 'a' }));
    expect(s.currentItemId).toBe('b');
  });

  it('keeps notes: add, edit, move, delete', () => {
    let s = reduce([created([item('a')])]);
    s = run(s, ana, { id: 'note-1-abc', type: 'note.add', payload: { itemId: 'a', column: 'Ideas', text: 'More data' } }).state;
    expect(noteById(s, 'note-1-abc')).toMatchObject({ text: 'More data', authorId: 'p-ana', column: 'Ideas' });
    s = run(s, ana, { type: 'note.edit', payload: { noteId: 'note-1-abc', text: 'Better data' } }).state;
    s = run(s, ana, { type: 'note.move', payload: { noteId: 'note-1-abc', column: 'Questions' } }).state;
    expect(noteById(s, 'note-1-abc')).toMatchObject({ text: 'Better data', column: 'Questions' });
    s = run(s, facilitator, { type: 'note.delete', payload: { noteId: 'note-1-abc' } }).state;
    expect(noteById(s, 'note-1-abc')).toBeUndefined();
  });
});

describe('decide: rules', () => {
  const base = () => reduce([created([item('a'), item('p', 5, { moduleType: 'presentation', columns: [] })])]);

  it('refuses facilitator-only commands from participants and everything from the board', () => {
    const s = base();
    const bodies: CommandBody[] = [
      { type: 'timer.start', payload: {} },
      { type: 'agenda.next', payload: {} },
      { type: 'board.lock', payload: { itemId: 'a', locked: true } },
    ];
    for (const body of bodies) {
      expect(run(s, ana, body).error?.code).toBe('forbidden');
      expect(run(s, { role: 'board' }, body).error?.code).toBe('forbidden');
      expect(run(s, facilitator, body).error).toBeNull();
    }
  });

  it('lets participants change only their own notes', () => {
    let s = base();
    s = run(s, ana, { id: 'note-ana-1', type: 'note.add', payload: { itemId: 'a', column: 'Ideas', text: 'x' } }).state;
    expect(run(s, ben, { type: 'note.edit', payload: { noteId: 'note-ana-1', text: 'y' } }).error?.code).toBe('forbidden');
    expect(run(s, ben, { type: 'note.delete', payload: { noteId: 'note-ana-1' } }).error?.code).toBe('forbidden');
    expect(run(s, facilitator, { type: 'note.edit', payload: { noteId: 'note-ana-1', text: 'y' } }).error).toBeNull();
  });

  it('refuses notes on a locked board, an unknown column, and an item without a board', () => {
    let s = base();
    s = run(s, facilitator, { type: 'board.lock', payload: { itemId: 'a', locked: true } }).state;
    const add = (column: string, itemId = 'a') => ({ type: 'note.add', payload: { itemId, column, text: 'x' } }) as const;
    expect(run(s, ana, add('Ideas')).error).toMatchObject({ code: 'conflict', message: 'The board is locked.' });
    expect(run(s, facilitator, add('Ideas')).error).toBeNull();
    s = run(s, facilitator, { type: 'board.lock', payload: { itemId: 'a', locked: false } }).state;
    expect(run(s, ana, add('Nope')).error?.code).toBe('not_found');
    expect(run(s, ana, add('Ideas', 'p')).error?.code).toBe('conflict');
    expect(run(s, ana, add('Ideas')).error).toBeNull();
  });

  it('follows the timer phases: start once, pause only when running, resume only when paused', () => {
    let s = base();
    expect(run(s, facilitator, { type: 'timer.pause', payload: {} }).error?.code).toBe('conflict');
    s = run(s, facilitator, { type: 'timer.start', payload: {} }).state;
    expect(run(s, facilitator, { type: 'timer.start', payload: {} }).error?.code).toBe('conflict');
    expect(run(s, facilitator, { type: 'timer.resume', payload: {} }).error?.code).toBe('conflict');
    s = run(s, facilitator, { type: 'timer.pause', payload: {} }).state;
    expect(s.timer.status).toBe('paused');
    s = run(s, facilitator, { type: 'timer.reset', payload: {} }).state;
    expect(s.timer.status).toBe('idle');
  });

  it('refuses to move past either end of the agenda', () => {
    let s = base();
    expect(run(s, facilitator, { type: 'agenda.previous', payload: {} }).error?.message).toBe('This is the first agenda item.');
    s = run(s, facilitator, { type: 'agenda.next', payload: {} }).state;
    expect(s.currentItemId).toBe('p');
    expect(run(s, facilitator, { type: 'agenda.next', payload: {} }).error?.message).toBe('This is the last agenda item.');
    s = run(s, facilitator, { type: 'agenda.goto', payload: { itemId: 'a' } }).state;
    expect(s.currentItemId).toBe('a');
  });

  it('a refused command produces no events', () => {
    const s = base();
    const d = decide(s, ana, { id: 'x-12345678', type: 'agenda.next', payload: {} }, 0, () => 'n');
    expect(d).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the facilitator can do that.' } });
  });
});

describe('reducer: what every screen works out from the log', () => {
  it('a session with an empty agenda has no current item and an idle timer for nothing', () => {
    const s = reduce([created([])]);
    expect(s).toMatchObject({ id: 's1', title: 'Retreat', joinCode: 'ABCDEF', currentItemId: null, agenda: [] });
    expect(s.timer).toMatchObject({ itemId: null, status: 'idle', remainingMs: 0 });
  });

  it('the first item added to an empty agenda becomes the current one', () => {
    let s = reduce([created([])]);
    s = apply(s, ev({ type: 'agenda.itemAdded', item: item('x', 7), index: 0 }));
    expect(s.currentItemId).toBe('x');
    expect(s.timer).toMatchObject({ itemId: 'x', remainingMs: 7 * 60_000 });
    s = apply(s, ev({ type: 'agenda.itemAdded', item: item('y'), index: 0 }));
    expect(s.currentItemId).toBe('x');
    expect(s.agenda.map((i) => i.id)).toEqual(['y', 'x']);
  });

  it('removing the current last item moves back to the one before; removing the only item leaves none', () => {
    let s = reduce([created([item('a'), item('b')])]);
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'b' }));
    s = apply(s, ev({ type: 'agenda.itemRemoved', itemId: 'b' }));
    expect(s.currentItemId).toBe('a');
    s = apply(s, ev({ type: 'agenda.itemRemoved', itemId: 'a' }));
    expect(s.currentItemId).toBeNull();
    expect(s.timer.itemId).toBeNull();
  });

  it('removing another item leaves the current one and its running timer alone', () => {
    let s = reduce([created([item('a'), item('b')])]);
    s = apply(s, ev({ type: 'timer.started' }, 1_000));
    s = apply(s, ev({ type: 'agenda.itemRemoved', itemId: 'b' }, 2_000));
    expect(s.currentItemId).toBe('a');
    expect(s.timer.status).toBe('running');
  });

  it('moving an unknown item changes nothing; moving past the end puts it last', () => {
    let s = reduce([created([item('a'), item('b'), item('c')])]);
    const before = s.agenda;
    s = apply(s, ev({ type: 'agenda.itemMoved', itemId: 'zzz', toIndex: 0 }));
    expect(s.agenda).toBe(before);
    s = apply(s, ev({ type: 'agenda.itemMoved', itemId: 'a', toIndex: 10 }));
    expect(s.agenda.map((i) => i.id)).toEqual(['b', 'c', 'a']);
    s = apply(s, ev({ type: 'agenda.itemAdded', item: item('d'), index: 10 }));
    expect(s.agenda.map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('retiming follows the current idle countdown only: not a running one, not another item\'s', () => {
    let s = reduce([created([item('a', 10), item('b', 10)])]);
    s = apply(s, ev({ type: 'agenda.itemUpdated', itemId: 'b', patch: { plannedMinutes: 40 } }));
    expect(s.timer.remainingMs).toBe(10 * 60_000);
    s = apply(s, ev({ type: 'agenda.itemUpdated', itemId: 'a', patch: { title: 'Renamed' } }));
    expect(s.timer.remainingMs).toBe(10 * 60_000);
    s = apply(s, ev({ type: 'timer.started' }, 0));
    s = apply(s, ev({ type: 'agenda.itemUpdated', itemId: 'a', patch: { plannedMinutes: 40 } }, 0));
    expect(s.timer).toMatchObject({ status: 'running', durationMs: 10 * 60_000 });
    expect(s.agenda[0]).toMatchObject({ title: 'Renamed', plannedMinutes: 40 });
  });

  it('a reset and a move record the actual time of the run; a paused or idle timer adds none', () => {
    let s = reduce([created([item('a'), item('b')])]);
    s = apply(s, ev({ type: 'timer.reset' }, 5_000));
    expect(s.actualMs).toEqual({});
    s = apply(s, ev({ type: 'timer.started' }, 10_000));
    s = apply(s, ev({ type: 'timer.reset' }, 25_000));
    expect(s.actualMs).toEqual({ a: 15_000 });
    s = apply(s, ev({ type: 'timer.started' }, 30_000));
    s = apply(s, ev({ type: 'timer.extended', minutes: 1 }, 31_000));
    expect(s.timer.durationMs).toBe(11 * 60_000);
    s = apply(s, ev({ type: 'timer.paused' }, 40_000));
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'b' }, 90_000));
    expect(s.actualMs).toEqual({ a: 25_000 });
  });

  it('edits, moves and deletions of a note that is gone change nothing but the seq', () => {
    const s = reduce([created([item('a')])]);
    for (const body of [
      { type: 'note.edited', noteId: 'gone', text: 'x' },
      { type: 'note.moved', noteId: 'gone', column: 'Ideas' },
      { type: 'note.deleted', noteId: 'gone' },
      { type: 'hidden' },
    ] as EventBody[]) {
      const e = ev(body);
      const next = apply(s, e);
      expect(next).toEqual({ ...s, seq: e.seq });
      expect(next.notes).toBe(s.notes);
    }
  });

  it('an event of a kind this screen does not know (from a newer server) is passed over, not fatal', () => {
    const s = reduce([created([item('a')])]);
    const e = { type: 'survey.opened', seq: 99, at: 5 } as unknown as SessionEvent;
    expect(apply(s, e)).toEqual({ ...s, seq: 99 });
  });

  it('a participant who joins is listed with their name and when they joined', () => {
    const s = apply(reduce([created([item('a')])]), ev({ type: 'participant.joined', participantId: 'p1', name: 'Ana' }, 4_000));
    expect(allParticipants(s)).toEqual([{ id: 'p1', name: 'Ana', joinedAt: 4_000 }]);
  });

  it('a lock and an unlock of one item leave the others as they were', () => {
    let s = reduce([created([item('a'), item('b')])]);
    s = apply(s, ev({ type: 'board.locked', itemId: 'a', locked: true }));
    s = apply(s, ev({ type: 'board.locked', itemId: 'b', locked: true }));
    s = apply(s, ev({ type: 'board.locked', itemId: 'a', locked: false }));
    expect(s.lockedItems).toEqual({ b: true });
  });
});

describe('reducer: a screen before and after', () => {
  it('a screen that has not joined yet shows an empty session, not leftovers', () => {
    expect(emptyState()).toEqual({
      seq: 0,
      id: '',
      title: '',
      joinCode: '',
      createdAt: 0,
      agenda: [],
      currentItemId: null,
      timer: { itemId: null, status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0, runningSince: null },
      actualMs: {},
      participants: [],
      notes: [],
      lockedItems: {},
      flows: {},
      swot: {},
      vision: {},
      values: {},
      // Every module's slice starts at its initial value (late input too, which older versions left out).
      late: [],
      carry: { code: null, imports: [] },
      workgroups: { themes: [], groups: [], members: {}, capacity: null, selfSelect: true, strategies: {}, answers: {}, messages: [] },
      plenary: { presenting: null, presented: [], reactions: [], links: {}, nextSteps: [], importedFrom: null, importedSynthesis: [] },
      ecomaps: {},
    });
  });

  it('a state stored before a module existed gets that module\'s slice, empty, and keeps everything else', () => {
    const { late: _absent, ...stored } = reduce([created([item('a', 10)])]);
    const upgraded = upgrade(stored as Parameters<typeof upgrade>[0]);
    expect(upgraded.late).toEqual([]);
    expect(upgraded).toEqual({ ...stored, late: [] });
    const full = reduce([created([item('a', 10)])]);
    expect(upgrade(full)).toEqual(full);
  });

  it('a reset brings back the planned time of the item being timed, not of the first item', () => {
    let s = reduce([created([item('a', 10), item('b', 25)])]);
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'b' }, 0));
    s = apply(s, ev({ type: 'timer.started' }, 0));
    s = apply(s, ev({ type: 'timer.reset' }, 60_000));
    expect(s.timer).toMatchObject({ itemId: 'b', status: 'idle', remainingMs: 25 * 60_000 });
  });

  it('renaming the current item keeps the minutes added to its idle countdown', () => {
    let s = reduce([created([item('a', 10)])]);
    s = apply(s, ev({ type: 'timer.extended', minutes: 5 }));
    s = apply(s, ev({ type: 'agenda.itemUpdated', itemId: 'a', patch: { title: 'Renamed' } }));
    expect(s.timer.remainingMs).toBe(15 * 60_000);
  });

  it('an update changes the one item it names', () => {
    let s = reduce([created([item('a'), item('b')])]);
    s = apply(s, ev({ type: 'agenda.itemUpdated', itemId: 'b', patch: { title: 'Only b' } }));
    expect(s.agenda.map((i) => i.title)).toEqual(['Item a', 'Only b']);
  });
});
