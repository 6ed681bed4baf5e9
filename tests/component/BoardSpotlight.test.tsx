// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { BoardSpotlight, useSpotlight } from '../../client/modules/spotlight/BoardSpotlight.js';
import { AgendaSideList } from '../../client/views/facilitator/AgendaSideList.js';
import { columnWidths } from '../../client/views/board/BoardNotes.js';
import { useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { allNotes } from '../../shared/session/notes.js';
import { flowOf } from '../../shared/modules/flow/flow.state.js';
import type { AgendaItem } from '../../shared/session/state.js';
import { agendaItem, FACILITATOR, groupedPair, SessionModel } from '../support/sessionModel.js';

afterEach(cleanup);

function day(): SessionModel {
  const m = new SessionModel([agendaItem('board', 'board', ['Notes']), agendaItem('swot', 'swot')]);
  const ana = m.join('p-ana');
  groupedPair(m, ana);
  m.ok(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId: Object.keys(flowOf(m.state, 'swot').groups)[0] ?? '', name: 'Court delays' } });
  useSession.setState({ ...emptySnapshot(), state: m.state }, true);
  return m;
}

function Spotlit({ item }: { item: AgendaItem }) {
  const target = useSpotlight(item);
  return target ? <BoardSpotlight target={target} /> : <p>Nothing spotlit</p>;
}

describe('the spotlight on the board', () => {
  it('shows a group by name with all its notes, and a single note, large', () => {
    const m = day();
    const groupId = Object.keys(flowOf(m.state, 'swot').groups)[0] ?? '';
    render(<BoardSpotlight target={{ itemId: 'swot', kind: 'group', id: groupId }} />);
    const figure = screen.getByRole('figure', { name: 'In the spotlight' });
    expect(within(figure).getByText('In the spotlight: Court delays')).toBeInstanceOf(HTMLElement);
    expect(within(figure).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['one', 'two']);
    cleanup();
    const note = allNotes(m.state)[0];
    render(<BoardSpotlight target={{ itemId: 'swot', kind: 'note', id: note?.id ?? '' }} />);
    expect(screen.getByRole('figure').textContent).toContain(note?.text ?? '?');
  });

  it('says so when the spotlit note is gone, and shows only the current item’s spotlight', () => {
    const m = day();
    const note = allNotes(m.state)[0];
    render(<BoardSpotlight target={{ itemId: 'swot', kind: 'note', id: 'gone' }} />);
    expect(screen.getByRole('figure').textContent).toContain('This note is no longer on the board.');
    cleanup();
    m.ok(FACILITATOR, { type: 'spotlight.show', payload: { target: { itemId: 'swot', kind: 'note', id: note?.id ?? '' } } });
    useSession.setState({ state: m.state });
    const [board, swot] = m.state.agenda;
    if (!board || !swot) throw new Error('two items');
    render(<Spotlit item={board} />);
    expect(screen.getByText('Nothing spotlit')).toBeInstanceOf(HTMLElement);
    cleanup();
    render(<Spotlit item={swot} />);
    expect(screen.getByRole('figure').textContent).toContain(note?.text ?? '?');
  });
});

describe('the agenda folded to a side list', () => {
  it('lists every item to go to, marks where we are, and offers the full agenda', () => {
    const m = day();
    m.ok(FACILITATOR, { type: 'agenda.goto', payload: { itemId: 'swot' } });
    useSession.setState({ state: m.state });
    render(<AgendaSideList onExpand={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Agenda' });
    const rows = within(nav).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-current'))).toEqual([null, 'step']);
    expect(within(nav).getByRole('button', { name: 'Go to Item swot' })).toBeInstanceOf(HTMLElement);
    expect(within(nav).getByRole('button', { name: 'Edit agenda' }).getAttribute('aria-expanded')).toBe('false');
    expect((within(nav).getByRole('button', { name: 'Next item' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(nav).getByRole('button', { name: 'Previous item' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the note board’s column widths', () => {
  it('gives a full column up to three times the width of an empty one, and wraps past four columns evenly', () => {
    expect(columnWidths([40, 0, 0])).toBe('minmax(0, 3.00fr) minmax(0, 1.00fr) minmax(0, 1.00fr)');
    expect(columnWidths([10, 5])).toBe('minmax(0, 3.00fr) minmax(0, 2.00fr)');
    expect(columnWidths([0, 0])).toBe('minmax(0, 1.00fr) minmax(0, 1.00fr)');
    expect(columnWidths([1, 2, 3, 4, 5])).toBe('repeat(4, minmax(0, 1fr))');
  });
});
