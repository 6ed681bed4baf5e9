// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MoveToMenu } from '../../client/modules/flow/MoveToMenu.js';
import { swotColumns } from './flowFixtures.js';

afterEach(cleanup);

const optionValues = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);

describe('MoveToMenu (the keyboard and tap alternative to dragging)', () => {
  it('is named after the first 30 characters of the note', () => {
    const { a, columns } = swotColumns();
    render(<MoveToMenu note={a} columns={columns} onMove={() => {}} />);
    expect(screen.getByRole('combobox', { name: 'Move "Dedicated caseworkers who know" to' })).toBeInstanceOf(HTMLElement);
  });

  it('groups a loose note with another note', () => {
    const { c, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={c} columns={columns} onMove={onMove} />);
    const select = screen.getByRole('combobox', { name: 'Move "Strong court partnership" to' });
    // Not onto itself, and no "Out of group" for a loose note.
    expect(optionValues(select)).not.toContain('note:c');
    expect(optionValues(select)).not.toContain('ungroup');
    fireEvent.change(select, { target: { value: 'note:d' } });
    expect(onMove).toHaveBeenCalledWith({ type: 'flow.group', payload: { noteId: 'c', onto: { kind: 'note', id: 'd' } } });
  });

  it('puts a note into a group', () => {
    const { d, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={d} columns={columns} onMove={onMove} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Move "High turnover" to' }), { target: { value: 'group:g1' } });
    expect(onMove).toHaveBeenCalledWith({ type: 'flow.group', payload: { noteId: 'd', onto: { kind: 'group', id: 'g1' } } });
  });

  it('moves a note to another column with note.move', () => {
    const { c, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={c} columns={columns} onMove={onMove} />);
    const select = screen.getByRole('combobox', { name: 'Move "Strong court partnership" to' });
    expect(optionValues(select)).not.toContain('column:Strengths');
    fireEvent.change(select, { target: { value: 'column:Opportunities' } });
    expect(onMove).toHaveBeenCalledWith({ type: 'note.move', payload: { noteId: 'c', column: 'Opportunities' } });
  });

  it('takes a grouped note out of its group, and does not offer its own group', () => {
    const { b, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={b} columns={columns} onMove={onMove} />);
    const select = screen.getByRole('combobox', { name: 'Move "Staff care" to' });
    expect(optionValues(select)).not.toContain('group:g1');
    expect(within(select).getByRole('option', { name: 'Out of group' })).toBeInstanceOf(HTMLElement);
    fireEvent.change(select, { target: { value: 'ungroup' } });
    expect(onMove).toHaveBeenCalledWith({ type: 'flow.ungroup', payload: { noteId: 'b' } });
  });
});
