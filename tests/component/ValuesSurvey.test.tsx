// @vitest-environment jsdom
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ValuesBoard, ValuesConsole, ValuesPhone, ValuesReportPreview } from '../../client/modules/values/screens.js';
import { getClient, useSession } from '../../client/store.js';
import { emptySnapshot } from '../../client/net/sessionClient.js';
import { eventFor, reduce } from '../../shared/modules/registry.js';
import { STARTER_VALUES, surveyOf } from '../../shared/modules/values/values.state.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import type { SessionState } from '../../shared/session/state.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
afterAll(() => getClient().close());

const ITEM = agendaItem('v1', 'values');
const rater = (m: SessionModel, id: string): Actor => {
  m.join(id, id);
  return { role: 'participant', participantId: id, name: id, ballot: `ballot-${id}` };
};

/**
 * A survey run through the real decide and apply: the starter list, a proposal accepted and one waiting, the survey
 * open, Ana and Ben rating. Ana: Partnership 5/2, Shared responsibility 4/-. Ben: Partnership 4/3.
 */
function survey() {
  const m = new SessionModel([ITEM]);
  const ana = rater(m, 'p-ana');
  const ben = rater(m, 'p-ben');
  m.ok(FACILITATOR, { type: 'values.addValues', payload: { itemId: 'v1', values: STARTER_VALUES.map((v) => ({ ...v })) } });
  m.ok(ben, { type: 'values.propose', payload: { itemId: 'v1', text: 'Transparency' } });
  m.ok(ben, { type: 'values.propose', payload: { itemId: 'v1', text: 'Courage' } });
  const transparency = Object.values(surveyOf(m.state, 'v1').proposals).find((p) => p.text === 'Transparency');
  m.ok(FACILITATOR, { type: 'values.acceptProposal', payload: { itemId: 'v1', proposalId: transparency?.id ?? '' } });
  m.ok(FACILITATOR, { type: 'values.setPhase', payload: { itemId: 'v1', phase: 'open' } });
  const id = (name: string) => Object.values(surveyOf(m.state, 'v1').values).find((v) => v.name === name)?.id ?? '';
  const rate = (who: Actor, name: string, scale: 'importance' | 'practice', score: number | null) =>
    m.ok(who, { type: 'values.rate', payload: { itemId: 'v1', valueId: id(name), scale, score } });
  rate(ana, 'Partnership', 'importance', 5);
  rate(ana, 'Partnership', 'practice', 2);
  rate(ana, 'Shared responsibility', 'importance', 4);
  rate(ben, 'Partnership', 'importance', 4);
  rate(ben, 'Partnership', 'practice', 3);
  return { m, id, rate, ana, ben };
}

/** The state a viewer's screen holds: every event as the server shapes it for that viewer, through the reducer. */
const seenBy = (m: SessionModel, viewer: Viewer): SessionState => reduce(m.events.map((e) => eventFor(e, viewer)));
const show = (state: SessionState, role: 'facilitator' | 'board' | 'participant', participantId: string | null = null) =>
  useSession.setState({ ...emptySnapshot(), role, participantId, sessionId: 's1', state }, true);
const phoneOf = (m: SessionModel, id: string) => show(seenBy(m, { role: 'participant', participantId: id, ballot: `ballot-${id}` }), 'participant', id);

