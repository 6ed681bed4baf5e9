import { describe, expect, it } from 'vitest';
import { allNotes } from '../../shared/session/notes.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { eventFor, personalFor, reduce, stateFor } from '../../shared/modules/registry.js';

describe('what each viewer may see', () => {
  const m = new SessionModel([agendaItem('s', 'swot')]);
  const ana = m.join('ana', 'Ana');
  const ben = m.join('ben', 'Ben');
  m.ok(ana, { type: 'note.add', payload: { itemId: 's', column: 'Threats', text: 'secret threat' } }, 'n-ana-1');
  const added = m.events.at(-1)!;

  it('a brainstorm note reaches other phones and the board as a stand-in without text or author', () => {
    const forBen = eventFor(added, { role: 'participant', participantId: 'ben' });
    const forOthers = eventFor(added, { role: 'participant', participantId: null });
    const forBoard = eventFor(added, { role: 'board' });
    for (const e of [forBen, forOthers, forBoard]) {
      expect(JSON.stringify(e)).not.toContain('secret threat');
      expect(JSON.stringify(e)).not.toContain('Ana');
      expect(e).toMatchObject({ note: { hidden: true, column: 'Threats', authorId: null, authorName: '' } });
    }
    expect(eventFor(added, { role: 'participant', participantId: 'ana' })).toEqual(added);
    expect(eventFor(added, { role: 'facilitator' })).toBe(added);
    expect(personalFor(added)).toBe('ana');
  });

  it('a snapshot for another phone holds stand-ins during the brainstorm and anonymous notes after the reveal', () => {
    const before = stateFor(m.state, { role: 'participant', participantId: 'ben' });
    expect(JSON.stringify(before)).not.toContain('secret threat');
    expect(allNotes(stateFor(m.state, { role: 'participant', participantId: 'ana' }))[0]?.text).toBe('secret threat');
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 's', to: 'reveal' } });
    const after = stateFor(m.state, { role: 'participant', participantId: 'ben' });
    expect(allNotes(after)[0]).toMatchObject({ text: 'secret threat', authorId: null, authorName: '' });
    // Ben's own screen, fed only what Ben may see, ends with the same notes as the snapshot.
    const benView = reduce(m.events.map((e) => eventFor(e, { role: 'participant', participantId: 'ben' })));
    expect(allNotes(benView)).toEqual(allNotes(after));
    // Ana's screen still knows the note is hers after the reveal.
    const anaView = reduce(m.events.map((e) => eventFor(e, { role: 'participant', participantId: 'ana' })));
    expect(allNotes(anaView)[0]).toMatchObject({ authorId: 'ana', text: 'secret threat' });
    void ben;
  });

  it('a dot is seen only by its voter and the facilitator; the totals by all once results are in', () => {
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 's', to: 'cluster' } });
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 's', to: 'vote' } });
    m.ok(ben, { type: 'flow.dot', payload: { itemId: 's', target: { kind: 'note', id: 'n-ana-1' }, delta: 1 } });
    const dotted = m.events.at(-1)!;
    expect(eventFor(dotted, { role: 'participant', participantId: 'ana' })).toEqual({ type: 'hidden', seq: dotted.seq, at: dotted.at });
    expect(eventFor(dotted, { role: 'board' }).type).toBe('hidden');
    expect(eventFor(dotted, { role: 'participant', participantId: 'ben' })).toBe(dotted);
    expect(stateFor(m.state, { role: 'participant', participantId: 'ana' }).flows.s?.dots).toEqual({});
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 's', to: 'results' } });
    const anaAfter = stateFor(m.state, { role: 'participant', participantId: 'ana' }).flows.s;
    expect(anaAfter?.totals).toEqual({ 'note:n-ana-1': 1 });
    expect(anaAfter?.dots).toEqual({});
  });

  it('the facilitator\'s own brainstorm notes stay hidden from the board and phones too, live and in snapshots', () => {
    const f = new SessionModel([agendaItem('s', 'swot')]);
    f.join('ana');
    f.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 's', column: 'Strengths', text: 'FAC-SECRET' } }, 'n-fac-1');
    f.ok(FACILITATOR, { type: 'note.edit', payload: { noteId: 'n-fac-1', text: 'FAC-SECRET-EDIT' } });
    for (const viewer of [{ role: 'board' }, { role: 'participant', participantId: 'ana' }, { role: 'participant', participantId: null }] as const) {
      expect(JSON.stringify(f.events.map((e) => eventFor(e, viewer)))).not.toContain('FAC-SECRET');
      expect(JSON.stringify(stateFor(f.state, viewer))).not.toContain('FAC-SECRET');
    }
  });
});
