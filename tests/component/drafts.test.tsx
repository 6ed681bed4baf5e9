// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { NoteForm } from '../../client/components/NoteForm.js';
import { NoteEditor } from '../../client/components/NoteEditor.js';
import { useSession } from '../../client/store.js';
import type { Note } from '../../shared/session/state.js';

afterEach(cleanup);
beforeEach(() => {
  window.localStorage.clear();
  useSession.setState({ sessionId: 'session-1' });
});

const box = (label: string) => screen.getByLabelText(label, { selector: 'textarea' }) as HTMLTextAreaElement;
const note: Note = {
  id: 'n1', itemId: 'i1', column: 'Notes', text: 'As posted', authorId: 'ana', authorName: 'Ana',
  createdAt: 1, updatedAt: 1, groupId: null, anonymous: false,
};

describe('half-typed text survives a refresh', () => {
  it('the note box keeps its draft per session and board until the note is posted', () => {
    const first = render(<NoteForm columns={['Notes']} onSubmit={() => {}} draftKey="item-1" />);
    fireEvent.change(box('Your note'), { target: { value: 'half a thought' } });
    first.unmount(); // the page goes away
    render(<NoteForm columns={['Notes']} onSubmit={() => {}} draftKey="item-1" />);
    expect(box('Your note').value).toBe('half a thought');
    cleanup();
    // Another board, or another session, has its own draft.
    render(<NoteForm columns={['Notes']} onSubmit={() => {}} draftKey="item-2" />);
    expect(box('Your note').value).toBe('');
    cleanup();
    useSession.setState({ sessionId: 'session-2' });
    render(<NoteForm columns={['Notes']} onSubmit={() => {}} draftKey="item-1" />);
    expect(box('Your note').value).toBe('');
    cleanup();
    useSession.setState({ sessionId: 'session-1' });
    render(<NoteForm columns={['Notes']} onSubmit={() => {}} draftKey="item-1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Post note' }));
    expect(window.localStorage.length).toBe(0);
  });

  it('a note being edited reopens with the edit after a refresh; saving or cancelling forgets it', () => {
    const first = render(<NoteEditor note={note} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    fireEvent.change(box('Edit note'), { target: { value: 'As posted, and more' } });
    first.unmount();
    render(<NoteEditor note={note} />);
    expect(box('Edit note').value).toBe('As posted, and more');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(window.localStorage.length).toBe(0);
  });
});
