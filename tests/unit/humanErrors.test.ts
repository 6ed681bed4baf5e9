import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../shared/protocol/humanize.js';
import { JoinRequest } from '../../shared/protocol/join.js';
import { COMMAND_TYPES, resolveRecipe } from '../support/arbitraries.js';
import { agendaItem } from '../support/sessionModel.js';
import { LIBRARY_PHRASES } from '../support/phrases.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { loadProtocol, reduce } from '../../shared/modules/registry.js';

const { Command } = await loadProtocol();


const state = reduce([
  {
    type: 'session.created',
    id: 's1',
    title: 'Retreat',
    joinCode: 'ABCDEF',
    agenda: [agendaItem('board1', 'board', ['Strengths']), agendaItem('swot1', 'swot'), agendaItem('vision1', 'vision')],
    seq: 1,
    at: 1,
  } as SessionEvent,
]);

/** A well-formed example of every command type (the recipes resolved against a small session). */
const examples = COMMAND_TYPES.map((type) =>
  resolveRecipe(state, { type, actor: 0, picks: [1, 1, 1, 1], text: 'Caring staff', flag: true, num: 1 }),
);

const BAD_VALUES: unknown[] = [undefined, null, '', ' ', 'x'.repeat(5000), -1, 1.5, 1e12, true, {}, [], ['a'], { a: 1 }, '__proto__', NaN];

/** Every way to break one well-formed payload: each field (at any depth) missing or replaced by each bad value. */
function broken(payload: unknown, depth = 0): unknown[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || depth > 2) return BAD_VALUES;
  const out: unknown[] = [...BAD_VALUES.filter((v) => typeof v !== 'object' || v === null), { ...payload, unknownField: 1 }];
  for (const [key, value] of Object.entries(payload)) {
    const { [key]: _gone, ...rest } = payload as Record<string, unknown>;
    out.push(rest);
    for (const bad of broken(value, depth + 1)) out.push({ ...payload, [key]: bad });
  }
  return out;
}

const refusal = (raw: unknown): string | null => {
  const parsed = Command.safeParse(raw);
  return parsed.success ? null : describeIssues(parsed.error);
};

describe('every refusal of bad input is our own sentence', () => {
  it('the well-formed examples pass (so the broken ones below test the fields)', () => {
    for (const body of examples) expect(refusal({ id: 'example-id-1', ...body }), body.type).toBeNull();
  });

  it('every command type with each field missing, of the wrong type, empty, too long or unknown', () => {
    let refused = 0;
    for (const body of examples) {
      for (const payload of broken(body.payload)) {
        const message = refusal({ id: 'broken-id-1', type: body.type, payload });
        if (message === null) continue;
        refused++;
        expect(message, `${body.type} ${JSON.stringify(payload)?.slice(0, 120)}`).not.toMatch(LIBRARY_PHRASES);
        expect(message).toMatch(/^[A-Z"].*[.!?]$/);
      }
    }
    expect(refused).toBeGreaterThan(1500);
  });

  it('names the field as a person would', () => {
    const note = (payload: unknown) => refusal({ id: 'note-id-123', type: 'note.add', payload });
    expect(note({ itemId: 'board1', text: 'Hello' })).toBe('The column is missing.');
    expect(note({ itemId: 'board1', column: 'Strengths', text: '   ' })).toBe('A note cannot be empty.');
    expect(note({ itemId: 'board1', column: 'Strengths', text: 'x'.repeat(501) })).toBe('A note can be at most 500 characters.');
    expect(note({ itemId: 'board1', column: 5, text: 'Hi' })).toBe('The column should be text.');
    expect(note({ itemId: 'board1', column: 'Strengths', text: 'Hi', color: 'red' })).toBe('We do not know the field "color" here.');
    expect(note({ itemId: 'bad id!', column: 'Strengths', text: 'Hi' })).toBe('The agenda item has characters that are not allowed.');
    expect(refusal({ id: 'note-id-123', type: 'note.shout', payload: {} })).toBe('We do not know that kind of command.');
    expect(refusal({ id: 'short', type: 'timer.start', payload: {} })).toBe('A command id is at least 8 characters.');
    expect(refusal({ id: 'timer-id-1', type: 'timer.extend', payload: { minutes: 7 } })).toMatch(/^The extra time /);
    expect(
      refusal({ id: 'agenda-id-1', type: 'agenda.addItem', payload: { item: { title: 'Lunch', plannedMinutes: 0, moduleType: 'board' } } }),
    ).toBe('At least 1 minute.');
  });

  it('any value at all sent as a command or a join gets a sentence of ours', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...COMMAND_TYPES), (payload, type) => {
        for (const raw of [payload, { id: 'fuzzed-id-1', type, payload }]) {
          const message = refusal(raw);
          if (message !== null) expect(message).not.toMatch(LIBRARY_PHRASES);
        }
        const join = JoinRequest.safeParse(payload);
        if (!join.success) expect(describeIssues(join.error)).not.toMatch(LIBRARY_PHRASES);
      }),
      { numRuns: 2000 },
    );
  });

  it('joins: missing or malformed fields are named', () => {
    const join = (raw: unknown) => {
      const r = JoinRequest.safeParse(raw);
      return r.success ? null : describeIssues(r.error);
    };
    expect(join({ role: 'participant', protocol: 1, joinCode: 'AB' })).toBe('A join code is 6 letters and digits.');
    expect(join({ role: 'participant', protocol: 1 })).toBe('The join code is missing.');
    expect(join({ role: 'chef', protocol: 1 })).toBe('Say whether you join as the facilitator, a participant or the board.');
    expect(join({ role: 'participant', protocol: 1, joinCode: 'ABCDEF', name: ' ' })).toBe('Please enter your name.');
  });
});
