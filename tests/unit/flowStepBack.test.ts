import { beforeEach, describe, expect, it } from 'vitest';
import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { PHASES, type Phase } from '../../shared/modules/flow/flow.state.js';
import { noteById } from '../../shared/session/notes.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { Viewer } from '../../shared/session/visibility.js';
import { eventFor, reduce, stateFor } from '../../shared/modules/registry.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

let m: SessionModel;
let ana: Actor;
let ben: Actor;
const BOARD: Viewer = { role: 'board' };
const BEN: Viewer = { role: 'participant', participantId: 'ben' };
const ANA: Viewer = { role: 'participant', participantId: 'ana' };
/** What a screen holds after receiving every event as shaped for it. */
const screen = (v: Viewer) => reduce(m.events.map((e) => eventFor(e, v)));
const phase = () => flowOf(m.state, 'swot').phase;
const advanceTo = (to: Phase) => {
  while (phase() !== to) m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to: PHASES[PHASES.indexOf(phase()) + 1]! } });
};
const back = (to: Phase, dots?: 'keep' | 'clear') => m.run(FACILITATOR, { type: 'flow.advance', payload: { itemId: 'swot', to, ...(dots ? { dots } : {}) } });

beforeEach(() => {
  m = new SessionModel([agendaItem('swot', 'swot')]);
  ana = m.join('ana');
  ben = m.join('ben');
  m.ok(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Strengths', text: 'Ana strong courts' } }, 'n-ana');
  m.ok(ben, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'Ben budget cuts' } }, 'n-ben');
});

describe('step back', () => {
  it('goes back one step only, facilitator only', () => {
    advanceTo('cluster');
    expect(back('brainstorm')?.message).toBe('The next step is dot vote.');
    expect(m.run(ana, { type: 'flow.advance', payload: { itemId: 'swot', to: 'reveal' } })?.code).toBe('forbidden');
    expect(back('reveal')).toBeNull();
    expect(phase()).toBe('reveal');
  });

  it('back to the brainstorm after the reveal: the notes are private again on the board and other phones, and posting reopens', () => {
    advanceTo('reveal');
    expect(noteById(screen(BOARD), 'n-ana')?.text).toBe('Ana strong courts');
    expect(back('brainstorm')).toBeNull();
    for (const s of [screen(BOARD), screen(BEN), stateFor(m.state, BOARD), stateFor(m.state, BEN)]) {
      expect(noteById(s, 'n-ana')).toMatchObject({ text: '', hidden: true });
    }
    // Each author and the facilitator still read their own.
    expect(noteById(screen(BEN), 'n-ben')?.text).toBe('Ben budget cuts');
    expect(noteById(screen(ANA), 'n-ana')?.text).toBe('Ana strong courts');
    expect(noteById(m.state, 'n-ben')?.text).toBe('Ben budget cuts');
    expect(m.run(ana, { type: 'note.add', payload: { itemId: 'swot', column: 'Threats', text: 'One more' } })).toBeNull();
    advanceTo('reveal');
    expect(noteById(screen(BOARD), 'n-ana')?.text).toBe('Ana strong courts');
  });

  it('back from the vote asks whether the dots stay, then keeps or clears them on every screen', () => {
    advanceTo('vote');
    m.ok(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-ben' }, delta: 1 } });
    expect(back('cluster')?.message).toBe('Say whether the dots placed so far stay or are cleared when you go back to cluster.');
    expect(phase()).toBe('vote');
    expect(back('cluster', 'keep')).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual({ ana: { 'note:n-ben': 1 } });
    advanceTo('vote');
    expect(back('cluster', 'clear')).toBeNull();
    expect(flowOf(m.state, 'swot').dots).toEqual({});
    expect(flowOf(screen(ANA), 'swot').dots).toEqual({});
  });

  it('back from the results takes the totals off every screen and reopens the vote', () => {
    advanceTo('vote');
    m.ok(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-ben' }, delta: 1 } });
    advanceTo('results');
    expect(flowOf(screen(BOARD), 'swot').totals).toEqual({ 'note:n-ben': 1 });
    expect(back('vote')).toBeNull();
    expect(flowOf(screen(BOARD), 'swot').totals).toBeNull();
    expect(m.run(ana, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind: 'note', id: 'n-ana' }, delta: 1 } })).toBeNull();
  });
});
