// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PresenceList } from '../../client/views/facilitator/PresenceList.js';
import { WhoAmI } from '../../client/views/participant/WhoAmI.js';
import { useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { SessionModel } from '../support/sessionModel.js';

afterEach(cleanup);

function room(participantId: string | null = null) {
  const m = new SessionModel([]);
  m.now = 1;
  m.join('a', 'Sam');
  m.now = 2;
  m.join('b', 'Ana');
  m.now = 3;
  m.join('c', 'Sam');
  useSession.setState({ ...emptySnapshot(), state: m.state, participantId, presence: { participantIds: ['c'], boards: 1 } }, true);
}

describe('the console\'s people', () => {
  it('lists everyone, online first, with a suffix for the second Sam, and asks before removing', () => {
    room();
    render(<PresenceList />);
    expect(screen.getByRole('heading', { name: 'Online now: 1' })).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('3 joined in all, 1 board screen open')).toBeInstanceOf(HTMLElement);
    const rows = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(rows).toEqual(['Sam (2) · onlineRemove Sam (2)', 'Sam · offlineRemove Sam', 'Ana · offlineRemove Ana']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Sam (2)' }));
    expect(screen.getByText(/Remove Sam \(2\) from this session\? Their notes stay, without their name/)).toBeInstanceOf(HTMLElement);
  });
});

describe('the phone\'s "You are"', () => {
  it('says who this phone is, and checks a new name before sending it', () => {
    room('b');
    render(<WhoAmI />);
    expect(screen.getByText('Ana')).toBeInstanceOf(HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Change name' }));
    const input = screen.getByLabelText('Your name') as HTMLInputElement;
    expect(input.value).toBe('Ana');
    fireEvent.change(input, { target: { value: 'x'.repeat(41) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(screen.getByRole('alert').textContent).toBe('A name can be at most 40 characters.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Change name' })).toBeInstanceOf(HTMLElement);
  });

  it('shows nothing for a screen that is not a participant', () => {
    room(null);
    const { container } = render(<WhoAmI />);
    expect(container.textContent).toBe('');
  });
});
