import { describe, expect, it } from 'vitest';
import { visionOf } from '../../shared/modules/vision/vision.logic.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { allNotes, noteById } from '../../shared/session/notes.js';
import { type Viewer } from '../../shared/session/visibility.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { eventFor, personalFor, reduce, stateFor } from '../../shared/modules/registry.js';

const BOARD: Viewer = { role: 'board' };
const ANY_PHONE: Viewer = { role: 'participant', participantId: null };
const phone = (participantId: string): Viewer => ({ role: 'participant', participantId });
const OUTSIDERS: Viewer[] = [BOARD, ANY_PHONE, phone('ben')];
const SECRET_NOTES = 'Call the judge before the retreat';

const withNotes = (facilitatorNotes: string) => ({ ...agendaItem('talk', 'presentation'), facilitatorNotes });

describe('facilitator notes stay on the console', () => {
  const m = new SessionModel([withNotes(SECRET_NOTES), agendaItem('open', 'board', ['Ideas'])]);
  const created = m.events[0]!;

  it('the agenda a phone or the board receives at the start has no facilitator notes', () => {
    for (const v of OUTSIDERS) {
      expect(JSON.stringify(eventFor(created, v))).not.toContain(SECRET_NOTES);
      expect(JSON.stringify(stateFor(m.state, v))).not.toContain(SECRET_NOTES);
    }
    expect(eventFor(created, FACILITATOR)).toBe(created);
    expect(stateFor(m.state, FACILITATOR)).toBe(m.state);
  });

  it('an agenda update that changes the notes reaches phones and the board without them, and with the rest of the change', () => {
    m.ok(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'talk', patch: { facilitatorNotes: 'NEW-SECRET', title: 'Welcome back' } } });
    const updated = m.events.at(-1)!;
    for (const v of OUTSIDERS) {
      const seen = eventFor(updated, v);
      expect(JSON.stringify(seen)).not.toContain('NEW-SECRET');
      expect(seen).toMatchObject({ type: 'agenda.itemUpdated', patch: { title: 'Welcome back' } });
      expect(reduce([created, updated].map((e) => eventFor(e, v))).agenda[0]).toMatchObject({ title: 'Welcome back', facilitatorNotes: '' });
    }
    expect(eventFor(updated, FACILITATOR)).toBe(updated);
    expect(m.state.agenda[0]?.facilitatorNotes).toBe('NEW-SECRET');
  });

  it('an update that leaves the notes alone goes out as it is', () => {
    m.ok(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'talk', patch: { plannedMinutes: 12 } } });
    const updated = m.events.at(-1)!;
    expect(eventFor(updated, BOARD)).toBe(updated);
  });

  it('an item added later reaches phones and the board without its notes', () => {
    m.ok(FACILITATOR, {
      type: 'agenda.addItem',
      payload: { item: { title: 'Lunch', plannedMinutes: 30, moduleType: 'presentation', facilitatorNotes: 'ADDED-SECRET', prompt: '' } },
    });
    const added = m.events.at(-1)!;
    for (const v of OUTSIDERS) {
      expect(JSON.stringify(eventFor(added, v))).not.toContain('ADDED-SECRET');
      expect(eventFor(added, v)).toMatchObject({ item: { title: 'Lunch', facilitatorNotes: '' } });
    }
    expect(eventFor(added, FACILITATOR)).toBe(added);
  });
});

