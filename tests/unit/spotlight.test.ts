import { describe, expect, it } from 'vitest';
import type { CommandBody } from '../../shared/protocol/commands.js';
import type { SpotlightTarget } from '../../shared/modules/spotlight/spotlight.state.js';
import { flowOf } from '../../shared/modules/flow/flow.state.js';
import { allNotes } from '../../shared/session/notes.js';
import { agendaItem, FACILITATOR, groupedPair, SessionModel } from '../support/sessionModel.js';

const show = (target: SpotlightTarget): CommandBody => ({ type: 'spotlight.show', payload: { target } });
const CLEAR: CommandBody = { type: 'spotlight.clear', payload: {} };
const paging = (paused: boolean): CommandBody => ({ type: 'spotlight.paging', payload: { paused } });

describe('the board spotlight', () => {
  it('shows one revealed note or group of an item, is the facilitator’s alone, and clears', () => {
    const m = new SessionModel([agendaItem('swot', 'swot'), agendaItem('board', 'board', ['Notes'])]);
    const ana = m.join('p-ana');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'private' } }, 'note-private-1');
    const id = allNotes(m.state)[0]?.id ?? '';
    expect(id).not.toBe('');
    // Private during the brainstorm: the board must not show it.
    expect(m.run(FACILITATOR, show({ itemId: 'swot', kind: 'note', id }))).toEqual({
      code: 'not_found',
      message: 'Notes are private until you reveal them: reveal first, then spotlight one.',
    });
    groupedPair(m, ana);
    const groupId = Object.keys(flowOf(m.state, 'swot').groups)[0] ?? '';
    expect(m.run(ana, show({ itemId: 'swot', kind: 'group', id: groupId }))?.code).toBe('forbidden');
    expect(m.run({ role: 'board' }, CLEAR)?.code).toBe('forbidden');
    m.ok(FACILITATOR, show({ itemId: 'swot', kind: 'group', id: groupId }));
    expect(m.state.boardDisplay?.target).toEqual({ itemId: 'swot', kind: 'group', id: groupId });
    m.ok(FACILITATOR, show({ itemId: 'swot', kind: 'note', id }));
    expect(m.state.boardDisplay?.target).toEqual({ itemId: 'swot', kind: 'note', id });
    m.ok(FACILITATOR, CLEAR);
    expect(m.state.boardDisplay?.target).toBeUndefined();
    expect(m.run(FACILITATOR, CLEAR)).toEqual({ code: 'conflict', message: 'Nothing is in the spotlight right now.' });
  });

  it('refuses items, notes and groups that do not exist, prototype names included, and changes nothing', () => {
    const m = new SessionModel([agendaItem('swot', 'swot'), agendaItem('board', 'board', ['Notes'])]);
    const ana = m.join('p-ana');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'board', column: 'Notes', text: 'on the board' } });
    expect(allNotes(m.state)).toHaveLength(1);
    for (const id of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(m.run(FACILITATOR, show({ itemId: id, kind: 'note', id: 'x' }))).toEqual({ code: 'not_found', message: 'There is no such agenda item in this session.' });
      expect(m.run(FACILITATOR, show({ itemId: 'swot', kind: 'group', id }))).toEqual({ code: 'not_found', message: 'There is no such group in this agenda item.' });
      expect(m.run(FACILITATOR, show({ itemId: 'board', kind: 'note', id }))).toEqual({ code: 'not_found', message: 'There is no such note in this agenda item.' });
    }
    // A board item has no groups.
    expect(m.run(FACILITATOR, show({ itemId: 'board', kind: 'group', id: 'g' }))?.message).toBe('There is no such group in this agenda item.');
    expect(m.state.boardDisplay).toBeUndefined();
  });

  it('pauses and resumes the board’s pages, saying so when nothing would change', () => {
    const m = new SessionModel([agendaItem('board', 'board', ['Notes'])]);
    expect(m.run(FACILITATOR, paging(false))).toEqual({ code: 'conflict', message: 'The board’s pages already turn by themselves.' });
    m.ok(FACILITATOR, paging(true));
    expect(m.state.boardDisplay?.pagingPaused).toBe(true);
    expect(m.run(FACILITATOR, paging(true))).toEqual({ code: 'conflict', message: 'The board’s pages are already paused.' });
    m.ok(FACILITATOR, paging(false));
    expect(m.state.boardDisplay?.pagingPaused).toBe(false);
    expect(m.run(m.join('p-bo'), paging(true))?.code).toBe('forbidden');
  });
});