describe('the values console', () => {
  it('lists the values in order with live answered counts, the waiting proposal, and the respondents', () => {
    const { m } = survey();
    show(m.state, 'facilitator');
    render(<ValuesConsole item={ITEM} />);
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('2 people have answered');
    const list = screen.getByRole('region', { name: /^Values/ });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.vs-value-row-name')?.textContent)).toEqual([...STARTER_VALUES.map((v) => v.name), 'Transparency']);
    const answers = (name: string) => rows.find((r) => r.querySelector('.vs-value-row-name')?.textContent === name)?.querySelector('.vs-answered')?.textContent;
    expect(answers('Partnership')).toBe('2 answers');
    expect(answers('Shared responsibility')).toBe('1 answer');
    expect(answers('Empowerment')).toBe('0 answers');
    const proposals = screen.getByRole('region', { name: 'Proposed values (1 waiting)' });
    expect(within(proposals).getByText('Courage')).toBeInstanceOf(HTMLElement);
    expect(within(proposals).getByText('· from p-ben')).toBeInstanceOf(HTMLElement);
    // The starter list is all there: nothing more to add.
    expect((screen.getByRole('button', { name: /^Add the starter list/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Close the survey' })).toBeInstanceOf(HTMLButtonElement);
  });

  it('ranks the results by gap, the top-gap values marked, and offers their follow-up', () => {
    const { m } = survey();
    show(m.state, 'facilitator');
    render(<ValuesConsole item={ITEM} />);
    const table = screen.getByRole('table', { name: /Results ranked by gap/ });
    const first = within(table).getAllByRole('row')[1];
    expect(first?.textContent).toBe('1PartnershipTop gap24.52.52.0');
    expect(screen.getByRole('region', { name: 'Actions for Partnership' })).toBeInstanceOf(HTMLElement);
    expect(screen.queryByRole('region', { name: 'Actions for Shared responsibility' })).toBeNull();
  });

  it('sends what the facilitator does, and refuses an empty value in our words', () => {
    const { m } = survey();
    const client = getClient();
    show(m.state, 'facilitator');
    render(<ValuesConsole item={ITEM} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add value' }));
    expect(screen.getByRole('alert').textContent).toBe('A value needs a name.');
    fireEvent.click(screen.getByRole('button', { name: 'Accept Courage' }));
    expect(client.snap.queued.at(-1)).toMatchObject({ type: 'values.acceptProposal', payload: { itemId: 'v1' } });
  });
});

describe('the values phone', () => {
  it('shows the scale words on large buttons, its own answers marked, and nobody else’s', () => {
    const { m } = survey();
    phoneOf(m, 'p-ana');
    render(<ValuesPhone item={ITEM} />);
    const partnership = screen.getByRole('heading', { name: 'Partnership' }).closest('li') as HTMLElement;
    const five = within(partnership).getByRole('button', { name: 'Partnership, Importance: 5, Essential' });
    expect(five.getAttribute('aria-pressed')).toBe('true');
    expect(five.textContent).toBe('5Essential');
    expect(within(partnership).getByRole('button', { name: 'Partnership, Practice: 2, Rarely lived' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(partnership).getAllByRole('button', { pressed: true })).toHaveLength(2);
    expect(within(partnership).getByText('5, Essential')).toBeInstanceOf(HTMLElement);
    expect(within(partnership).getAllByRole('button', { name: /^Withdraw/ })).toHaveLength(2);
    cleanup();
    phoneOf(m, 'p-ben');
    render(<ValuesPhone item={ITEM} />);
    const shared = screen.getByRole('heading', { name: 'Shared responsibility' }).closest('li') as HTMLElement;
    expect(within(shared).queryAllByRole('button', { pressed: true })).toHaveLength(0);
    // Ben's proposals with their status.
    const mine = screen.getByRole('list', { name: 'Your proposals' });
    expect(mine.textContent).toContain('Accepted as “Transparency”.');
    expect(mine.textContent).toContain('Waiting for the facilitator.');
  });

  it('keeps a rating that was not counted, says why, and offers to send it again once the survey reopens', () => {
    const { m, id } = survey();
    m.ok(FACILITATOR, { type: 'values.setPhase', payload: { itemId: 'v1', phase: 'closed' } });
    // As the phone's client keeps a refused rating (also one queued offline and refused after a reload).
    const reason = 'The survey closed before your answer arrived, so it was not counted.';
    const rated = { type: 'values.rate', payload: { itemId: 'v1', valueId: id('Empowerment'), scale: 'practice', score: 4 } } as const;
    const unsent = [{ command: { id: 'rate-1', ...rated }, reason }];
    const keep = () => useSession.setState({ unsent });
    phoneOf(m, 'p-ana');
    keep();
    render(<ValuesPhone item={ITEM} />);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('Not counted: your practice answer 4, Mostly lived.');
    expect(note.textContent).toContain('The survey closed before your answer arrived, so it was not counted.');
    expect(within(note).queryByRole('button', { name: 'Send it again' })).toBeNull();
    expect(screen.getByText('The survey is closed.')).toBeInstanceOf(HTMLElement);
    expect((screen.getAllByRole('button', { name: /^Partnership, Importance/ })[0] as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    m.ok(FACILITATOR, { type: 'values.setPhase', payload: { itemId: 'v1', phase: 'open' } });
    phoneOf(m, 'p-ana');
    keep();
    render(<ValuesPhone item={ITEM} />);
    fireEvent.click(within(screen.getByRole('note')).getByRole('button', { name: 'Send it again' }));
    expect(getClient().snap.queued.at(-1)).toMatchObject({ type: 'values.rate', payload: { itemId: 'v1', valueId: id('Empowerment'), scale: 'practice', score: 4 } });
  });
});

describe('the values board', () => {
  it('shows live counts before the results, and no tallies', () => {
    const { m } = survey();
    show(seenBy(m, { role: 'board' }), 'board');
    render(<ValuesBoard item={ITEM} />);
    expect(screen.getByText('2 people have answered')).toBeInstanceOf(HTMLElement);
    const values = screen.getAllByRole('listitem');
    expect(values).toHaveLength(STARTER_VALUES.length + 1);
    expect(values.find((v) => v.textContent?.includes('Partnership'))?.textContent).toContain('2 answers');
    expect(screen.queryByRole('list', { name: 'Results ranked by gap' })).toBeNull();
  });

  it('once shown: the results ranked by gap, both scales side by side with means and the gap', () => {
    const { m } = survey();
    m.ok(FACILITATOR, { type: 'values.showResults', payload: { itemId: 'v1', shown: true } });
    show(seenBy(m, { role: 'board' }), 'board');
    render(<ValuesBoard item={ITEM} />);
    const results = within(screen.getByRole('list', { name: 'Results ranked by gap' })).getAllByRole('listitem', { name: '' });
    const first = results[0] as HTMLElement;
    expect(first.className).toContain('vs-result--top');
    expect(first.querySelector('.vs-result-name')?.textContent).toBe('Partnership');
    expect(first.textContent).toContain('gap 2.0');
    expect(within(first).getByRole('figure', { name: 'Importance: mean 4.5, 2 answers' })).toBeInstanceOf(HTMLElement);
    expect(within(first).getByRole('figure', { name: 'Practice: mean 2.5, 2 answers' })).toBeInstanceOf(HTMLElement);
  });
});

describe('the values report preview', () => {
  it('shows the section as it would print: counts, means and gaps, never a ballot', () => {
    const { m } = survey();
    show(m.state, 'facilitator');
    const { container } = render(<ValuesReportPreview item={ITEM} />);
    expect(screen.getByText('The report holds the counts, means and gaps only: never who gave which answer.')).toBeInstanceOf(HTMLElement);
    expect(container.textContent).toContain('Partnership');
    expect(container.textContent).toContain('2.0');
    expect(container.textContent).not.toContain('ballot-');
  });
});

describe('who needs to be involved', () => {
  it('two quick Adds before the room’s list catches up keep both entries', () => {
    const { m } = survey();
    const client = getClient();
    show(m.state, 'facilitator');
    render(<ValuesConsole item={ITEM} />);
    const add = (text: string) => {
      fireEvent.change(screen.getByLabelText('Add who'), { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    };
    add('Courts');
    add('Tribes');
    expect(client.snap.queued.at(-1)).toMatchObject({ type: 'values.setInvolve', payload: { itemId: 'v1', involve: ['Courts', 'Tribes'] } });
  });
});
