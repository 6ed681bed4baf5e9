// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { EcoMapBoard, EcoMapConsole, EcoMapPhone } from '../../client/modules/ecomap/screens.js';
import { eventFor, reduce } from '../../shared/modules/registry.js';
import type { Viewer } from '../../shared/session/visibility.js';
import type { SessionState } from '../../shared/session/state.js';
import { STARTER_PARTNERS } from '../../shared/modules/ecomap/ecomap.state.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

afterEach(cleanup);

const ITEM = agendaItem('eco', 'ecomap');
const itemId = 'eco';

/** A room of three with the starter set: Ana and Ben marked (Ben changed one and withdrew another), Ben proposed one. */
function room(opts: { vote?: 'open' | 'closed'; shown?: boolean; scribe?: string } = {}) {
  const m = new SessionModel([ITEM]);
  const ana = m.join('p-ana', 'Ana');
  const ben = m.join('p-ben', 'Ben');
  m.join('p-cy', 'Cy');
  m.ok(FACILITATOR, { type: 'ecomap.addPartners', payload: { itemId, names: STARTER_PARTNERS.map((p) => p.name) } });
  const ids = m.state.ecomaps.eco!.order;
  const id = (name: string) => ids.find((i) => m.state.ecomaps.eco!.partners[i]!.name === name)!;
  m.ok(FACILITATOR, { type: 'ecomap.setVote', payload: { itemId, vote: 'open' } });
  m.ok(ana, { type: 'ecomap.mark', payload: { itemId, partnerId: id('Courts and judges'), mark: 'green' } });
  m.ok(ana, { type: 'ecomap.mark', payload: { itemId, partnerId: id('Tribes'), mark: 'yellow' } });
  m.ok(ben, { type: 'ecomap.mark', payload: { itemId, partnerId: id('Courts and judges'), mark: 'green' } });
  m.ok(ben, { type: 'ecomap.mark', payload: { itemId, partnerId: id('Courts and judges'), mark: 'red' } });
  m.ok(ben, { type: 'ecomap.mark', payload: { itemId, partnerId: id('Youth'), mark: 'none' } });
  m.ok(ben, { type: 'ecomap.mark', payload: { itemId, partnerId: id('Youth'), mark: null } });
  m.ok(ben, { type: 'ecomap.propose', payload: { itemId, name: 'Juvenile probation' } });
  if (opts.vote === 'closed') m.ok(FACILITATOR, { type: 'ecomap.setVote', payload: { itemId, vote: 'closed' } });
  if (opts.shown) m.ok(FACILITATOR, { type: 'ecomap.showResults', payload: { itemId, shown: true } });
  if (opts.scribe) m.ok(FACILITATOR, { type: 'ecomap.setScribe', payload: { itemId, participantId: opts.scribe } });
  return { m, id };
}

/** The state a viewer's browser holds: every event as the server sends it to that viewer, through the real reducer. */
const seenBy = (m: SessionModel, viewer: Viewer): SessionState => reduce(m.events.map((e) => eventFor(e, viewer)));

function show(Screen: typeof EcoMapPhone, m: SessionModel, viewer: Viewer) {
  const role = viewer.role;
  const participantId = viewer.role === 'participant' ? viewer.participantId : null;
  useSession.setState({ ...emptySnapshot(), role, participantId, state: seenBy(m, viewer) }, true);
  return render(<Screen item={ITEM} />);
}

