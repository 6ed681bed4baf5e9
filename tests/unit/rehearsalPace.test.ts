import { describe, expect, it } from 'vitest';
import { apply, loadProtocol, reduce } from '../../shared/modules/registry.js';
import { paceOf } from '../../shared/modules/rehearsal/rehearsal.logic.js';
import { MAX_PACE, SAY_PACE } from '../../shared/modules/rehearsal/rehearsal.state.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { agendaItem, FACILITATOR, SessionModel } from '../support/sessionModel.js';

await loadProtocol();

const created = (rehearsal: boolean): SessionEvent =>
  ({ type: 'session.created', id: 's1', title: 'T', joinCode: 'ABCDEF', agenda: [agendaItem('b1', 'board')], ...(rehearsal ? { rehearsal: true } : {}), seq: 1, at: 1 }) as SessionEvent;

describe("a rehearsal's pace in the log", () => {
  it('is set whole, one field at a time keeps the other, and a real session refuses it in our sentence', () => {
    const m = new SessionModel([agendaItem('b1', 'board')]);
    m.state = { ...m.state, rehearsal: true };
    expect(paceOf(m.state)).toEqual({ pace: 6, paused: false });
    m.ok(FACILITATOR, { type: 'rehearsal.pace', payload: { pace: 30 } });
    m.ok(FACILITATOR, { type: 'rehearsal.pace', payload: { paused: true } });
    expect(m.events.at(-1)).toMatchObject({ type: 'rehearsal.paced', pace: 30, paused: true });
    expect(paceOf(m.state)).toEqual({ pace: 30, paused: true });
    const real = new SessionModel([agendaItem('b1', 'board')]);
    expect(real.run(FACILITATOR, { type: 'rehearsal.pace', payload: { pace: 30 } })?.message).toBe(SAY_PACE.notRehearsal);
  });

  it('a participant cannot set it', () => {
    const m = new SessionModel([agendaItem('b1', 'board')]);
    m.state = { ...m.state, rehearsal: true };
    const p = m.join('p1');
    expect(m.run(p, { type: 'rehearsal.pace', payload: { paused: true } })).not.toBeNull();
  });

  it('applying an odd stored event never throws, and keeps the pace within the cap', () => {
    const s = reduce([created(true)]);
    for (const [odd, pace] of [
      [{ pace: 0, paused: false }, 1],
      [{ pace: 1e9, paused: true }, MAX_PACE],
      [{ pace: 'fast' }, 6],
      [{}, 6],
    ] as const) {
      const e = { type: 'rehearsal.paced', ...odd, seq: 2, at: 2 } as unknown as SessionEvent;
      expect(() => apply(s, e)).not.toThrow();
      expect(paceOf(apply(s, e)).pace).toBe(pace);
    }
  });
});
