import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, CommandInput } from '../../shared/protocol/commands.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { SessionState } from '../../shared/session/state.js';
import { keyedValues } from '../../shared/session/keyed.js';
import { type Viewer } from '../../shared/session/visibility.js';
import { actorFor, ballotOf, commandRecipe, COMMAND_TYPES, exists, PROTOTYPE_NAMES, referencesOf, resolveRecipe } from '../support/arbitraries.js';
import { agendaItem } from '../support/sessionModel.js';
import { apply, applyOrSkip, decide, decideCommand, emptyState, eventFor, loadProtocol, reduce, stateFor } from '../../shared/modules/registry.js';

const { Command: CommandSchema, commandTypes } = await loadProtocol();

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A screen's copy, leaving out when a private note it only counts was last edited (the edit itself is hidden). */
const seen = (s: SessionState): SessionState => ({
  ...json(s),
  notes: json(keyedValues(s.notes).map((n) => (n.hidden ? { ...n, updatedAt: 0 } : n)).sort((a, b) => a.id.localeCompare(b.id))) as never,
  // No late input at all and an empty record of it are the same to a screen.
  late: json(keyedValues(s.late ?? []).sort((a, b) => a.id.localeCompare(b.id))) as never,
});

const VIEWERS: Viewer[] = [
  { role: 'board' },
  { role: 'participant', participantId: 'p1', ballot: ballotOf('p1') },
  { role: 'participant', participantId: 'p2', ballot: ballotOf('p2') },
];

const P1: Actor = { role: 'participant', participantId: 'p1', name: 'Ana' };
const P2: Actor = { role: 'participant', participantId: 'p2', name: 'José' };
const FAC: Actor = { role: 'facilitator' };

/**
 * A session part-way through a day, so random commands meet every step: one flow item clustering with a group,
 * one (whose id is itself a prototype member name) in the vote, a vision item with a fist-to-five open.
 */
function start(): SessionEvent[] {
  const agenda = [
    agendaItem('board1', 'board', ['Strengths', 'Weaknesses']),
    agendaItem('swot1', 'swot'),
    agendaItem('hasOwnProperty', 'swot'),
    agendaItem('vision1', 'vision'),
    agendaItem('groups1', 'workgroups'),
    agendaItem('ro1', 'reportout'),
    agendaItem('syn1', 'synthesis'),
    agendaItem('ns1', 'nextsteps'),
    agendaItem('values1', 'values'),
    agendaItem('eco1', 'ecomap'),
  ];
  const events: SessionEvent[] = [
    { type: 'session.created', id: 's1', title: 'Retreat', joinCode: 'ABCDEF', agenda, seq: 1, at: 1000 },
    { type: 'participant.joined', participantId: 'p1', name: 'Ana', seq: 2, at: 1000 },
    { type: 'participant.joined', participantId: 'p2', name: 'José', seq: 3, at: 1000 },
  ];
  let state = reduce(events);
  let n = 0;
  const run = (actor: Actor, body: CommandInput): void => {
    const d = decide(state, actor, CommandSchema.parse({ id: `setup-${++n}-xx`, ...body }) as Command, 1000, () => `setup-group-${n}`);
    if (!d.ok) throw new Error(`setup ${body.type}: ${d.error.message}`);
    for (const b of d.events) {
      const e = { ...b, seq: state.seq + 1, at: 1000 } as SessionEvent;
      events.push(e);
      state = apply(state, e);
    }
  };
  for (const itemId of ['board1', 'swot1', 'hasOwnProperty', 'vision1']) {
    const column = itemId === 'vision1' ? 'Preferred future' : 'Strengths';
    run(P1, { type: 'note.add', payload: { itemId, column, text: `First from Ana on ${itemId}` } });
    run(P2, { type: 'note.add', payload: { itemId, column, text: `José on ${itemId}` } });
    run(P1, { type: 'note.add', payload: { itemId, column, text: `Second from Ana on ${itemId}` } });
  }
  for (const to of ['reveal', 'cluster'] as const) run(FAC, { type: 'flow.advance', payload: { itemId: 'swot1', to } });
  run(P2, { type: 'flow.group', payload: { noteId: 'setup-5-xx', onto: { kind: 'note', id: 'setup-4-xx' } } });
  for (const to of ['reveal', 'cluster', 'vote'] as const) run(FAC, { type: 'flow.advance', payload: { itemId: 'hasOwnProperty', to } });
  run(FAC, { type: 'vision.draft', payload: { itemId: 'vision1', text: 'Every child safe at home.' } });
  run(FAC, { type: 'vision.askFist', payload: { itemId: 'vision1' } });
  run(FAC, { type: 'vision.openCrosswalk', payload: { itemId: 'vision1', open: true } });
  // Two work groups at work: Ana in the first, José in the second, a warning to the first.
  run(FAC, { type: 'workgroup.addTheme', payload: { title: 'Permanency' } });
  run(FAC, { type: 'workgroup.makeGroups', payload: {} });
  const first = state.workgroups.groups[0]!.id;
  run(FAC, { type: 'workgroup.addGroup', payload: { name: 'Well-being', themeId: null } });
  run(P1, { type: 'workgroup.join', payload: { workGroupId: first } });
  run(P2, { type: 'workgroup.join', payload: { workGroupId: state.workgroups.groups[1]!.id } });
  run(P1, { type: 'workgroup.addStrategy', payload: { workGroupId: first, text: 'Kinship first' } });
  run(FAC, { type: 'workgroup.message', payload: { workGroupId: first, text: 'Ten minutes left', warning: true } });
  // The large group under way: the first group presents, a next step is down.
  run(P1, { type: 'workgroup.addAnswer', payload: { workGroupId: first, field: 'recommendations', text: 'More kinship homes' } });
  run(FAC, { type: 'plenary.present', payload: { itemId: 'ro1', workGroupId: first } });
  // The values survey open with two values.
  run(FAC, { type: 'values.addValues', payload: { itemId: 'values1', values: [{ name: 'Respect' }, { name: 'Partnership' }] } });
  run(FAC, { type: 'values.setPhase', payload: { itemId: 'values1', phase: 'open' } });
  run(FAC, { type: 'plenary.addNextStep', payload: { itemId: 'ns1', what: 'Call the court', owner: 'State', partner: 'state', term: 'short', date: '' } });
  // The eco-map's vote under way: two partners, Ana's mark, José's proposal waiting.
  run(FAC, { type: 'ecomap.addPartners', payload: { itemId: 'eco1', names: ['Courts and judges', 'Tribes'] } });
  run(FAC, { type: 'ecomap.setVote', payload: { itemId: 'eco1', vote: 'open' } });
  run(P1, { type: 'ecomap.mark', payload: { itemId: 'eco1', partnerId: state.ecomaps.eco1!.order[0]!, mark: 'green' } });
  run(P2, { type: 'ecomap.propose', payload: { itemId: 'eco1', name: 'Schools' } });
  return events;
}

