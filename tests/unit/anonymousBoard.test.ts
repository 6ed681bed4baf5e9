import { describe, expect, it } from 'vitest';
import { noteById } from '../../shared/session/notes.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import { toMarkdown } from '../../shared/report/markdown.js';
import { buildReport } from '../../shared/report/session.js';
import { reportOptions } from '../support/reportDay.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

const BOARD: Viewer = { role: 'board' };
const BEN: Viewer = { role: 'participant', participantId: 'ben' };
const ANA: Viewer = { role: 'participant', participantId: 'ana' };

describe('an anonymous discussion or note board', () => {
  it('keeps the author of each note to its author and the facilitator, in events, snapshots and the report', () => {
    const m = new SessionModel([{ ...agendaItem('talk', 'discussion'), anonymous: true }]);
    const ana = m.join('ana', 'Ana Lopez');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'talk', column: 'Comments', text: 'We need more foster homes' } }, 'n1');
    expect(noteById(m.state, 'n1')).toMatchObject({ anonymous: true, authorName: 'Ana Lopez' });
    for (const v of [BOARD, BEN]) {
      expect(JSON.stringify(m.events.filter((e) => e.type === 'note.added').map((e) => eventFor(e, v)))).not.toContain('Ana Lopez');
      expect(JSON.stringify(stateFor(m.state, v).notes)).not.toContain('Ana Lopez');
      expect(noteById(reduce(m.events.map((e) => eventFor(e, v))), 'n1')?.text).toBe('We need more foster homes');
    }
    expect(noteById(reduce(m.events.map((e) => eventFor(e, ANA))), 'n1')?.authorName).toBe('Ana Lopez');
    expect(toMarkdown(buildReport(m.state, reportOptions(true)))).not.toContain('Ana Lopez');
  });

  it('is set when adding or editing the item, for notes posted from then on; earlier notes keep their names', () => {
    const m = new SessionModel([agendaItem('open', 'board', ['Notes'])]);
    const ana = m.join('ana', 'Ana Lopez');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'open', column: 'Notes', text: 'Named' } }, 'n-named');
    m.ok(FACILITATOR, { type: 'agenda.updateItem', payload: { itemId: 'open', patch: { anonymous: true } } });
    m.ok(ana, { type: 'note.add', payload: { itemId: 'open', column: 'Notes', text: 'Unnamed' } }, 'n-anon');
    const board = stateFor(m.state, BOARD);
    expect(noteById(board, 'n-named')?.authorName).toBe('Ana Lopez');
    expect(noteById(board, 'n-anon')?.authorName).toBe('');
    m.ok(FACILITATOR, { type: 'agenda.addItem', payload: { item: { title: 'Concerns', plannedMinutes: 10, moduleType: 'discussion', prompt: '', facilitatorNotes: '', anonymous: true } } });
    expect(m.state.agenda.at(-1)?.anonymous).toBe(true);
  });
});
