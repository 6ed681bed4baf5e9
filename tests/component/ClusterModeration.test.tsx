// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ClusterBoard } from '../../client/modules/flow/ClusterBoard.js';
import { HiddenNotes, showingSays } from '../../client/modules/flow/HiddenNotes.js';
import { UndoDeletes } from '../../client/views/facilitator/UndoDeletes.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { useSession } from '../../client/store.js';
import type { Phase } from '../../shared/modules/flow/flow.state.js';
import { PHASES } from '../../shared/modules/flow/flow.state.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { swotColumns } from './flowFixtures.js';

afterEach(cleanup);

function board(moderate: boolean) {
  const { columns } = swotColumns();
  const onCommand = vi.fn();
  render(<ClusterBoard columns={columns} groups={{}} me={null} onCommand={onCommand} layout="console" moderate={moderate} />);
  return onCommand;
}

describe('the console\'s cluster board: Edit and Delete on every card', () => {
  it('every note card, loose or in a group, has its own Edit and Delete buttons, reachable by Tab', () => {
    board(true);
    for (const text of ['Dedicated caseworkers who know their families well', 'Staff care', 'Strong court partnership', 'High turnover']) {
      const card = screen.getByText(text).closest('.flow-note') as HTMLElement;
      for (const name of [`Edit note: ${text}`, `Delete note: ${text}`]) {
        const button = within(card).getByRole('button', { name });
        expect(button.tabIndex).toBe(0);
        expect((button as HTMLButtonElement).disabled).toBe(false);
      }
    }
  });

  it('Delete sends the delete at once (the console offers its 10-second undo); Edit rewords in place', () => {
    const onCommand = board(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete note: Strong court partnership' }));
    expect(onCommand).toHaveBeenLastCalledWith({ type: 'note.delete', payload: { noteId: 'c' } });
    fireEvent.click(screen.getByRole('button', { name: 'Edit note: Staff care' }));
    const box = screen.getByLabelText('Reword note') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'Staff who care' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(onCommand).toHaveBeenLastCalledWith({ type: 'note.edit', payload: { noteId: 'b', text: 'Staff who care' } });
    expect(screen.getByRole('button', { name: 'Edit note: Staff care' })).toBeInstanceOf(HTMLElement);
  });

  it('phones (no moderate) get no Edit or Delete on the cards', () => {
    board(false);
    expect(screen.queryByRole('button', { name: /^Delete note/ })).toBeNull();
  });

  it('the delete shows "Undo" on the console for the note just deleted', () => {
    const m = new SessionModel([agendaItem('swot', 'swot')]);
    m.ok(FACILITATOR, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'Gone soon' } }, 'n-1');
    m.ok(FACILITATOR, { type: 'note.delete', payload: { noteId: 'n-1' } });
    useSession.setState({ ...emptySnapshot(), state: m.state, role: 'facilitator', offsetMs: m.now - Date.now() }, true);
    render(<UndoDeletes />);
    expect(screen.getByRole('button', { name: /Undo/ })).toBeInstanceOf(HTMLElement);
  });
});

describe('a hidden note: "Show to the room" at any step', () => {
  const hiddenAt = (phase: Phase) => {
    const m = new SessionModel([agendaItem('swot', 'swot')]);
    const ana = m.join('ana', 'Ana');
    m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'Names a colleague' } }, 'n-1');
    m.ok(FACILITATOR, { type: 'flow.hide', payload: { noteId: 'n-1', hidden: true } });
    for (const to of PHASES.slice(1, PHASES.indexOf(phase) + 1)) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to } });
    return m.state;
  };

  for (const phase of PHASES)
    it(`is offered at the ${phase} step, saying what happens, and sends the show`, () => {
      const onCommand = vi.fn();
      render(<HiddenNotes state={hiddenAt(phase)} itemId="swot" console={{ phase, onCommand }} />);
      expect(screen.getByText(showingSays(phase))).toBeInstanceOf(HTMLElement);
      fireEvent.click(screen.getByRole('button', { name: 'Show to the room: Names a colleague' }));
      expect(onCommand).toHaveBeenCalledWith({ type: 'flow.hide', payload: { noteId: 'n-1', hidden: false } });
    });

  it('says what showing does after the reveal: at once, no step back; in the vote, open to dots; in the results, no dots', () => {
    expect(showingSays('cluster')).toContain('No need to step back');
    expect(showingSays('vote')).toContain('people can vote for it');
    expect(showingSays('results')).toContain('no dots');
  });
});