describe('ids that are names of built-in object members cannot poison a session', () => {
  it('the recipes cover every command type the schema knows', () => {
    const schemaTypes = [...commandTypes].sort();
    expect([...COMMAND_TYPES].sort()).toEqual(schemaTypes);
    expect(PROTOTYPE_NAMES).toEqual(expect.arrayContaining(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']));
  });

  it('no reference to something missing is accepted, applying never throws, every screen keeps up, and the log reloads', () => {
    fc.assert(
      fc.property(fc.array(commandRecipe, { minLength: 1, maxLength: 80, size: 'max' }), (recipes) => {
        const events = start();
        let state = reduce(events);
        const views = new Map<Viewer, SessionState>(VIEWERS.map((v) => [v, reduce(events.map((e) => eventFor(e, v)))]));
        let ids = 0;
        for (const [i, r] of recipes.entries()) {
          // Now and then the state is the one a restart reads back from a snapshot: plain JSON, prototypes and all.
          if (i % 3 === 0) state = json(state);
          const actor: Actor = actorFor(state, r.actor);
          // Half the commands reuse a prototype member name as their own id (a note's id is its command's id).
          const id = i % 2 ? `cmd-${i}-abcdef` : PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length]!.padEnd(8, '_');
          const parsed = CommandSchema.safeParse({ id, ...resolveRecipe(state, r, true) });
          if (!parsed.success) continue;
          const decision = decideCommand(state, actor, parsed.data as Command, 2000 + i, () => `gid${++ids}x`);
          if (!decision.ok) continue;
          for (const ref of referencesOf(parsed.data as Command)) {
            if (!exists(state, ref)) throw new Error(`${parsed.data.type} accepted a reference to a missing ${ref.kind} "${ref.id}"`);
          }
          for (const body of decision.events) {
            const e = { ...body, seq: state.seq + 1, at: 2000 + i } as SessionEvent;
            events.push(e);
            state = apply(state, e);
            for (const v of VIEWERS) views.set(v, apply(views.get(v)!, eventFor(e, v)));
          }
        }
        // Nothing inherited or unserializable got into the state: it survives the trip through the store unchanged.
        expect(json(reduce(json(events)))).toEqual(json(state));
        const half = Math.floor(events.length / 2);
        const snapshot = json(reduce(events.slice(0, half)));
        expect(json(reduce(json(events.slice(half)), snapshot))).toEqual(json(state));
        // Every screen's own copy, built from the events it was sent, is what a fresh join would show it.
        for (const v of VIEWERS) expect(seen(views.get(v)!)).toEqual(seen(stateFor(state, v)));
      }),
      { numRuns: 300 },
    );
  });

  it('a stored event that cannot be applied is skipped and reported, and the events after it still apply', () => {
    const events = start();
    const bad = { type: 'flow.grouped', itemId: 'swot1', noteIds: ['n1'], seq: 4, at: 1000 } as unknown as SessionEvent;
    const later: SessionEvent = { type: 'participant.joined', participantId: 'p3', name: 'Lee', seq: 5, at: 1000 };
    expect(() => apply(reduce(events), bad)).toThrow();
    const skipped: number[] = [];
    const state = [...events, bad, later].reduce((s, e) => applyOrSkip(s, e, (x) => skipped.push(x.seq)), emptyState());
    expect(skipped).toEqual([4]);
    expect(state.seq).toBe(5);
    expect(state.participants).toEqual(reduce([...events, later]).participants);
  });
});
