// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { NoteForm } from '../../client/components/NoteForm.js';

afterEach(cleanup);

const type = (text: string) => fireEvent.change(screen.getByLabelText('Your note'), { target: { value: text } });
const post = () => fireEvent.click(screen.getByRole('button', { name: 'Post note' }));

describe('NoteForm', () => {
  it('shows a live character count while typing', () => {
    render(<NoteForm columns={['Notes']} onSubmit={() => {}} />);
    expect(screen.getByText('0 / 500 characters')).toBeInstanceOf(HTMLElement);
    type('Hello');
    expect((screen.getByLabelText('Your note') as HTMLTextAreaElement).value).toBe('Hello');
    expect(screen.getByText('5 / 500 characters')).toBeInstanceOf(HTMLElement);
  });

  it('posts the text and column, then clears the field', () => {
    const onSubmit = vi.fn();
    render(<NoteForm columns={['Strengths', 'Weaknesses']} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Column'), { target: { value: 'Weaknesses' } });
    type('  Too many meetings  ');
    post();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith('Too many meetings', 'Weaknesses');
    expect((screen.getByLabelText('Your note') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByText('0 / 500 characters')).toBeInstanceOf(HTMLElement);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('has no column picker for a single-column board and posts into that column', () => {
    const onSubmit = vi.fn();
    render(<NoteForm columns={['Comments']} onSubmit={onSubmit} />);
    expect(screen.queryByLabelText('Column')).toBeNull();
    type('One idea');
    post();
    expect(onSubmit).toHaveBeenCalledWith('One idea', 'Comments');
  });

  it('refuses a note over 500 characters with a message and keeps the text', () => {
    const onSubmit = vi.fn();
    render(<NoteForm columns={['Notes']} onSubmit={onSubmit} />);
    const long = 'x'.repeat(501);
    type(long);
    expect(screen.getByText('501 / 500 characters (1 too many)')).toBeInstanceOf(HTMLElement);
    post();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/at most 500 characters/);
    expect((screen.getByLabelText('Your note') as HTMLTextAreaElement).value).toBe(long);
  });

  it('accepts exactly 500 characters', () => {
    const onSubmit = vi.fn();
    render(<NoteForm columns={['Notes']} onSubmit={onSubmit} />);
    type('y'.repeat(500));
    post();
    expect(onSubmit).toHaveBeenCalledWith('y'.repeat(500), 'Notes');
  });

  it('refuses an empty or blank note with a message', () => {
    const onSubmit = vi.fn();
    render(<NoteForm columns={['Notes']} onSubmit={onSubmit} />);
    post();
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be empty/);
    type('   \n  ');
    post();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be empty/);
  });

  it('does not post while the board is locked', () => {
    const onSubmit = vi.fn();
    render(<NoteForm columns={['Notes']} onSubmit={onSubmit} disabledReason="The board is locked." />);
    type('Late idea');
    expect((screen.getByRole('button', { name: 'Post note' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(screen.getByLabelText('Your note').closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
