import { describe, expect, it } from 'vitest';
import { allNotes, noteById } from '../../shared/session/notes.js';
import { withoutNoteText } from '../../shared/session/erase.js';
import { agendaItem, FACILITATOR, groupedPair, SessionModel } from '../support/sessionModel.js';

const ENDED = { code: 'conflict', message: 'This session has ended: it is read-only now.' };

describe('ending a session', () => {
  it('refuses every command afterwards, from everyone, except deleting it', () => {
    const m = new SessionModel([agendaItem('board', 'board', ['Notes']), agendaItem('next', 'presentation')]);
    const ana = m.join('p-ana');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'board', column: 'Notes', text: 'before' } });
    expect(m.run(ana, { type: 'session.end', payload: {} })?.code).toBe('forbidden');
    m.now = 5_000;
    m.ok(FACILITATOR, { type: 'session.end', payload: {} });
    expect(m.state.endedAt).toBe(5_000);
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'board', column: 'Notes', text: 'after' } })).toEqual(ENDED);
    expect(m.run(FACILITATOR, { type: 'agenda.next', payload: {} })).toEqual(ENDED);
    expect(m.run(FACILITATOR, { type: 'session.end', payload: {} })).toEqual(ENDED);
    expect(m.run(FACILITATOR, { type: 'session.delete', payload: {} })).toBeNull();
    expect(m.run(ana, { type: 'session.delete', payload: {} })?.code).toBe('forbidden');
    expect(allNotes(m.state).map((n) => n.text)).toEqual(['before']);
  });
});

describe('remove for good', () => {
  it('is the facilitator’s alone, takes the note out of its group and out of the state', () => {
    const m = new SessionModel([agendaItem('swot', 'swot')]);
    const ana = m.join('p-ana');
    groupedPair(m, ana);
    expect(m.run(ana, { type: 'note.erase', payload: { noteId: 'note-one-1' } })?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, { type: 'note.erase', payload: { noteId: 'missing-note' } })?.code).toBe('not_found');
    m.ok(FACILITATOR, { type: 'note.erase', payload: { noteId: 'note-one-1' } });
    expect(noteById(m.state, 'note-one-1')).toBeUndefined();
    expect(allNotes(m.state).map((n) => n.id)).toEqual(['note-two-2']);
    expect(m.events.at(-2)).toMatchObject({ type: 'flow.ungrouped', noteId: 'note-one-1' });
  });

  it('blanks the text in exactly the stored events that carry it', () => {
    const m = new SessionModel([agendaItem('swot', 'swot')]);
    const ana = m.join('p-ana');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'secret' } }, 'note-bad-1');
    m.ok(ana, { type: 'note.edit', payload: { noteId: 'note-bad-1', text: 'secret 2' } });
    m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'fine' } }, 'note-ok-1');
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'reveal' } });
    const changed = m.events.map((e) => withoutNoteText(e, 'note-bad-1')).filter((e) => e !== null);
    expect(changed.map((e) => e.type)).toEqual(['note.added', 'note.edited', 'flow.advanced']);
    expect(JSON.stringify(changed)).not.toContain('secret');
    expect(JSON.stringify(changed)).toContain('fine');
  });
});

describe('command ids as note ids', () => {
  it('gives a note a fresh id when its command id already names another note', () => {
    const m = new SessionModel([agendaItem('board', 'board', ['Notes'])]);
    const ana = m.join('p-ana');
    const ben = m.join('p-ben');
    m.ok(ben, { type: 'note.add', payload: { itemId: 'board', column: 'Notes', text: "Ben's" } }, 'seen-id-123');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'board', column: 'Notes', text: "Ana's" } }, 'seen-id-123');
    expect(allNotes(m.state).map((n) => n.text).sort()).toEqual(["Ana's", "Ben's"]);
    expect(noteById(m.state, 'seen-id-123')?.text).toBe("Ben's");
  });
});
