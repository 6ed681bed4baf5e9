import { beforeEach, describe, expect, it } from 'vitest';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { PHASES, type Phase } from '../../shared/modules/flow/flow.state.js';
import { lateEntries } from '../../shared/modules/late/late.logic.js';
import { LATE_CAP_PER_ITEM } from '../../shared/modules/late/late.state.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { acceptDecision } from '../../shared/modules/late/late.logic.js';
import { allNotes, noteById, notesOfItem } from '../../shared/session/notes.js';
import type { Actor } from '../../shared/session/permissions.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { apply, decideContext, eventFor, personalFor, reduce, stateFor } from '../../shared/modules/registry.js';

let m: SessionModel;
let ana: Actor;
let ben: Actor;

const send = (who: Actor, body: CommandBody, id?: string) => {
  m.now++; // entries list oldest first
  return m.run(who, body, id, true);
};
const note = (text: string, itemId = 'swot', column = 'Strengths'): CommandBody => ({ type: 'note.add', payload: { itemId, column, text } });
const lock = (itemId = 'swot', locked = true) => m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId, locked } });
const advanceTo = (phase: Phase, itemId = 'swot') => {
  while (flowOf(m.state, itemId).phase !== phase) {
    const to = PHASES[PHASES.indexOf(flowOf(m.state, itemId).phase) + 1]!;
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId, to } });
  }
};
const late = () => lateEntries(m.state);
const accept = (entryId: string) => m.run(FACILITATOR, { type: 'late.accept', payload: { entryId } }, undefined, true);
const dismiss = (entryId: string) => m.run(FACILITATOR, { type: 'late.dismiss', payload: { entryId } }, undefined, true);

beforeEach(() => {
  m = new SessionModel([agendaItem('swot', 'swot'), agendaItem('board', 'board', ['Notes']), agendaItem('vision', 'vision', ['Phrases'])]);
  ana = m.join('ana', 'Ana');
  ben = m.join('ben', 'Ben');
});

