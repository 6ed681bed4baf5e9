import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/protocol/limits.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import { noteById } from '../../shared/session/notes.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
const ids = () => m.state.agenda.map((i) => i.id);
const last = () => m.events.at(-1)!;
const add = (title: string, index?: number, extra: Partial<Extract<CommandBody, { type: 'agenda.addItem' }>['payload']['item']> = {}) =>
  m.run(FACILITATOR, {
    type: 'agenda.addItem',
    payload: { item: { title, plannedMinutes: 10, moduleType: 'board', facilitatorNotes: '', prompt: '', ...extra }, ...(index === undefined ? {} : { index }) },
  });

beforeEach(() => {
  m = new SessionModel([agendaItem('a', 'board', ['Ideas']), agendaItem('b', 'presentation'), agendaItem('c', 'swot')]);
});

describe('running the timer', () => {
  it('with no agenda item there is nothing to time, and the facilitator is told so', () => {
    const empty = new SessionModel([]);
    for (const type of ['timer.start', 'timer.reset'] as const)
      expect(empty.run(FACILITATOR, { type, payload: {} })).toEqual({ code: 'conflict', message: 'There is no agenda item to time.' });
    expect(empty.run(FACILITATOR, { type: 'timer.extend', payload: { minutes: 5 } })).toEqual({ code: 'conflict', message: 'There is no agenda item to time.' });
  });

  it('+5 minutes adds five minutes, and reset brings back the planned time', () => {
    m.ok(FACILITATOR, { type: 'timer.extend', payload: { minutes: 5 } });
    expect(last()).toMatchObject({ type: 'timer.extended', minutes: 5 });
    expect(m.state.timer.remainingMs).toBe(35 * 60_000);
    m.ok(FACILITATOR, { type: 'timer.start', payload: {} });
    m.ok(FACILITATOR, { type: 'timer.pause', payload: {} });
    m.ok(FACILITATOR, { type: 'timer.resume', payload: {} });
    expect(m.state.timer.status).toBe('running');
    m.ok(FACILITATOR, { type: 'timer.reset', payload: {} });
    expect(m.state.timer).toMatchObject({ status: 'idle', remainingMs: 30 * 60_000 });
  });
});

describe('moving through the agenda', () => {
  it('goes to any item by id, and says so when the item is gone', () => {
    m.ok(FACILITATOR, { type: 'agenda.goto', payload: { itemId: 'c' } });
    expect(m.state.currentItemId).toBe('c');
    expect(m.run(FACILITATOR, { type: 'agenda.previous', payload: {} })).toBeNull();
    expect(m.state.currentItemId).toBe('b');
    expect(m.run(FACILITATOR, { type: 'agenda.goto', payload: { itemId: 'zzz' } })).toEqual({ code: 'not_found', message: 'No such agenda item.' });
  });

  it('an empty agenda has no next or previous item', () => {
    const empty = new SessionModel([]);
    expect(empty.run(FACILITATOR, { type: 'agenda.next', payload: {} })).toEqual({ code: 'conflict', message: 'This is the last agenda item.' });
    expect(empty.run(FACILITATOR, { type: 'agenda.previous', payload: {} })).toEqual({ code: 'conflict', message: 'This is the first agenda item.' });
  });
});

