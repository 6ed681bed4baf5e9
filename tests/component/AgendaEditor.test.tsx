// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KeyboardEvent } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ItemEditForm } from '../../client/views/facilitator/ItemEditForm.js';
import { AddItemForm } from '../../client/views/facilitator/AddItemForm.js';
import { rowKeyMove } from '../../client/views/facilitator/agendaMove.js';
import { kindOf, loadProtocol, MODULE_TYPES } from '../../shared/modules/registry.js';
import { agendaItemFrom } from '../../shared/session/agenda.js';

afterEach(cleanup);
beforeAll(() => loadProtocol());

const key = (k: string, altKey = true) => ({ key: k, altKey, preventDefault: vi.fn() }) as unknown as KeyboardEvent;

describe('the agenda editor', () => {
  it('moves a row by Alt+Arrow up and down, Alt+Home and Alt+End; plain arrows do nothing', () => {
    const move = vi.fn();
    rowKeyMove(key('ArrowUp'), 2, 5, move);
    rowKeyMove(key('ArrowDown'), 2, 5, move);
    rowKeyMove(key('Home'), 2, 5, move);
    rowKeyMove(key('End'), 2, 5, move);
    expect(move.mock.calls).toEqual([[1], [3], [0], [4]]);
    const plain = key('ArrowUp', false);
    rowKeyMove(plain, 2, 5, move);
    rowKeyMove(key('a'), 2, 5, move);
    expect(move).toHaveBeenCalledTimes(4);
    expect(plain.preventDefault).not.toHaveBeenCalled();
  });

  it('edits title, prompt, notes, columns and the starter list, sending only what changed', async () => {
    const item = agendaItemFrom('v1', { title: 'Survey', plannedMinutes: 30, moduleType: 'values', prompt: 'Rate', starter: ['Respect'] });
    const onSave = vi.fn(async () => null);
    const onClose = vi.fn();
    render(<ItemEditForm item={item} onSave={onSave} onClose={onClose} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Our values survey' } });
    fireEvent.change(screen.getByLabelText('Facilitator notes'), { target: { value: 'Quote the seed.' } });
    fireEvent.change(screen.getByLabelText(/^Starter list/), { target: { value: 'Respect\n Safety \n\nVoice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith({ title: 'Our values survey', facilitatorNotes: 'Quote the seed.', starter: ['Respect', 'Safety', 'Voice'] });

    cleanup();
    const board = agendaItemFrom('b1', { title: 'Board', plannedMinutes: 10, moduleType: 'board', columns: ['Ideas'] });
    const save2 = vi.fn(async () => null);
    render(<ItemEditForm item={board} onSave={save2} onClose={vi.fn()} />);
    expect(screen.queryByLabelText(/^Starter list/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Board columns (one per line)'), { target: { value: 'Ideas\nQuestions' } });
    fireEvent.change(screen.getByLabelText('Prompt (participants see it)'), { target: { value: 'What next?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(save2).toHaveBeenCalledWith({ prompt: 'What next?', columns: ['Ideas', 'Questions'] }));
  });

  it('refuses an empty title and too many columns in our words, and shows the server’s refusal', async () => {
    const item = agendaItemFrom('b1', { title: 'Board', plannedMinutes: 10, moduleType: 'board' });
    const onSave = vi.fn(async () => 'This item already has notes: its kind cannot change. Add a new item instead.');
    render(<ItemEditForm item={item} onSave={onSave} onClose={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toBe('An agenda item needs a title.');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Board' } });
    fireEvent.change(screen.getByLabelText('Board columns (one per line)'), { target: { value: 'a\nb\nc\nd\ne\nf\ng\nh\ni' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('A board can have at most 8 columns.'));
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Board columns (one per line)'), { target: { value: 'Ideas\nRisks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This item already has notes: its kind cannot change. Add a new item instead.'));
  });

  it('adds an item of every kind the registry offers', () => {
    const onAdd = vi.fn();
    render(<AddItemForm onAdd={onAdd} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add agenda item…' }));
    const options = Array.from((screen.getByLabelText('Type') as HTMLSelectElement).options).map((o) => o.value);
    expect(options).toEqual([...MODULE_TYPES]);
    for (const type of MODULE_TYPES) {
      fireEvent.change(screen.getByLabelText('Item title'), { target: { value: `A ${kindOf(type).label}` } });
      fireEvent.change(screen.getByLabelText('Type'), { target: { value: type } });
      fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '12' } });
      fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
      expect(onAdd).toHaveBeenLastCalledWith(expect.objectContaining({ moduleType: type, plannedMinutes: 12, title: `A ${kindOf(type).label}` }));
    }
    expect(onAdd).toHaveBeenCalledTimes(MODULE_TYPES.length);
    fireEvent.change(screen.getByLabelText('Item title'), { target: { value: 'Bad' } });
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
    expect(screen.getByRole('alert').textContent).toBe('Minutes must be a whole number from 1 to 600.');
    expect(onAdd).toHaveBeenCalledTimes(MODULE_TYPES.length);
  });
});
