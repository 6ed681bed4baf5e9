// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MoveToMenu, moveCommand } from '../../client/modules/flow/MoveToMenu.js';
import { swotColumns } from './flowFixtures.js';

afterEach(cleanup);

/** Picks a choice in the menu, then presses its Move button: only the button acts. */
function choose(select: HTMLElement, value: string): void {
  fireEvent.change(select, { target: { value } });
  const form = select.closest('form');
  if (!form) throw new Error('the menu is a form');
  fireEvent.click(within(form).getByRole('button', { name: /^Move "/ }));
}

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
    choose(select, 'note:d');
    expect(onMove).toHaveBeenCalledWith({ type: 'flow.group', payload: { noteId: 'c', onto: { kind: 'note', id: 'd' } } });
  });

  it('puts a note into a group', () => {
    const { d, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={d} columns={columns} onMove={onMove} />);
    choose(screen.getByRole('combobox', { name: 'Move "High turnover" to' }), 'group:g1');
    expect(onMove).toHaveBeenCalledWith({ type: 'flow.group', payload: { noteId: 'd', onto: { kind: 'group', id: 'g1' } } });
  });

  it('moves a note to another column with note.move', () => {
    const { c, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={c} columns={columns} onMove={onMove} />);
    const select = screen.getByRole('combobox', { name: 'Move "Strong court partnership" to' });
    expect(optionValues(select)).not.toContain('column:Strengths');
    choose(select, 'column:Opportunities');
    expect(onMove).toHaveBeenCalledWith({ type: 'note.move', payload: { noteId: 'c', column: 'Opportunities' } });
  });

  it('takes a grouped note out of its group, and does not offer its own group', () => {
    const { b, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={b} columns={columns} onMove={onMove} />);
    const select = screen.getByRole('combobox', { name: 'Move "Staff care" to' });
    expect(optionValues(select)).not.toContain('group:g1');
    expect(within(select).getByRole('option', { name: 'Out of group' })).toBeInstanceOf(HTMLElement);
    choose(select, 'ungroup');
    expect(onMove).toHaveBeenCalledWith({ type: 'flow.ungroup', payload: { noteId: 'b' } });
  });

  it('acts only on the Move button: browsing the list with the arrow keys moves nothing, and the button waits for a choice', () => {
    const { c, columns } = swotColumns();
    const onMove = vi.fn();
    render(<MoveToMenu note={c} columns={columns} onMove={onMove} />);
    const select = screen.getByRole('combobox', { name: 'Move "Strong court partnership" to' });
    const button = screen.getByRole('button', { name: 'Move "Strong court partnership"' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    select.focus();
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.change(select, { target: { value: 'note:d' } });
    fireEvent.change(select, { target: { value: 'column:Opportunities' } });
    expect(onMove).not.toHaveBeenCalled();
    expect((button as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(button);
    expect(onMove).toHaveBeenCalledTimes(1);
    expect(onMove).toHaveBeenCalledWith({ type: 'note.move', payload: { noteId: 'c', column: 'Opportunities' } });
    // The choice is spent: the menu is back to "Move to…" and the focus on it.
    expect((select as HTMLSelectElement).value).toBe('');
    expect(document.activeElement).toBe(select);
  });

  it('gives the focus back to the note once it is drawn in its new place', () => {
    const { c, columns } = swotColumns();
    const first = render(<MoveToMenu note={c} columns={columns} onMove={() => {}} />);
    choose(screen.getByRole('combobox', { name: 'Move "Strong court partnership" to' }), 'note:d');
    // The move draws the note in a group: a new element, where its menu takes the focus.
    first.unmount();
    render(
      <div>
        <button type="button">elsewhere</button>
        <MoveToMenu note={{ ...c, groupId: 'g2' }} columns={columns} onMove={() => {}} />
      </div>,
    );
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Move "Strong court partnership" to' }));
  });

  it('turns only its own choices into commands', () => {
    const { c } = swotColumns();
    expect(moveCommand(c, '')).toBeNull();
    expect(moveCommand(c, 'note:')).toBeNull();
    expect(moveCommand(c, 'other:x')).toBeNull();
    expect(moveCommand(c, 'column:A:B')).toEqual({ type: 'note.move', payload: { noteId: 'c', column: 'A:B' } });
  });
});