describe('brainstorm notes and their edits', () => {
  const m = new SessionModel([agendaItem('s', 'swot'), agendaItem('open', 'board', ['Ideas'])]);
  const ana = m.join('ana', 'Ana');
  m.join('ben', 'Ben');
  m.ok(ana, { type: 'note.add', payload: { itemId: 's', column: 'Threats', text: 'first thought' } }, 'n-ana');
  m.ok(ana, { type: 'note.edit', payload: { noteId: 'n-ana', text: 'SECOND-THOUGHT' } });
  const edited = m.events.at(-1)!;
  m.ok(ana, { type: 'note.add', payload: { itemId: 'open', column: 'Ideas', text: 'Signed by Ana' } }, 'n-open');

  it('an edit during the brainstorm reaches only its author and the facilitator', () => {
    expect(personalFor(edited)).toBe('ana');
    for (const v of OUTSIDERS) expect(eventFor(edited, v)).toEqual({ type: 'hidden', seq: edited.seq, at: edited.at });
    expect(eventFor(edited, phone('ana'))).toBe(edited);
  });

  it('a note on an open board is signed with its author\'s name for everyone', () => {
    const added = m.events.at(-1)!;
    expect(personalFor(added)).toBeNull();
    for (const v of OUTSIDERS) expect(eventFor(added, v)).toMatchObject({ note: { text: 'Signed by Ana', authorId: 'ana', authorName: 'Ana' } });
    for (const v of OUTSIDERS) expect(noteById(stateFor(m.state, v), 'n-open')).toMatchObject({ authorId: 'ana', authorName: 'Ana' });
  });

  it('after the reveal, edits are public but the author stays anonymous', () => {
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 's', to: 'reveal' } });
    m.ok(ana, { type: 'note.edit', payload: { noteId: 'n-ana', text: 'third thought' } });
    const later = m.events.at(-1)!;
    expect(personalFor(later)).toBeNull();
    expect(eventFor(later, BOARD)).toBe(later);
    for (const v of OUTSIDERS) expect(noteById(stateFor(m.state, v), 'n-ana')).toMatchObject({ text: 'third thought', authorId: null, authorName: '' });
    expect(noteById(stateFor(m.state, phone('ana')), 'n-ana')).toMatchObject({ authorId: 'ana', authorName: 'Ana' });
  });

  it('a note the facilitator adds after the reveal is public but not signed', () => {
    m.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 's', column: 'Strengths', text: 'From the front' } }, 'n-front');
    const added = m.events.at(-1)!;
    expect(added).not.toHaveProperty('private');
    expect(personalFor(added)).toBeNull();
    expect(eventFor(added, BOARD)).toMatchObject({ note: { text: 'From the front', authorId: null, authorName: '' } });
  });
});

describe('a reveal publishes its own item only', () => {
  const m = new SessionModel([agendaItem('swot-a', 'swot'), agendaItem('swot-b', 'swot')]);
  const ana = m.join('ana', 'Ana');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot-a', column: 'Strengths', text: 'OPEN-NOW in A' } }, 'n-a');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot-b', column: 'Strengths', text: 'STILL-PRIVATE in B' } }, 'n-b');
  m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot-a', to: 'reveal' } });
  const reveal = m.events.at(-1)!;

  it('revealing item A carries A\'s notes and none of B\'s', () => {
    expect(reveal.type === 'flow.advanced' && reveal.revealed?.map((n) => n.id)).toEqual(['n-a']);
    for (const v of OUTSIDERS) {
      const wire = JSON.stringify(eventFor(reveal, v));
      expect(wire).toContain('OPEN-NOW');
      expect(wire).not.toContain('STILL-PRIVATE');
      expect(wire).not.toContain('"authorName":"Ana"');
    }
  });

  it('the board, fed what it may see, reads A and still only counts B', () => {
    const board = reduce(m.events.map((e) => eventFor(e, BOARD)));
    expect(noteById(board, 'n-a')).toMatchObject({ text: 'OPEN-NOW in A', authorId: null });
    expect(noteById(board, 'n-b')).toMatchObject({ text: '', hidden: true });
    expect(JSON.stringify(stateFor(m.state, BOARD))).not.toContain('STILL-PRIVATE');
    expect(allNotes(stateFor(m.state, BOARD)).map((n) => n.text).sort()).toEqual(['', 'OPEN-NOW in A']);
  });

  it('Ana\'s phone keeps knowing both notes are hers', () => {
    const mine = reduce(m.events.map((e) => eventFor(e, phone('ana'))));
    expect(allNotes(mine).map((n) => [n.id, n.authorId, n.text]).sort()).toEqual([
      ['n-a', 'ana', 'OPEN-NOW in A'],
      ['n-b', 'ana', 'STILL-PRIVATE in B'],
    ]);
  });
});

