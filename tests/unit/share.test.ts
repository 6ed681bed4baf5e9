import { describe, expect, it } from 'vitest';
import type { ReportScope } from '../../shared/report/model.js';
import type { CommandBody } from '../../shared/protocol/commands.js';
import { eventFor, stateFor } from '../../shared/modules/registry.js';
import { agendaItem, FACILITATOR, groupedPair, SessionModel } from '../support/sessionModel.js';

const share = (scope: ReportScope): CommandBody => ({ type: 'report.share', payload: { scope } });
const UNSHARE: CommandBody = { type: 'report.unshare', payload: {} };

describe('sharing a report with the room', () => {
  it('is the facilitator’s alone; each share makes a new link, and stopping takes it away', () => {
    const m = new SessionModel([agendaItem('board', 'board', ['Notes']), agendaItem('swot', 'swot')]);
    const ana = m.join('p-ana');
    expect(m.run(ana, share({ kind: 'session' }))?.code).toBe('forbidden');
    expect(m.run({ role: 'board' }, share({ kind: 'session' }))?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, UNSHARE)).toEqual({ code: 'conflict', message: 'No report is shared with the room right now.' });

    m.ok(FACILITATOR, share({ kind: 'session' }));
    const first = m.state.sharedReport;
    expect(first?.scope).toEqual({ kind: 'session' });
    // The session id, a dot, then the secret part (two fresh ids).
    expect(first?.shareId).toMatch(/^s1\.id\d+id\d+$/);

    m.ok(FACILITATOR, share({ kind: 'item', itemId: 'swot' }));
    expect(m.state.sharedReport?.scope).toEqual({ kind: 'item', itemId: 'swot' });
    expect(m.state.sharedReport?.shareId).not.toBe(first?.shareId);
    expect(m.run(FACILITATOR, { type: 'report.share', payload: { scope: { kind: 'session' }, timeZone: 'Mars/Olympus' } })).toEqual({
      code: 'invalid',
      message: '"Mars/Olympus" is not a time zone we know.',
    });
    m.ok(FACILITATOR, { type: 'report.share', payload: { scope: { kind: 'session' }, timeZone: 'America/Chicago' } });
    expect(m.state.sharedReport).toMatchObject({ scope: { kind: 'session' }, timeZone: 'America/Chicago' });

    expect(m.run(ana, UNSHARE)?.code).toBe('forbidden');
    m.ok(FACILITATOR, UNSHARE);
    expect(m.state.sharedReport).toBeUndefined();
    expect('sharedReport' in m.state).toBe(false);
  });

  it('refuses an item or a group that does not exist, including prototype names', () => {
    const m = new SessionModel([agendaItem('swot', 'swot')]);
    for (const itemId of ['nope', 'constructor', '__proto__'])
      expect(m.run(FACILITATOR, share({ kind: 'item', itemId }))).toEqual({ code: 'not_found', message: 'There is no such agenda item in this session.' });
    for (const groupId of ['nope', 'toString'])
      expect(m.run(FACILITATOR, share({ kind: 'group', itemId: 'swot', groupId }))).toEqual({
        code: 'not_found',
        message: 'There is no such group in this agenda item.',
      });
    expect(m.state.sharedReport).toBeUndefined();
  });

  it('shares a group of a brainstorm item', () => {
    const m = new SessionModel([agendaItem('swot', 'swot')]);
    const ana = m.join('p-ana');
    groupedPair(m, ana);
    const groupId = Object.keys(m.state.flows.swot?.groups ?? {})[0] ?? '';
    m.ok(FACILITATOR, share({ kind: 'group', itemId: 'swot', groupId }));
    expect(m.state.sharedReport?.scope).toEqual({ kind: 'group', itemId: 'swot', groupId });
  });

  it('stays possible after the session ended (the results are what the room takes home)', () => {
    const m = new SessionModel([agendaItem('board', 'board', ['Notes'])]);
    m.ok(FACILITATOR, { type: 'session.end', payload: {} });
    m.ok(FACILITATOR, share({ kind: 'session' }));
    m.ok(FACILITATOR, UNSHARE);
    expect(m.run(FACILITATOR, { type: 'agenda.next', payload: {} })?.message).toBe('This session has ended: it is read-only now.');
  });

  it('reaches every screen while shared: phones and the board need the link', () => {
    const m = new SessionModel([agendaItem('board', 'board', ['Notes'])]);
    m.ok(FACILITATOR, share({ kind: 'session' }));
    const event = m.events.at(-1)!;
    for (const viewer of [{ role: 'board' }, { role: 'participant', participantId: 'p-ana' }] as const) {
      expect(eventFor(event, viewer)).toEqual(event);
      expect(stateFor(m.state, viewer).sharedReport).toEqual(m.state.sharedReport);
    }
  });
});
