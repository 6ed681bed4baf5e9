import { beforeEach, describe, expect, it } from 'vitest';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { noteById } from '../../shared/session/notes.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';
import { toMarkdown } from '../../shared/report/markdown.js';
import { buildReport } from '../../shared/report/session.js';
import { reportOptions } from '../support/reportDay.js';

let m: SessionModel;
let ana: Actor;
const SECRET = 'Caseworker Jones drinks on the job';
const BOARD: Viewer = { role: 'board' };
const BEN: Viewer = { role: 'participant', participantId: 'ben' };
const ANA: Viewer = { role: 'participant', participantId: 'ana' };
const OTHERS = [BOARD, BEN, { role: 'participant', participantId: null } as Viewer];
const screen = (v: Viewer) => reduce(m.events.map((e) => eventFor(e, v)));
const hide = (hidden: boolean) => m.run(FACILITATOR, { type: 'flow.hide', payload: { noteId: 'n-secret', hidden } });
const step = (to: 'reveal' | 'cluster' | 'vote' | 'results' | 'brainstorm') => m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to } });

beforeEach(() => {
  m = new SessionModel([agendaItem('swot', 'swot')]);
  ana = m.join('ana', 'Ana');
  m.join('ben', 'Ben');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Weaknesses', text: SECRET } }, 'n-secret');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'Good data team' } }, 'n-ok');
});

describe('a note hidden by the facilitator before the reveal', () => {
  it('never reaches the board or other phones, in events or snapshots, through the reveal and after', () => {
    expect(hide(true)).toBeNull();
    step('reveal');
    m.ok(FACILITATOR, { type: 'note.edit', payload: { noteId: 'n-secret', text: `${SECRET}!` } });
    step('cluster');
    for (const v of OTHERS) {
      const wire = JSON.stringify(m.events.map((e) => eventFor(e, v)));
      expect(wire).not.toContain('drinks');
      expect(JSON.stringify(stateFor(m.state, v))).not.toContain('drinks');
      expect(noteById(stateFor(m.state, v), 'n-secret')).toBeUndefined();
    }
    // Nor does it count on the board once hidden (during the brainstorm the board counts stand-ins).
    expect(noteById(screen(BOARD), 'n-secret')).toBeUndefined();
    expect(noteById(screen(BOARD), 'n-ok')?.text).toBe('Good data team');
  });

  it('its author still has it, marked hidden, and so does the facilitator; it is out of the vote and the report', () => {
    hide(true);
    step('reveal');
    expect(noteById(screen(ANA), 'n-secret')).toMatchObject({ text: SECRET, withheld: true });
    expect(noteById(stateFor(m.state, ANA), 'n-secret')).toMatchObject({ text: SECRET, withheld: true });
    expect(noteById(m.state, 'n-secret')).toMatchObject({ text: SECRET, withheld: true });
    step('cluster');
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: 'vote' } });
    expect(m.run(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-secret' }, delta: 1 } })?.code).toBe('not_found');
    expect(toMarkdown(buildReport(m.state, reportOptions(true)))).not.toContain('drinks');
    expect(toMarkdown(buildReport(m.state, reportOptions(true)))).toContain('Good data team');
  });

  it('can be hidden only before the reveal; shown again then, it is a stand-in for others until the reveal', () => {
    hide(true);
    expect(hide(true)?.message).toBe('That note is already hidden.');
    expect(hide(false)).toBeNull();
    expect(noteById(screen(BOARD), 'n-secret')).toMatchObject({ text: '', hidden: true });
    expect(noteById(m.state, 'n-secret')?.withheld).toBeUndefined();
    step('reveal');
    expect(noteById(screen(BEN), 'n-secret')?.text).toBe(SECRET);
    expect(hide(true)?.message).toBe('A note can be hidden only during the silent brainstorm, before the room sees it.');
    expect(m.run(ana, { type: 'flow.hide', payload: { noteId: 'n-ok', hidden: true } })?.code).toBe('forbidden');
    expect(m.run(FACILITATOR, { type: 'flow.hide', payload: { noteId: 'toString', hidden: true } })?.code).toBe('not_found');
  });

  it('a deleted hidden note comes back hidden', () => {
    hide(true);
    m.ok(FACILITATOR, { type: 'note.delete', payload: { noteId: 'n-secret' } });
    m.ok(FACILITATOR, { type: 'note.restore', payload: { noteId: 'n-secret' } });
    expect(noteById(m.state, 'n-secret')?.withheld).toBe(true);
    for (const v of OTHERS) expect(noteById(screen(v), 'n-secret')).toBeUndefined();
    expect(flowOf(m.state, 'swot').phase).toBe('brainstorm');
  });

  for (const at of ['reveal', 'cluster', 'vote', 'results'] as const)
    it(`can be shown to the room at the ${at} step without stepping back: every screen gets it in full, anonymous`, () => {
      hide(true);
      for (const to of ['reveal', 'cluster', 'vote', 'results'] as const) {
        step(to);
        if (to === at) break;
      }
      expect(hide(false)).toBeNull();
      expect(flowOf(m.state, 'swot').phase).toBe(at);
      for (const v of OTHERS) {
        expect(noteById(screen(v), 'n-secret')).toMatchObject({ text: SECRET, authorName: '', column: 'Weaknesses' });
        expect(noteById(stateFor(m.state, v), 'n-secret')).toMatchObject({ text: SECRET, authorName: '' });
        expect(noteById(screen(v), 'n-secret')?.hidden).toBeUndefined();
      }
      expect(noteById(screen(ANA), 'n-secret')).toMatchObject({ text: SECRET, authorName: 'Ana' });
      expect(noteById(screen(ANA), 'n-secret')?.withheld).toBeUndefined();
      const dot = m.run(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-secret' }, delta: 1 } });
      expect(dot?.message ?? null).toBe(at === 'vote' ? null : at === 'results' ? 'The vote is over.' : 'Voting has not started yet.');
      expect(toMarkdown(buildReport(m.state, reportOptions(true)))).toContain('drinks');
    });
});