describe('fist-to-five answers and crosswalk ratings', () => {
  const m = new SessionModel([agendaItem('v', 'vision')]);
  const ana = m.join('ana');
  const ben = m.join('ben');
  m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'Every child safe' } });
  m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } });
  m.ok(ana, { type: 'vision.fist', payload: { itemId: 'v', value: 1 } });
  const anaAnswered = m.events.at(-1)!;
  m.ok(ben, { type: 'vision.fist', payload: { itemId: 'v', value: 4 } });
  m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'v', open: true } });
  m.ok(ana, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'conflicts' } });
  const anaRated = m.events.at(-1)!;
  m.ok(ben, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'beyond' } });

  it('each answer and rating is personal to the one who gave it', () => {
    expect(personalFor(anaAnswered)).toBe('ana');
    expect(personalFor(anaRated)).toBe('ana');
  });

  it('reach other phones and the board without who answered or what', () => {
    for (const v of OUTSIDERS) {
      expect(eventFor(anaAnswered, v)).toMatchObject({ participantId: '', value: -1, distribution: [0, 1, 0, 0, 0, 0] });
      expect(eventFor(anaRated, v)).toMatchObject({ participantId: '', rating: null, tally: { incorporated: 0, expounds: 0, conflicts: 1, beyond: 0 } });
    }
    expect(eventFor(anaAnswered, phone('ana'))).toBe(anaAnswered);
    expect(eventFor(anaRated, phone('ana'))).toBe(anaRated);
  });

  it('a phone\'s snapshot holds only its own answer and its own ratings', () => {
    const anas = visionOf(stateFor(m.state, phone('ana')), 'v');
    expect(anas.rounds[0]?.answers).toEqual({ ana: 1 });
    expect(anas.crosswalk.ratings).toEqual({ ana: { S1: 'conflicts' } });
    expect(anas.rounds[0]?.distribution).toEqual([0, 1, 0, 0, 1, 0]);
    expect(anas.crosswalk.tally.S1).toMatchObject({ conflicts: 1, beyond: 1 });
    for (const v of [BOARD, ANY_PHONE, phone('someone-else')]) {
      const seen = visionOf(stateFor(m.state, v), 'v');
      // Not even an empty entry: a phone that finds its own id there would say "you answered".
      expect(Object.keys(seen.rounds[0]?.answers ?? { missing: 1 })).toEqual([]);
      expect(Object.keys(seen.crosswalk.ratings)).toEqual([]);
    }
    expect(Object.keys(visionOf(m.state, 'v').rounds[0]!.answers)).toEqual(['ana', 'ben']);
  });

  it('a phone that replays only what it may see ends where its snapshot starts', () => {
    const replay = visionOf(reduce(m.events.map((e) => eventFor(e, phone('ben')))), 'v');
    expect(replay.rounds[0]?.answers).toEqual({ ben: 4 });
    expect(replay.crosswalk.ratings).toEqual({ ben: { S1: 'beyond' } });
    expect(replay.rounds[0]?.distribution).toEqual([0, 1, 0, 0, 1, 0]);
  });
});

describe('dots placed for someone without a phone', () => {
  it('are no phone\'s own: they go to the facilitator only', () => {
    const m = new SessionModel([agendaItem('s', 'swot')]);
    m.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 's', column: 'Strengths', text: 'idea' } }, 'n-1');
    for (const to of ['reveal', 'cluster', 'vote'] as const) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 's', to } });
    m.ok(FACILITATOR, { type: 'flow.dot', payload: { itemId: 's', target: { kind: 'note', id: 'n-1' }, delta: 1, onBehalfOf: 'Judge Lee' } });
    const dotted = m.events.at(-1)!;
    expect(personalFor(dotted)).toBeNull();
    m.join('ana');
    m.ok({ role: 'participant', participantId: 'ana', name: 'ana' }, { type: 'flow.dot', payload: { itemId: 's', target: { kind: 'note', id: 'n-1' }, delta: 1 } });
    const own = m.events.at(-1)!;
    expect(personalFor(own)).toBe('ana');
    expect(eventFor(own, phone('ana'))).toBe(own);
    for (const v of OUTSIDERS) expect(eventFor(dotted, v).type).toBe('hidden');
    for (const v of OUTSIDERS) expect(Object.keys(stateFor(m.state, v).flows.s?.dots ?? { missing: 1 })).toEqual([]);
  });
});

describe('events nobody needs to hide', () => {
  it('an agenda item without facilitator notes goes out as it is', () => {
    const m = new SessionModel([agendaItem('open', 'board', ['Ideas'])]);
    const created = m.events[0]!;
    const seen = eventFor(created, BOARD);
    expect(seen.type === 'session.created' && seen.agenda[0]).toBe(created.type === 'session.created' && created.agenda[0]);
  });

  it('timer, agenda and lock events reach every screen as they are', () => {
    const m = new SessionModel([agendaItem('open', 'board', ['Ideas'])]);
    m.ok(FACILITATOR, { type: 'timer.start', payload: {} });
    m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId: 'open', locked: true } });
    for (const e of m.events.slice(1) as SessionEvent[]) {
      expect(personalFor(e)).toBeNull();
      for (const v of OUTSIDERS) expect(eventFor(e, v)).toBe(e);
    }
  });
});