describe('the eco-map on a phone', () => {
  it('four large buttons per partner, named and shaped as well as coloured; the own mark pressed; withdraw only on a marked one', () => {
    const { m } = room();
    show(EcoMapPhone, m, { role: 'participant', participantId: 'p-ben' });
    const courts = screen.getByRole('group', { name: 'Your mark for Courts and judges' });
    const names = within(courts).getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Green (circle) for Courts and judges', 'Yellow (triangle) for Courts and judges', 'Red (square) for Courts and judges', 'No dot (ring) for Courts and judges']);
    expect(within(courts).getByRole('button', { name: /^Red/ }).getAttribute('aria-pressed')).toBe('true');
    expect(within(courts).getByRole('button', { name: /^Green/ }).getAttribute('aria-pressed')).toBe('false');
    expect(within(courts).getByRole('button', { name: /^Red/ }).textContent).toBe('Red');
    expect(screen.getByRole('button', { name: 'Withdraw your mark for Courts and judges' })).toBeInstanceOf(HTMLElement);
    // The withdrawn mark is gone; another's marks are not on this phone.
    expect(screen.queryByRole('button', { name: 'Withdraw your mark for Youth' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Withdraw your mark for Tribes' })).toBeNull();
    expect(screen.getByText('Juvenile probation').closest('li')?.textContent).toContain('Waiting for the facilitator');
    expect(screen.getByText(/Developing relationship and beginning involvement/)).toBeInstanceOf(HTMLElement);
  });

  it('after the results: a list with each partner’s consensus or split, and counts in words; no scribe form for a non-scribe', () => {
    const { m } = room({ vote: 'closed', shown: true, scribe: 'p-cy' });
    show(EcoMapPhone, m, { role: 'participant', participantId: 'p-ana' });
    expect(screen.queryByRole('group', { name: /Your mark for/ })).toBeNull();
    const list = screen.getByRole('list', { name: 'Results per partner' });
    const courts = within(list).getByText('Courts and judges').closest('li')!;
    expect(courts.textContent).toContain('Room split');
    expect(courts.textContent).toContain('Green 1, Yellow 0, Red 1, No dot 0');
    expect(within(list).getByText('Tribes').closest('li')!.textContent).toContain('Yellow');
    expect(screen.queryByRole('heading', { name: /you are the scribe/ })).toBeNull();
  });

  it('the scribe’s phone has the plan form, one row per partner picked', () => {
    const { m } = room({ vote: 'closed', shown: true, scribe: 'p-cy' });
    show(EcoMapPhone, m, { role: 'participant', participantId: 'p-cy' });
    expect(screen.getByRole('heading', { name: 'Engagement plan: you are the scribe' })).toBeInstanceOf(HTMLElement);
    for (const label of ['How', 'Who', 'When']) expect(screen.getByRole('textbox', { name: label })).toBeInstanceOf(HTMLElement);
    expect(screen.getByRole('button', { name: 'Save plan row' })).toBeInstanceOf(HTMLElement);
  });

  it('a closed vote: the own marks in words and no buttons; a declined proposal says why', () => {
    const { m } = room({ vote: 'closed' });
    const proposal = Object.values(m.state.ecomaps.eco!.proposals)[0]!;
    m.ok(FACILITATOR, { type: 'ecomap.declineProposal', payload: { itemId, proposalId: proposal.id, reason: 'The courts cover it' } });
    show(EcoMapPhone, m, { role: 'participant', participantId: 'p-ben' });
    expect(screen.queryByRole('group', { name: /Your mark for/ })).toBeNull();
    expect(screen.getByText('The vote is closed.')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('Courts and judges').closest('li')?.textContent).toContain('Your mark: Red');
    // No proposing after the vote closed, but what became of the phone's proposal stays in view, with the reason.
    expect(screen.queryByRole('button', { name: 'Propose partner' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Your proposals' }).textContent).toContain('Not added: The courts cover it');
  });

  it('while the vote is open, a declined proposal shows its reason to its author only', () => {
    const { m } = room();
    const proposal = Object.values(m.state.ecomaps.eco!.proposals)[0]!;
    m.ok(FACILITATOR, { type: 'ecomap.declineProposal', payload: { itemId, proposalId: proposal.id, reason: 'The courts cover it' } });
    show(EcoMapPhone, m, { role: 'participant', participantId: 'p-ben' });
    expect(screen.getByRole('list', { name: 'Your proposals' }).textContent).toContain('Not added: The courts cover it');
    cleanup();
    show(EcoMapPhone, m, { role: 'participant', participantId: 'p-ana' });
    expect(screen.queryByRole('list', { name: 'Your proposals' })).toBeNull();
  });
});

describe('the eco-map on the board', () => {
  it('before the results: the partners and "N have marked", no marks and no legend', () => {
    const { m } = room();
    const { container } = show(EcoMapBoard, m, { role: 'board' });
    expect(screen.getByText('2 have marked.')).toBeInstanceOf(HTMLElement);
    expect(container.querySelectorAll('.ecomap-label')).toHaveLength(STARTER_PARTNERS.length);
    expect(container.querySelectorAll('.ecomap-dots')).toHaveLength(0);
    expect(container.querySelector('.ecomap-legend')).toBeNull();
  });

  it('after: every partner with its counts per mark, the consensus, the split marked, and the legend', () => {
    const { m } = room({ vote: 'closed', shown: true });
    show(EcoMapBoard, m, { role: 'board' });
    expect(screen.getByRole('img', { name: 'Courts and judges: Green 1, Yellow 0, Red 1, No dot 0; the room is split' })).toBeInstanceOf(SVGElement);
    expect(screen.getByRole('img', { name: 'Tribes: Green 0, Yellow 1, Red 0, No dot 0; consensus Yellow' })).toBeInstanceOf(SVGElement);
    expect(screen.getByRole('img', { name: 'Youth: no marks' })).toBeInstanceOf(SVGElement);
    expect(screen.getByText(/Keeping positive involvement/)).toBeInstanceOf(HTMLElement);
  });
});

describe('the eco-map on the console', () => {
  it('live counts with consensus and split, the proposal queue, the plan grouped by consensus colour under the seed’s meanings', () => {
    const { m } = room({ vote: 'closed', shown: true });
    show(EcoMapConsole, m, { role: 'facilitator' });
    expect(screen.getByText('2 have marked.')).toBeInstanceOf(HTMLElement);
    const courts = within(screen.getByRole('table', { name: 'Results (shown on the board and phones)' })).getByRole('row', { name: /^Courts and judges/ });
    expect(within(courts).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '1', '0', '2', 'Room split']);
    expect(screen.getByRole('button', { name: 'Accept Juvenile probation' })).toBeInstanceOf(HTMLElement);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent?.trim());
    expect(headings).toEqual([expect.stringContaining('Improving relationships and enhancing involvement'), expect.stringContaining('Room split'), expect.stringContaining('Not marked')]);
    expect(screen.getByRole('button', { name: 'Add the starter set' })).toHaveProperty('disabled', true);
  });
});
