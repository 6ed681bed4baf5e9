// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ReplayScreens, type ReplayScreen } from '../../client/views/replay/ReplayScreens.js';
import { startReplay } from '../../client/store.js';
import { emptySnapshot, type ClientSnapshot } from '../../client/net/sessionClient.js';
import { reduce } from '../../shared/modules/registry.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { item } from '../support/reportDay.js';

afterEach(cleanup);

const AT = Date.UTC(2026, 2, 3, 15);
const ROLE: Record<ReplayScreen, ClientSnapshot['role']> = { board: 'board', console: 'facilitator', phone: 'participant' };

/** The replay's store at a moment of a session: a rehearsal with two simulated people and one real one, or not. */
function moment(screenOf: ReplayScreen, rehearsal: boolean) {
  const events: SessionEvent[] = [
    { type: 'session.created', id: 's', title: 'Practice day', joinCode: 'ABCDEF', agenda: [item('b', 'board', 'Board')], ...(rehearsal ? { rehearsal: true as const } : {}), seq: 1, at: AT },
    { type: 'participant.joined', participantId: 'p1', name: 'Sim One', ...(rehearsal ? { simulated: true as const } : {}), seq: 2, at: AT },
    { type: 'participant.joined', participantId: 'p2', name: 'Sim Two', ...(rehearsal ? { simulated: true as const } : {}), seq: 3, at: AT },
    { type: 'participant.joined', participantId: 'p3', name: 'Dana', seq: 4, at: AT },
  ];
  startReplay({ ...emptySnapshot(), connection: 'online', sessionId: 's', state: reduce(events), role: ROLE[screenOf] });
}

describe('a replay of a rehearsal', () => {
  it('says so on the console and the phone, as on the board, and the console marks the simulated people', () => {
    for (const s of ['board', 'console', 'phone'] as const) {
      moment(s, true);
      render(<ReplayScreens screen={s} />);
      expect(screen.getByTestId('rehearsal-banner').textContent, s).toBe('Rehearsal · simulated participants, not a real session');
      cleanup();
    }
    moment('console', true);
    render(<ReplayScreens screen="console" />);
    const people = within(screen.getByRole('region', { name: 'People' }));
    expect(people.getByText('3 joined by this moment (2 simulated by the rehearsal)')).toBeInstanceOf(HTMLElement);
    expect(people.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Sim One · simulated by the rehearsal',
      'Sim Two · simulated by the rehearsal',
      'Dana',
    ]);
  });

  it('a real session’s replay has no banner and no simulated marks', () => {
    for (const s of ['board', 'console', 'phone'] as const) {
      moment(s, false);
      render(<ReplayScreens screen={s} />);
      expect(screen.queryByTestId('rehearsal-banner'), s).toBeNull();
      expect(document.body.textContent, s).not.toContain('simulated');
      cleanup();
    }
  });
});
