import { describe, expect, it } from 'vitest';
import type { CommandBody } from '../../shared/protocol/commands.js';
import type { Actor } from '../../shared/session/permissions.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

/** Every refusal a screen shows is one of our own sentences: these are the ones a facilitator or participant meets. */
describe('each refusal says why, in plain words', () => {
  const setup = () => {
    const m = new SessionModel([agendaItem('open', 'board', ['Ideas']), agendaItem('swot', 'swot'), agendaItem('v', 'vision')]);
    const ana = m.join('ana', 'Ana');
    return { m, ana };
  };
  const refusal = (m: SessionModel, who: Actor, body: CommandBody, id?: string) => m.run(who, body, id);

  it('timer', () => {
    const { m } = setup();
    expect(refusal(m, FACILITATOR, { type: 'timer.pause', payload: {} })).toEqual({ code: 'conflict', message: 'The timer is not running.' });
    expect(refusal(m, FACILITATOR, { type: 'timer.resume', payload: {} })).toEqual({ code: 'conflict', message: 'The timer is not paused.' });
    m.ok(FACILITATOR, { type: 'timer.start', payload: {} });
    expect(refusal(m, FACILITATOR, { type: 'timer.start', payload: {} })).toEqual({
      code: 'conflict',
      message: 'The timer has already started. Reset it to start over.',
    });
  });

  it('agenda items that are gone', () => {
    const { m } = setup();
    const gone = { code: 'not_found', message: 'No such agenda item.' };
    expect(refusal(m, FACILITATOR, { type: 'agenda.removeItem', payload: { itemId: 'gone' } })).toEqual(gone);
    expect(refusal(m, FACILITATOR, { type: 'agenda.moveItem', payload: { itemId: 'gone', toIndex: 0 } })).toEqual(gone);
    expect(refusal(m, FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'gone', patch: { title: 'x' } } })).toEqual(gone);
    expect(refusal(m, FACILITATOR, { type: 'board.lock', payload: { itemId: 'gone', locked: true } })).toEqual(gone);
    expect(refusal(m, FACILITATOR, { type: 'swot.addCard', payload: { itemId: 'gone', card: { title: 't', value: '1', note: '' } } })).toEqual(gone);
  });

  it('notes', () => {
    const { m, ana } = setup();
    m.ok(ana, { type: 'note.add', payload: { itemId: 'open', column: 'Ideas', text: 'hello' } }, 'n-1');
    expect(refusal(m, ana, { type: 'note.edit', payload: { noteId: 'gone', text: 'x' } })).toEqual({ code: 'not_found', message: 'That note no longer exists.' });
    expect(refusal(m, ana, { type: 'note.move', payload: { noteId: 'n-1', column: 'Ideas' } })).toEqual({ code: 'conflict', message: 'The note is already in "Ideas".' });
    expect(refusal(m, FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'open', patch: { moduleType: 'discussion' } } })).toEqual({
      code: 'conflict',
      message: 'This item already has notes: its kind cannot change. Add a new item instead.',
    });
  });

  it('brainstorm and votes', () => {
    const { m, ana } = setup();
    m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'one' } }, 'n-1');
    for (const to of ['reveal', 'cluster'] as const) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to } });
    m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId: 'swot', locked: true } });
    expect(refusal(m, ana, { type: 'flow.ungroup', payload: { noteId: 'n-1' } })).toEqual({ code: 'conflict', message: 'The board is locked.' });
    expect(refusal(m, FACILITATOR, { type: 'flow.ungroup', payload: { noteId: 'n-1' } })).toEqual({ code: 'conflict', message: 'That note is not in a group.' });
    expect(refusal(m, FACILITATOR, { type: 'flow.group', payload: { noteId: 'n-1', onto: { kind: 'note', id: 'n-1' } } })).toEqual({
      code: 'conflict',
      message: 'Drop the note onto another note.',
    });
    m.ok(FACILITATOR, { type: 'board.lock', payload: { itemId: 'swot', locked: false } });
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'vote' } });
    const dot = (who: Actor, delta: 1 | -1, onBehalfOf?: string): CommandBody => ({
      type: 'flow.dot',
      payload: { itemId: 'swot', target: { kind: 'note', id: 'n-1' }, delta, ...(onBehalfOf ? { onBehalfOf } : {}) },
    });
    expect(refusal(m, ana, dot(ana, 1, 'Judge Lee'))).toEqual({ code: 'forbidden', message: 'Only the facilitator can place dots for someone else.' });
    expect(refusal(m, FACILITATOR, dot(FACILITATOR, 1))).toEqual({ code: 'invalid', message: 'Say whose dot this is (the name of the person in the room).' });
    expect(refusal(m, ana, dot(ana, -1))).toEqual({ code: 'conflict', message: 'There is no dot there to take back.' });
    for (let i = 0; i < 3; i++) m.ok(ana, dot(ana, 1));
    expect(refusal(m, ana, dot(ana, 1))).toEqual({ code: 'conflict', message: 'At most 3 dots on one item.' });
    expect(refusal(m, FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-1' }, carried: true } })).toEqual({
      code: 'conflict',
      message: 'Items carry forward once the results are in.',
    });
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'results' } });
    expect(refusal(m, FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'results' } })).toEqual({ code: 'conflict', message: 'The results are final.' });
    expect(refusal(m, ana, dot(ana, 1))).toEqual({ code: 'conflict', message: 'The vote is over.' });
  });

  it('vision retreat and data cards', () => {
    const { m, ana } = setup();
    expect(refusal(m, FACILITATOR, { type: 'swot.addCard', payload: { itemId: 'open', card: { title: 't', value: '1', note: '' } } })).toEqual({
      code: 'conflict',
      message: 'Data cards belong to a SWOT item.',
    });
    expect(refusal(m, FACILITATOR, { type: 'swot.removeCard', payload: { itemId: 'swot', cardId: 'gone' } })).toEqual({
      code: 'not_found',
      message: 'That data card no longer exists.',
    });
    expect(refusal(m, FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } })).toEqual({ code: 'conflict', message: 'Write a draft statement first.' });
    expect(refusal(m, ana, { type: 'vision.fist', payload: { itemId: 'v', value: 3 } })).toEqual({ code: 'conflict', message: 'There is no fist-to-five open right now.' });
    expect(refusal(m, ana, { type: 'vision.rate', payload: { itemId: 'v', outcomeId: 'S1', rating: 'beyond' } })).toEqual({
      code: 'conflict',
      message: 'The crosswalk is not open.',
    });
    expect(refusal(m, FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'v' } })).toEqual({
      code: 'conflict',
      message: 'Ask the room for a fist-to-five on the statement first.',
    });
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'Every child safe' } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } });
    m.ok(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'v' } });
    expect(refusal(m, FACILITATOR, { type: 'vision.draft', payload: { itemId: 'v', text: 'x' } })).toEqual({ code: 'conflict', message: 'The statement is final.' });
    expect(refusal(m, FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'v' } })).toEqual({ code: 'conflict', message: 'The statement is final.' });
    expect(refusal(m, FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'v' } })).toEqual({ code: 'conflict', message: 'The statement is already final.' });
  });
});