describe('which refusals become late entries', () => {
  it('keeps a note that arrives after the board was locked or the brainstorm ended, with the reason', () => {
    lock();
    expect(send(ana, note('typed offline'), 'cmd-offline-1')).toBeNull();
    advanceTo('reveal', 'swot');
    lock('swot', false);
    expect(send(ana, note('typed offline too'))).toBeNull();
    lock('board');
    expect(send(ben, note('open board', 'board', 'Notes'))).toBeNull();
    expect(late().map((e) => [e.authorId, e.itemId, e.reason, e.status])).toEqual([
      ['ana', 'swot', 'The board was locked.', 'pending'],
      ['ana', 'swot', 'Posting had closed: the brainstorm was over.', 'pending'],
      ['ben', 'board', 'The board was locked.', 'pending'],
    ]);
    expect(late()[0]).toMatchObject({ commandId: 'cmd-offline-1', authorName: 'Ana', input: note('typed offline') });
    expect(allNotes(m.state)).toEqual([]);
  });

  it('keeps an edit after the vote started, a dot after the vote, a fist-to-five answer after its round and a rating after the crosswalk closed', () => {
    m.ok(ana, note('mine'), 'n-mine');
    advanceTo('vote');
    expect(send(ana, { type: 'note.edit', payload: { noteId: 'n-mine', text: 'mine, better' } })).toBeNull();
    advanceTo('results');
    expect(send(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-mine' }, delta: 1 } })).toBeNull();
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'vision', text: 'We keep families together.' } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'vision' } });
    m.ok(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'vision' } });
    expect(send(ben, { type: 'vision.fist', payload: { itemId: 'vision', value: 4 } })).toBeNull();
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'vision', open: false } });
    expect(send(ben, { type: 'vision.rate', payload: { itemId: 'vision', outcomeId: 'S1', rating: 'incorporated' } })).toBeNull();
    expect(late().map((e) => [e.input.type, e.reason])).toEqual([
      ['note.edit', 'Notes were fixed once the vote started.'],
      ['flow.dot', 'The vote was over.'],
      ['vision.fist', 'The fist-to-five had closed.'],
      ['vision.rate', 'The crosswalk had closed.'],
    ]);
  });

  it('refuses plainly what is not late: not yours, missing things, a dot before the vote, the facilitator, taking a dot back', () => {
    m.ok(ana, note('mine'), 'n-mine');
    lock();
    expect(send(ben, { type: 'note.edit', payload: { noteId: 'n-mine', text: 'hijack' } })?.code).toBe('forbidden');
    expect(send(ana, note('x', 'swot', 'Nowhere'))?.code).toBe('not_found');
    expect(send(ana, note('x', 'gone'))?.code).toBe('not_found');
    expect(send(ana, { type: 'note.edit', payload: { noteId: 'gone', text: 'x' } })?.code).toBe('not_found');
    lock('swot', false);
    expect(send(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-mine' }, delta: 1 } })?.message).toBe(
      'Voting has not started yet.',
    );
    advanceTo('results');
    expect(send(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-mine' }, delta: -1 } })?.code).toBe('conflict');
    expect(send(FACILITATOR, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-mine' }, delta: 1, onBehalfOf: 'Carl' } })?.code).toBe(
      'conflict',
    );
    expect(send(ana, { type: 'vision.fist', payload: { itemId: 'vision', value: 3 } })?.message).toBe('There is no fist-to-five open right now.');
    expect(late()).toEqual([]);
  });

  it(`caps late entries at ${LATE_CAP_PER_ITEM} per participant per item, with a sentence; others and other items are not affected`, () => {
    lock();
    for (let i = 0; i < LATE_CAP_PER_ITEM; i++) expect(send(ana, note(`late ${i}`))).toBeNull();
    const refused = send(ana, note('one too many'));
    expect(refused?.code).toBe('conflict');
    expect(refused?.message).toContain(`You already sent ${LATE_CAP_PER_ITEM} inputs to this item after it closed`);
    expect(refused?.message).toContain('stays on your phone');
    // Deciding on them does not reopen the cap: it bounds what one person can write into the log.
    dismiss(late()[0]!.id);
    expect(send(ana, note('still too many'))?.code).toBe('conflict');
    expect(send(ben, note('Ben is not capped'))).toBeNull();
    lock('board');
    expect(send(ana, note('other item', 'board', 'Notes'))).toBeNull();
  });
});

describe('accepting and dismissing', () => {
  it('accept makes one note of the author in its column, private during the brainstorm; a second accept is refused', () => {
    lock();
    send(ana, note('typed offline', 'swot', 'Threats'));
    const entry = late()[0]!;
    expect(accept(entry.id)).toBeNull();
    const added = m.events.find((e) => e.type === 'note.added');
    expect(added).toMatchObject({ private: true, note: { id: entry.id, authorId: 'ana', authorName: 'Ana', column: 'Threats', anonymous: true } });
    expect(notesOfItem(m.state, 'swot').map((n) => n.text)).toEqual(['typed offline']);
    expect(late()[0]?.status).toBe('accepted');
    expect(accept(entry.id)?.message).toBe('That late input was already added.');
    expect(dismiss(entry.id)?.message).toBe('That late input was already added.');
    expect(notesOfItem(m.state, 'swot')).toHaveLength(1);
  });

  it('a dismissed entry can be neither accepted nor dismissed again', () => {
    lock();
    send(ana, note('typed offline'));
    const id = late()[0]!.id;
    expect(dismiss(id)).toBeNull();
    expect(late()[0]?.status).toBe('dismissed');
    expect(accept(id)?.message).toBe('That late input was dismissed: it cannot be added or dismissed again.');
    expect(dismiss(id)?.code).toBe('conflict');
    expect(allNotes(m.state)).toEqual([]);
  });

  it('only the facilitator decides, and only on entries that exist', () => {
    lock();
    send(ana, note('typed offline'));
    const id = late()[0]!.id;
    expect(m.run(ana, { type: 'late.accept', payload: { entryId: id } }, undefined, true)?.code).toBe('forbidden');
    expect(m.run(ana, { type: 'late.dismiss', payload: { entryId: id } }, undefined, true)?.code).toBe('forbidden');
    expect(accept('constructor')?.code).toBe('not_found');
    expect(accept('nope')?.message).toBe('That late input does not exist.');
  });

  it('accepts a late edit onto the note, and refuses what the rules no longer allow (results in, vote over)', () => {
    m.ok(ana, note('mine'), 'n-mine');
    advanceTo('vote');
    send(ana, { type: 'note.edit', payload: { noteId: 'n-mine', text: 'mine, better' } });
    expect(accept(late()[0]!.id)).toBeNull();
    expect(noteById(m.state, 'n-mine')?.text).toBe('mine, better');
    advanceTo('results');
    send(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-mine' }, delta: 1 } });
    const dot = late().find((e) => e.input.type === 'flow.dot')!;
    const why = acceptDecision(m.state, dot, decideContext(m.now, () => 'x'));
    expect(why.ok).toBe(false);
    expect(accept(dot.id)?.message).toBe('The vote is over.');
    expect(dismiss(dot.id)).toBeNull();
  });

  it('never counts a late fist-to-five answer, even once another round is open (it answered another statement)', () => {
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'vision', text: 'First draft.' } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'vision' } });
    m.ok(FACILITATOR, { type: 'vision.closeFist', payload: { itemId: 'vision' } });
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'vision', text: 'Second draft.' } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'vision' } });
    m.ok(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'vision' } });
    expect(send(ana, { type: 'vision.fist', payload: { itemId: 'vision', value: 2 } })).toBeNull();
    expect(accept(late()[0]!.id)?.message).toBe('The round it answered is closed: ask the room again.');
  });

  it('counts a late crosswalk rating once the facilitator reopens the crosswalk', () => {
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'vision', open: false } });
    send(ben, { type: 'vision.rate', payload: { itemId: 'vision', outcomeId: 'P1', rating: 'expounds' } });
    const id = late()[0]!.id;
    expect(accept(id)?.message).toBe('The crosswalk is not open.');
    m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'vision', open: true } });
    expect(accept(id)).toBeNull();
    expect(m.state.vision['vision']?.crosswalk.ratings['ben']).toEqual({ P1: 'expounds' });
  });

  it('accepts a dot that was late only because the board was locked, once the facilitator reopened it', () => {
    m.ok(ana, note('mine'), 'n-mine');
    advanceTo('vote');
    lock();
    send(ben, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-mine' }, delta: 1 } });
    const id = late()[0]!.id;
    expect(accept(id)?.message).toBe('The board is locked.');
    lock('swot', false);
    expect(accept(id)).toBeNull();
    expect(flowOf(m.state, 'swot').dots['ben']).toEqual({ 'note:n-mine': 1 });
  });

  it('a late note can still be added after the reveal, anonymous to the room', () => {
    advanceTo('cluster');
    send(ana, note('after reveal'));
    expect(accept(late()[0]!.id)).toBeNull();
    const added = m.events.find((e) => e.type === 'note.added')!;
    expect(added).not.toHaveProperty('private');
    expect(eventFor(added, { role: 'board' })).toMatchObject({ note: { text: 'after reveal', authorId: null, authorName: '' } });
  });
});

