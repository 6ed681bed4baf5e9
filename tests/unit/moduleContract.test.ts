import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { commandSchema, Id } from '../../shared/protocol/schema.js';
import { assembleProtocol, assembleSession } from '../../shared/session/assemble.js';
import { dictGet, dictSet, emptyDict } from '../../shared/session/dict.js';
import { defineModule, type SessionModule } from '../../shared/session/module.js';
import type { SessionEvent } from '../../shared/session/events.js';
import type { Actor } from '../../shared/session/permissions.js';
import { MODULE_LIST } from '../../shared/modules/registry.js';
import { agendaItem } from '../support/sessionModel.js';

/**
 * A module written only against the contract: a "tally" that counts hands per item, whose count each participant
 * sees only for themselves, on a kind of item of its own. Assembled beside the real modules, it runs through the
 * core's validation, permissions, decisions, reducer and visibility without one line of the core knowing it. Its
 * command and event types are not in the merged unions (a test module declares none), hence the casts at the edges.
 */
type TallyCommand = { type: 'tally.raise'; payload: { itemId: string } } | { type: 'tally.reset'; payload: { itemId: string } };
type TallyEvent = { type: 'tally.raised'; itemId: string; participantId: string } | { type: 'tally.cleared'; itemId: string };

const tally = defineModule({
  name: 'tally',
  commands: () => Promise.resolve([commandSchema('tally.raise', z.object({ itemId: Id }).strict()), commandSchema('tally.reset', z.object({ itemId: Id }).strict())]),
  facilitatorOnly: ['tally.reset' as never],
  kinds: [{ type: 'tally' as never, label: 'Show of hands', hasBoard: false, runs: ['tally'], defaultColumns: [], report: () => [{ kind: 'paragraph', text: 'A show of hands.' }] }],
  decide(s, actor, cmd) {
    const c = cmd as unknown as TallyCommand;
    if (!s.agenda.some((i) => i.id === c.payload.itemId)) return { ok: false, error: { code: 'not_found', message: 'No such agenda item.' } };
    if (c.type === 'tally.reset') return { ok: true, events: [{ type: 'tally.cleared', itemId: c.payload.itemId } as never] };
    const me = (actor as Extract<Actor, { role: 'participant' }>).participantId;
    return { ok: true, events: [{ type: 'tally.raised', itemId: c.payload.itemId, participantId: me } as never] };
  },
  can: (actor) => actor.role !== 'participant' || actor.name !== 'Banned',
  apply(s, e) {
    const t = e as unknown as TallyEvent;
    const hands = (s as unknown as { hands: Record<string, Record<string, true>> }).hands;
    const next = t.type === 'tally.cleared' ? emptyDict() : dictSet(dictGet(hands, t.itemId), t.participantId, true);
    return { ...s, hands: dictSet(hands, t.itemId, next) } as typeof s;
  },
  personalFor: (e) => ((e as unknown as TallyEvent).type === 'tally.raised' ? (e as unknown as { participantId: string }).participantId : null),
  eventFor: (e, viewer, hidden) => ((e as unknown as TallyEvent).type === 'tally.raised' && (viewer.role !== 'participant' || viewer.participantId !== (e as unknown as { participantId: string }).participantId) ? hidden : e),
}) as SessionModule;
// The slice, by hand: a real module declares its field in ModuleSlices and writes `slice: { field, initial }`.
(tally as { slice?: unknown }).slice = { field: 'hands', initial: emptyDict };

const session = assembleSession([...MODULE_LIST, tally]);
const { Command, commandTypes } = await assembleProtocol([...MODULE_LIST, tally], session.kinds);
const FAC: Actor = { role: 'facilitator' };
const ana: Actor = { role: 'participant', participantId: 'ana', name: 'Ana' };

function run(events: SessionEvent[], actor: Actor, raw: unknown): ReturnType<typeof session.decide> | { ok: false; error: string } {
  const parsed = Command.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const s = session.reduce(events);
  const d = session.decide(s, actor, parsed.data, 1000, () => 'id');
  if (d.ok) events.push(...d.events.map((b, i) => ({ ...b, seq: events.length + 1 + i, at: 1000 }) as SessionEvent));
  return d;
}

describe('a module added through the contract alone', () => {
  const start = (): SessionEvent[] => [
    { type: 'session.created', id: 's', title: 'Day', joinCode: 'ABCDEF', agenda: [agendaItem('hands', 'tally' as never), agendaItem('b', 'board')], seq: 1, at: 0 },
    { type: 'participant.joined', participantId: 'ana', name: 'Ana', seq: 2, at: 0 },
  ];

  it('has its kind, its slice and its command types in the assembled session, and leaves the registry\'s as they were', () => {
    expect(session.kinds.types).toEqual([...MODULE_TYPES_NOW, 'tally']);
    expect(session.emptyState()).toMatchObject({ hands: {}, flows: {}, late: [] });
    expect(commandTypes).toEqual(expect.arrayContaining(['tally.raise', 'tally.reset', 'note.add', 'flow.dot']));
    expect(session.canSend(ana, 'tally.reset' as never)).toBe(false);
    expect(session.canSend(ana, 'tally.raise' as never)).toBe(true);
    expect(() => assembleSession([...MODULE_LIST, tally, tally])).toThrow('Two modules are named "tally".');
  });

  it('validates, permits, decides and applies its commands, with our sentences for what it refuses', () => {
    const events = start();
    expect(run(events, ana, { id: 'cmd-00000001', type: 'tally.raise', payload: { itemId: 'hands', extra: 1 } })).toEqual({ ok: false, error: 'We do not know the field "extra" here.' });
    expect(run(events, ana, { id: 'cmd-00000002', type: 'tally.reset', payload: { itemId: 'hands' } })).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the facilitator can do that.' } });
    expect(run(events, { ...ana, name: 'Banned' } as Actor, { id: 'cmd-00000003', type: 'tally.raise', payload: { itemId: 'hands' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(run(events, ana, { id: 'cmd-00000004', type: 'tally.raise', payload: { itemId: 'nope' } })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such agenda item.' } });
    expect(run(events, ana, { id: 'cmd-00000005', type: 'tally.raise', payload: { itemId: 'hands' } })).toMatchObject({ ok: true });
    expect(session.reduce(events)).toMatchObject({ hands: { hands: { ana: true } } });
    expect(run(events, FAC, { id: 'cmd-00000006', type: 'tally.reset', payload: { itemId: 'hands' } })).toMatchObject({ ok: true });
    expect(session.reduce(events)).toMatchObject({ hands: { hands: {} } });
  });

  it('shapes its events per viewer through its own hooks, and a kind without a board takes no notes', () => {
    const events = start();
    run(events, ana, { id: 'cmd-00000007', type: 'tally.raise', payload: { itemId: 'hands' } });
    const raised = events.at(-1)!;
    expect(session.personalFor(raised)).toBe('ana');
    expect(session.eventFor(raised, { role: 'participant', participantId: 'ana' })).toBe(raised);
    expect(session.eventFor(raised, { role: 'board' })).toEqual({ type: 'hidden', seq: raised.seq, at: raised.at });
    expect(session.eventFor(raised, { role: 'facilitator' })).toBe(raised);
    expect(run(events, ana, { id: 'cmd-00000008', type: 'note.add', payload: { itemId: 'hands', column: 'Notes', text: 'x' } })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This agenda item does not take notes.' },
    });
  });
});

const MODULE_TYPES_NOW = ['presentation', 'discussion', 'board', 'swot', 'vision', 'crosswalk', 'themes', 'workgroups', 'reportout', 'synthesis', 'nextsteps', 'values', 'ecomap'];