describe('changing the agenda as the day changes', () => {
  it('adds an item at the end by default, at a given place, and never past the end', () => {
    expect(add('End')).toBeNull();
    expect(ids()).toEqual(['a', 'b', 'c', expect.any(String)]);
    expect(add('Front', 0)).toBeNull();
    expect(m.state.agenda[0]?.title).toBe('Front');
    expect(add('Far', 99)).toBeNull();
    expect(last()).toMatchObject({ type: 'agenda.itemAdded', index: 5 });
    expect(m.state.agenda.at(-1)?.title).toBe('Far');
  });

  it('keeps what the facilitator wrote for a new item, and fills what was left out', () => {
    add('Break', undefined, { facilitatorNotes: 'Coffee in room 2', prompt: 'Stretch', columns: ['One'] });
    expect(m.state.agenda.at(-1)).toMatchObject({ title: 'Break', plannedMinutes: 10, moduleType: 'board', facilitatorNotes: 'Coffee in room 2', prompt: 'Stretch', columns: ['One'] });
    m.ok(FACILITATOR, { type: 'agenda.addItem', payload: { item: { title: 'Bare', plannedMinutes: 5, moduleType: 'presentation' } } } as unknown as CommandBody);
    expect(m.state.agenda.at(-1)).toMatchObject({ title: 'Bare', facilitatorNotes: '', prompt: '', columns: [] });
  });

  it(`holds at most ${LIMITS.agendaItems} items`, () => {
    while (m.state.agenda.length < LIMITS.agendaItems - 1) expect(add(`Item ${m.state.agenda.length}`)).toBeNull();
    expect(add('The last one that fits')).toBeNull();
    expect(add('One too many')).toEqual({ code: 'conflict', message: 'The agenda is full.' });
    expect(m.state.agenda).toHaveLength(LIMITS.agendaItems);
  });

  it('moves an item, never past the end, and refuses an item that is gone', () => {
    m.ok(FACILITATOR, { type: 'agenda.moveItem', payload: { itemId: 'a', toIndex: 50 } });
    expect(last()).toMatchObject({ type: 'agenda.itemMoved', toIndex: 2 });
    expect(ids()).toEqual(['b', 'c', 'a']);
    expect(m.run(FACILITATOR, { type: 'agenda.moveItem', payload: { itemId: 'zzz', toIndex: 0 } })?.code).toBe('not_found');
    expect(m.run(FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'zzz' } })?.code).toBe('not_found');
  });

  it('refuses to remove the item whose timer is running, in our words, and removes it once paused', () => {
    m.ok(FACILITATOR, { type: 'agenda.goto', payload: { itemId: 'b' } });
    m.ok(FACILITATOR, { type: 'timer.start', payload: {} });
    expect(m.run(FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'b' } })).toEqual({
      code: 'conflict',
      message: 'This item’s timer is running: pause the timer or move to another item before removing it.',
    });
    expect(ids()).toEqual(['a', 'b', 'c']);
    m.ok(FACILITATOR, { type: 'timer.pause', payload: {} });
    m.ok(FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'b' } });
    expect(ids()).toEqual(['a', 'c']);
  });

  it('an update must change something, on an item that exists', () => {
    expect(m.run(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'a', patch: {} } })).toEqual({ code: 'invalid', message: 'Nothing to change.' });
    expect(m.run(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'zzz', patch: { title: 'x' } } })?.code).toBe('not_found');
  });

  it('an item with notes keeps its kind; one without notes, or another item\'s notes, does not stop the change', () => {
    const ana = m.join('ana');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'c', column: 'Threats', text: 'in the SWOT' } });
    m.ok(ana, { type: 'note.add', payload: { itemId: 'a', column: 'Ideas', text: 'hello' } });
    expect(m.run(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'a', patch: { moduleType: 'discussion' } } })?.code).toBe('conflict');
    expect(m.run(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'a', patch: { moduleType: 'board', title: 'Ideas board' } } })).toBeNull();
    expect(m.run(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'a', patch: { title: 'Ideas, renamed' } } })).toBeNull();
    expect(m.run(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'b', patch: { moduleType: 'board' } } })).toBeNull();
    expect(m.state.agenda[1]?.moduleType).toBe('board');
  });
});

describe('posting notes', () => {
  let ana: ReturnType<SessionModel['join']>;
  beforeEach(() => {
    ana = m.join('ana', 'Ana Diaz');
  });

  it('a note on an open board is signed with the poster\'s name and kept under the command\'s id', () => {
    m.ok(ana, { type: 'note.add', payload: { itemId: 'a', column: 'Ideas', text: 'More foster homes' } }, 'n-ana-1');
    expect(last()).toEqual({
      type: 'note.added',
      seq: last().seq,
      at: last().at,
      note: { id: 'n-ana-1', itemId: 'a', column: 'Ideas', text: 'More foster homes', authorId: 'ana', authorName: 'Ana Diaz', groupId: null, anonymous: false },
    });
    expect(noteById(m.state, 'n-ana-1')).toMatchObject({ createdAt: m.now, updatedAt: m.now });
  });

  it('refuses a note for an item that is gone, with a reason', () => {
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'gone', column: 'Ideas', text: 'x' } })).toEqual({
      code: 'not_found',
      message: 'That agenda item no longer exists.',
    });
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'b', column: 'Ideas', text: 'x' } })?.message).toBe('This agenda item does not take notes.');
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'a', column: 'Threats', text: 'x' } })?.message).toBe('No column "Threats".');
  });

  it('a note edited later keeps its creation time and records the change', () => {
    m.ok(ana, { type: 'note.add', payload: { itemId: 'a', column: 'Ideas', text: 'v1' } }, 'n-1');
    m.now = 5_000;
    m.ok(ana, { type: 'note.edit', payload: { noteId: 'n-1', text: 'v2' } });
    expect(last()).not.toHaveProperty('private');
    expect(noteById(m.state, 'n-1')).toMatchObject({ text: 'v2', createdAt: 1_000, updatedAt: 5_000 });
  });

  it('moving a note needs a column of its item; once the item is removed the note can still be tidied', () => {
    m.ok(ana, { type: 'note.add', payload: { itemId: 'a', column: 'Ideas', text: 'v1' } }, 'n-1');
    expect(m.run(ana, { type: 'note.move', payload: { noteId: 'n-1', column: 'Nowhere' } })).toEqual({ code: 'not_found', message: 'No column "Nowhere".' });
    m.ok(FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'a' } });
    expect(m.run(ana, { type: 'note.move', payload: { noteId: 'n-1', column: 'Parking lot' } })).toBeNull();
    expect(noteById(m.state, 'n-1')?.column).toBe('Parking lot');
    expect(m.run(ana, { type: 'note.delete', payload: { noteId: 'n-1' } })).toBeNull();
  });
});