describe('who sees late entries', () => {
  it('only the facilitator and the author, live and in snapshots; the reducer ignores what it does not know', () => {
    lock();
    send(ana, note('secret late note'));
    dismiss(late()[0]!.id);
    const [received, resolved] = m.events.filter((e) => e.type.startsWith('late.'));
    for (const e of [received!, resolved!]) {
      expect(personalFor(e)).toBe('ana');
      expect(eventFor(e, { role: 'facilitator' })).toBe(e);
      expect(eventFor(e, { role: 'participant', participantId: 'ana' })).toBe(e);
      for (const v of [{ role: 'board' } as const, { role: 'participant', participantId: 'ben' } as const, { role: 'participant', participantId: null } as const])
        expect(eventFor(e, v)).toEqual({ type: 'hidden', seq: e.seq, at: e.at });
    }
    expect(lateEntries(stateFor(m.state, { role: 'participant', participantId: 'ana' }))).toHaveLength(1);
    for (const v of [{ role: 'board' } as const, { role: 'participant', participantId: 'ben' } as const])
      expect(JSON.stringify(stateFor(m.state, v))).not.toContain('secret late note');
    // Ana's screen, fed only what Ana may see, knows the entry and its state.
    const anaView = reduce(m.events.map((e) => eventFor(e, { role: 'participant', participantId: 'ana' })));
    expect(lateEntries(anaView).map((e) => e.status)).toEqual(['dismissed']);

    const odd = [
      { type: 'late.resolved', entryId: 'missing', itemId: 'swot', authorId: 'ana', status: 'accepted', seq: 99, at: 1 },
      { type: 'late.received', seq: 100, at: 1 },
    ] as unknown as SessionEvent[];
    expect(() => odd.reduce(apply, m.state)).not.toThrow();
  });
});
