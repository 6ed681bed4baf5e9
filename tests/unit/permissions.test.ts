import { beforeEach, describe, expect, it } from 'vitest';
import { canChangeNote, type Actor } from '../../shared/session/permissions.js';
import { noteById } from '../../shared/session/notes.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { canMoveNote, canSend } from '../../shared/modules/registry.js';

const BOARD: Actor = { role: 'board' };
let m: SessionModel;
let ana: Actor;
let ben: Actor;

const advance = (to: 'reveal' | 'cluster' | 'vote' | 'results') => m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to } });
const move = (who: Actor, noteId: string, column: string) => m.run(who, { type: 'note.move', payload: { noteId, column } });
const edit = (who: Actor, noteId: string, text: string) => m.run(who, { type: 'note.edit', payload: { noteId, text } });
const remove = (who: Actor, noteId: string) => m.run(who, { type: 'note.delete', payload: { noteId } });
const lock = (itemId: string, locked = true) => m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId, locked } });

beforeEach(() => {
  m = new SessionModel([agendaItem('open', 'board', ['Ideas', 'Questions']), agendaItem('swot', 'swot')]);
  ana = m.join('ana', 'Ana');
  ben = m.join('ben', 'Ben');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'open', column: 'Ideas', text: 'Ana on the open board' } }, 'n-open-ana');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'Ana in the SWOT' } }, 'n-swot-ana');
  m.ok(ben, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'Ben in the SWOT' } }, 'n-swot-ben');
});

describe('who may send what', () => {
  it('the board sends nothing, the facilitator anything, a participant only what is not the facilitator\'s', () => {
    expect(canSend(BOARD, 'note.add')).toBe(false);
    expect(canSend(FACILITATOR, 'timer.start')).toBe(true);
    expect(canSend(ana, 'timer.start')).toBe(false);
    expect(canSend(ana, 'note.add')).toBe(true);
    expect(canSend(ana, 'flow.dot')).toBe(true);
  });

  it('a board screen cannot post a note', () => {
    expect(m.run(BOARD, { type: 'note.add', payload: { itemId: 'open', column: 'Ideas', text: 'from the projector' } })).toEqual({
      code: 'forbidden',
      message: 'Only the facilitator can do that.',
    });
  });
});

describe('whose notes a participant may change', () => {
  it('a participant changes their own note and no one else\'s; the facilitator any', () => {
    expect(canChangeNote(ana, m.state, 'n-open-ana')).toBe(true);
    expect(canChangeNote(ben, m.state, 'n-open-ana')).toBe(false);
    expect(canChangeNote(FACILITATOR, m.state, 'n-open-ana')).toBe(true);
    expect(canChangeNote(BOARD, m.state, 'n-open-ana')).toBe(false);
    expect(canChangeNote(FACILITATOR, m.state, 'no-such-note')).toBe(false);
  });

  it('tells a participant who edits someone else\'s note that only their own can change', () => {
    expect(edit(ben, 'n-open-ana', 'rewritten by Ben')).toEqual({ code: 'forbidden', message: 'You can only change your own notes.' });
    expect(remove(ben, 'n-open-ana')).toEqual({ code: 'forbidden', message: 'You can only change your own notes.' });
    expect(noteById(m.state, 'n-open-ana')?.text).toBe('Ana on the open board');
  });

  it('a note the facilitator wrote belongs to no participant', () => {
    m.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 'open', column: 'Ideas', text: 'From the front' } }, 'n-fac');
    expect(noteById(m.state, 'n-fac')).toMatchObject({ authorId: null, authorName: 'Facilitator', anonymous: false });
    expect(edit(ana, 'n-fac', 'mine now')?.code).toBe('forbidden');
  });

  it('a note that is gone is "not found" for everyone, not "forbidden"', () => {
    expect(edit(ben, 'gone-note', 'x')?.code).toBe('not_found');
    expect(move(ben, 'gone-note', 'Ideas')?.code).toBe('not_found');
    expect(remove(ben, 'gone-note')?.code).toBe('not_found');
  });
});

describe('moving someone else\'s note', () => {
  it('on an open board a participant moves only their own notes', () => {
    expect(canMoveNote(ben, m.state, 'n-open-ana')).toBe(false);
    expect(move(ben, 'n-open-ana', 'Questions')).toEqual({ code: 'forbidden', message: 'You can only change your own notes.' });
    expect(move(ana, 'n-open-ana', 'Questions')).toBeNull();
    expect(noteById(m.state, 'n-open-ana')?.column).toBe('Questions');
  });

  it('in a SWOT, anyone may move anyone\'s note while the room clusters, and only then', () => {
    expect(move(ben, 'n-swot-ana', 'Threats')?.code).toBe('forbidden'); // brainstorm
    advance('reveal');
    expect(canMoveNote(ben, m.state, 'n-swot-ana')).toBe(false);
    expect(move(ben, 'n-swot-ana', 'Threats')?.code).toBe('forbidden');
    advance('cluster');
    expect(canMoveNote(ben, m.state, 'n-swot-ana')).toBe(true);
    expect(canMoveNote(BOARD, m.state, 'n-swot-ana')).toBe(false);
    expect(move(ben, 'n-swot-ana', 'Threats')).toBeNull();
    expect(noteById(m.state, 'n-swot-ana')?.column).toBe('Threats');
    // Clustering is about places, not words: Ben still cannot reword or delete Ana's note.
    expect(edit(ben, 'n-swot-ana', 'reworded')?.code).toBe('forbidden');
    expect(remove(ben, 'n-swot-ana')?.code).toBe('forbidden');
    advance('vote');
    expect(canMoveNote(ben, m.state, 'n-swot-ana')).toBe(false);
  });

  it('clustering one item does not open another item\'s notes to everyone', () => {
    advance('reveal');
    advance('cluster');
    expect(canMoveNote(ben, m.state, 'n-open-ana')).toBe(false);
    expect(canMoveNote(ben, m.state, 'no-such-note')).toBe(false);
  });
});

describe('a locked board', () => {
  it('takes no edits, moves or deletions from participants, even of their own notes', () => {
    lock('open');
    expect(edit(ana, 'n-open-ana', 'changed')).toEqual({ code: 'conflict', message: 'The board is locked.' });
    expect(move(ana, 'n-open-ana', 'Questions')).toEqual({ code: 'conflict', message: 'The board is locked.' });
    expect(remove(ana, 'n-open-ana')).toEqual({ code: 'conflict', message: 'The board is locked.' });
    expect(noteById(m.state, 'n-open-ana')).toMatchObject({ text: 'Ana on the open board', column: 'Ideas' });
  });

  it('the facilitator can still tidy it, and unlocking opens it again', () => {
    lock('open');
    expect(edit(FACILITATOR, 'n-open-ana', 'Ana, tidied')).toBeNull();
    lock('open', false);
    expect(m.state.lockedItems).toEqual({});
    expect(edit(ana, 'n-open-ana', 'Ana again')).toBeNull();
    expect(remove(ana, 'n-open-ana')).toBeNull();
    expect(noteById(m.state, 'n-open-ana')).toBeUndefined();
  });

  it('locking one item leaves the others open', () => {
    lock('swot');
    expect(edit(ana, 'n-open-ana', 'still open')).toBeNull();
    expect(edit(ana, 'n-swot-ana', 'locked')?.message).toBe('The board is locked.');
  });

  it('locking needs an item that exists', () => {
    expect(m.run(FACILITATOR, { type: 'board.lock', payload: { itemId: 'nope', locked: true } })?.code).toBe('not_found');
  });
});
