import { describe, expect, it } from 'vitest';
import { onItemMsOf } from '../../shared/session/itemTime.js';
import type { EventBody, SessionEvent } from '../../shared/session/events.js';
import type { AgendaItem, SessionState } from '../../shared/session/state.js';
import { apply, reduce } from '../../shared/modules/registry.js';

const item = (id: string): AgendaItem => ({ id, title: `Item ${id}`, plannedMinutes: 10, moduleType: 'board', facilitatorNotes: '', prompt: '', columns: ['Ideas'] });
let seq = 0;
const ev = (body: EventBody, at: number): SessionEvent => ({ ...body, seq: ++seq, at }) as SessionEvent;
const MIN = 60_000;
const start = () => reduce([ev({ type: 'session.created', id: 's', title: 'Day', joinCode: 'ABCDEF', agenda: [item('a'), item('b'), item('c')] }, 0)]);

describe('time on an item, next to the timer', () => {
  it('counts from entering an item to leaving it, whether or not the timer ran', () => {
    let s = start();
    expect(onItemMsOf(s, 'a', 5 * MIN)).toBe(5 * MIN); // still on it
    s = apply(s, ev({ type: 'timer.started' }, 1 * MIN));
    s = apply(s, ev({ type: 'timer.paused' }, 2 * MIN));
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'b' }, 20 * MIN));
    expect(s.actualMs.a).toBe(1 * MIN);
    expect(onItemMsOf(s, 'a', 99 * MIN)).toBe(20 * MIN);
    expect(onItemMsOf(s, 'b', 50 * MIN)).toBe(30 * MIN);
    expect(onItemMsOf(s, 'c', 50 * MIN)).toBe(0);
    // Coming back adds to what was there.
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'a' }, 30 * MIN));
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'c' }, 35 * MIN));
    expect(onItemMsOf(s, 'a', 99 * MIN)).toBe(25 * MIN);
    expect(onItemMsOf(s, 'b', 99 * MIN)).toBe(10 * MIN);
  });

  it('removing the current item moves the clock to its successor; ending the session stops it', () => {
    let s = start();
    s = apply(s, ev({ type: 'agenda.itemRemoved', itemId: 'a' }, 4 * MIN));
    expect(s.currentItemId).toBe('b');
    s = apply(s, ev({ type: 'session.ended' }, 10 * MIN));
    expect(onItemMsOf(s, 'b', 60 * MIN)).toBe(6 * MIN);
    expect(s.enteredAt).toBeNull();
    // A move after the end (none is taken, but a stored one must not count) adds nothing.
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'c' }, 70 * MIN));
    expect(onItemMsOf(s, 'c', 80 * MIN)).toBe(0);
  });

  it('a snapshot stored before (no record, no entry time) loads and counts from the next move', () => {
    const { onItemMs: _o, enteredAt: _e, ...old } = start();
    let s = old as SessionState;
    expect(onItemMsOf(s, 'a', 9 * MIN)).toBe(0);
    s = apply(s, ev({ type: 'agenda.moved', itemId: 'b' }, 10 * MIN));
    expect(onItemMsOf(s, 'a', 20 * MIN)).toBe(0);
    expect(onItemMsOf(s, 'b', 20 * MIN)).toBe(10 * MIN);
  });

  it('an item added to an empty agenda is entered when it is added', () => {
    let s = reduce([ev({ type: 'session.created', id: 's', title: 'Day', joinCode: 'ABCDEF', agenda: [] }, 0)]);
    expect(s.enteredAt).toBeNull();
    s = apply(s, ev({ type: 'agenda.itemAdded', item: item('x'), index: 0 }, 3 * MIN));
    expect(onItemMsOf(s, 'x', 5 * MIN)).toBe(2 * MIN);
  });
});
