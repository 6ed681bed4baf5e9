// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SessionLifecyclePanel } from '../../client/views/facilitator/SessionLifecycle.js';
import { SessionNotice } from '../../client/components/SessionNotice.js';
import { useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { emptyState } from '../../shared/modules/registry.js';

afterEach(cleanup);

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

function panel(ended = false) {
  const onEnd = vi.fn();
  const onDelete = vi.fn();
  render(<SessionLifecyclePanel keptUntil={Date.UTC(2027, 10, 25, 12)} ended={ended} onEnd={onEnd} onDelete={onDelete} />);
  return { onEnd, onDelete };
}

describe('the console session panel', () => {
  it('says until when the session is kept', () => {
    panel();
    expect(screen.getByTestId('kept-until').textContent).toContain('Kept until 25 Nov 2027.');
  });

  it('ends the session only after the confirmation, and a cancel does nothing', () => {
    const { onEnd, onDelete } = panel();
    click('End session');
    expect(onEnd).not.toHaveBeenCalled();
    expect(screen.getByText(/End the session now\?/)).toBeInstanceOf(HTMLElement);
    click('Cancel');
    expect(screen.queryByText(/End the session now\?/)).toBeNull();
    click('End session');
    click('End the session');
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('deletes for good only after the confirmation, also once the session has ended', () => {
    const { onEnd, onDelete } = panel(true);
    expect(screen.queryByRole('button', { name: 'End session' })).toBeNull();
    click('Delete session');
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: /Delete this session and everything in it for good\?/ })).toBeInstanceOf(HTMLElement);
    click('Delete for good');
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(onEnd).not.toHaveBeenCalled();
  });
});

describe('what every screen shows when the session stops', () => {
  it('a banner over the results once it has ended', () => {
    useSession.setState({ ...emptySnapshot(), state: { ...emptyState(), endedAt: 1 } }, true);
    render(<SessionNotice>{<p>Results</p>}</SessionNotice>);
    expect(screen.getByRole('status').textContent).toContain('This session has ended');
    expect(screen.getByText('Results')).toBeInstanceOf(HTMLElement);
  });

  it("the facilitator's deletion in place of the page", () => {
    useSession.setState({ ...emptySnapshot(), closed: 'This session was deleted by its facilitator.' }, true);
    render(<SessionNotice>{<p>Results</p>}</SessionNotice>);
    expect(screen.getByRole('alert').textContent).toBe('This session was deleted by its facilitator.');
    expect(screen.queryByText('Results')).toBeNull();
  });
});
