import { beforeEach, describe, expect, it } from 'vitest';
import { displayNames } from '../../shared/modules/people/people.logic.js';
import { allParticipants, noteById, participantById } from '../../shared/session/notes.js';
import type { Actor } from '../../shared/session/permissions.js';
import { eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
let ana: Actor;
let sam: Actor;
const note = (who: Actor, text: string, id: string) => m.ok(who, { type: 'note.add', payload: { itemId: 'b', column: 'Ideas', text } }, id);

beforeEach(() => {
  m = new SessionModel([agendaItem('b', 'board', ['Ideas'])]);
  ana = m.join('ana', 'Ana');
  sam = m.join('sam', 'Sam');
});

describe('a participant renames themself', () => {
  it('changes their name and the name on their notes; only from their own phone', () => {
    note(ana, 'More family time', 'note-ana-1');
    expect(m.run(ana, { type: 'people.rename', payload: { name: 'Ana Pérez' } })).toBeNull();
    expect(participantById(m.state, 'ana')?.name).toBe('Ana Pérez');
    expect(noteById(m.state, 'note-ana-1')?.authorName).toBe('Ana Pérez');
    expect(m.run(FACILITATOR, { type: 'people.rename', payload: { name: 'X' } })?.message).toBe(
      'A participant changes their own name, from their phone.',
    );
  });
});

describe('the facilitator removes a participant', () => {
  it('takes them off the list; their notes stay, without their name, on every screen', () => {
    note(sam, 'Shorter meetings', 'note-sam-1');
    expect(m.run(ana, { type: 'people.remove', payload: { participantId: 'sam' } })?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, { type: 'people.remove', payload: { participantId: 'sam' } })).toBeNull();
    expect(allParticipants(m.state).map((p) => p.id)).toEqual(['ana']);
    expect(noteById(m.state, 'note-sam-1')).toMatchObject({ text: 'Shorter meetings', authorName: '' });
    const anaView = reduce(m.events.map((e) => eventFor(e, { role: 'participant', participantId: 'ana' })));
    expect(noteById(anaView, 'note-sam-1')).toMatchObject({ text: 'Shorter meetings', authorName: '' });
    expect(JSON.stringify(stateFor(m.state, { role: 'board' }).notes)).not.toContain('Sam');
    // Gone is gone: a second removal, a rename by the removed one, and made-up ids are refused.
    expect(m.run(FACILITATOR, { type: 'people.remove', payload: { participantId: 'sam' } })).toEqual({
      code: 'not_found',
      message: 'That participant is not in this session.',
    });
    expect(m.run(sam, { type: 'people.rename', payload: { name: 'Sam again' } })?.code).toBe('forbidden');
    for (const id of ['constructor', '__proto__', 'nobody'])
      expect(m.run(FACILITATOR, { type: 'people.remove', payload: { participantId: id } })?.code).toBe('not_found');
  });
});

describe('names on the console', () => {
  it('a name given twice gets a suffix in the order people joined, whatever its case and spaces', () => {
    const p = (id: string, name: string, joinedAt: number) => ({ id, name, joinedAt });
    const names = displayNames([p('c', 'sam ', 3), p('a', 'Sam', 1), p('b', 'Ana', 2), p('d', 'Sam', 4)]);
    expect([...names.entries()].sort()).toEqual([
      ['a', 'Sam'],
      ['b', 'Ana'],
      ['c', 'sam (2)'],
      ['d', 'Sam (3)'],
    ]);
  });
});
