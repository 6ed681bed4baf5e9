import { describe, expect, it } from 'vitest';
import { agendaSchemas } from '../../shared/protocol/agenda.schema.js';
import { MODULE_TYPES } from '../../shared/modules/registry.js';
import { templateId, toJsonExport } from '../../shared/report/json.js';
import { SessionExport } from '../../shared/report/json.schema.js';
import { DAY, DAY_AGENDA, item, reportDay, reportOptions } from '../support/reportDay.js';
import { SessionModel } from '../support/sessionModel.js';

const { AgendaTemplate } = agendaSchemas(MODULE_TYPES);

describe('the JSON export', () => {
  const { m, groupId } = reportDay();

  it('parses with its own versioned schema, names on and off', () => {
    for (const names of [false, true]) {
      const out = SessionExport.parse(JSON.parse(JSON.stringify(toJsonExport(m.state, reportOptions(names)))));
      expect(out).toMatchObject({ schema: 'facilitation-toolkit/session-export', version: 1, names });
    }
    expect(SessionExport.safeParse({ ...toJsonExport(m.state, reportOptions(false)), version: 2 }).success).toBe(false);
  });

  it('holds the session, the agenda with the facilitator notes and actual minutes, and every item', () => {
    const out = toJsonExport(m.state, reportOptions(false));
    expect(out.exportedAt).toBe('2026-11-25T21:00:00.000Z');
    expect(out.session).toEqual({ id: 's1', title: 'Retreat', createdAt: '2026-11-25T15:00:00.000Z', endedAt: null, participants: 3 });
    expect(out.agenda[0]).toMatchObject({ id: 'intro', title: 'Welcome and purpose', actualMinutes: 12, facilitatorNotes: 'Keep it moving.' });
    expect(out.items.map((i) => i.itemId)).toEqual(['intro', 'hopes', 'swot', 'vision', 'next']);
    const swot = out.items[2]!;
    expect(swot.notes).toHaveLength(7);
    expect(swot.swot!.cards.map((c) => c.title)).toEqual(['Children in care', 'Timely permanency']);
    expect(swot.flow).toMatchObject({ phase: 'results', resultsIn: true, groups: [{ id: groupId, name: 'Court partnerships', column: 'Strengths' }] });
    expect(swot.flow!.totals).toContainEqual({ target: { kind: 'group', id: groupId }, dots: 4 });
    expect(swot.flow!.carried).toEqual([
      { kind: 'group', id: groupId },
      { kind: 'note', id: 'note-w1-xyz' },
    ]);
    const vision = out.items[3]!.vision!;
    expect(vision.final).toMatchObject({ statement: 'Every child safe, thriving and connected to family', distribution: [0, 0, 0, 0, 2, 1] });
    expect(vision.rounds.map((r) => r.distribution)).toEqual([
      [0, 0, 1, 1, 1, 0],
      [0, 0, 0, 0, 2, 1],
    ]);
    expect(vision.crosswalk.tally).toContainEqual({ outcomeId: 'S1', counts: { incorporated: 1, expounds: 1, conflicts: 0, beyond: 0 } });
  });

  it('says who voted, answered and rated only with names on', () => {
    const off = toJsonExport(m.state, reportOptions(false));
    expect(off.items[2]!.flow!.votes).toBeUndefined();
    expect(off.items[3]!.vision!.rounds[0]!.answers).toBeUndefined();
    expect(off.items[3]!.vision!.crosswalk.ratings).toBeUndefined();
    expect(off.items[1]!.notes.map((n) => n.author)).toEqual([undefined, undefined, undefined]);
    const on = toJsonExport(m.state, reportOptions(true));
    expect(on.session.participantNames).toEqual(expect.arrayContaining(['José Núñez', 'Ana Pérez', 'Zoë Brontë']));
    expect(on.items[2]!.flow!.votes).toContainEqual({ voter: 'Marisol Quintanilla', target: { kind: 'note', id: 'note-w1-xyz' }, dots: 1 });
    expect(on.items[1]!.notes.map((n) => n.author)).toEqual(['José Núñez', 'Ana Pérez', 'Facilitator']);
    expect(on.items[2]!.notes.every((n) => n.author === undefined)).toBe(true);
    expect(on.items[3]!.vision!.rounds[1]!.answers).toContainEqual({ person: 'Ana Pérez', value: 5 });
  });

  it('holds an agenda template that parses as one and keeps the items as they ran', () => {
    const template = AgendaTemplate.parse(toJsonExport(m.state, reportOptions(false)).template);
    expect(template.id).toBe('retreat-2026-11-25');
    expect(template.items).toEqual(
      DAY_AGENDA().map((i) => ({ title: i.title, plannedMinutes: i.plannedMinutes, moduleType: i.moduleType, facilitatorNotes: i.facilitatorNotes, prompt: i.prompt })),
    );
  });

  it('has no template for an empty agenda, and makes template ids the template schema accepts', () => {
    expect(toJsonExport(new SessionModel([], DAY).state, reportOptions(false)).template).toBeNull();
    const columns = new SessionModel([item('q', 'swot', 'Quadrants', '', ['Assets', 'Gaps', 'Chances', 'Risks'])], DAY);
    expect(AgendaTemplate.parse(toJsonExport(columns.state, reportOptions(false)).template).items[0]!.columns).toEqual(['Assets', 'Gaps', 'Chances', 'Risks']);
    expect(templateId('Retiro de visión: ¿Dónde queremos estar?', DAY)).toBe('retiro-de-vision-donde-queremos-estar-2026-11-25');
    expect(templateId('¿¿??', DAY)).toBe('session-2026-11-25');
    const long = templateId('A very long title '.repeat(10), DAY);
    expect(long).toMatch(/^[a-z0-9-]{1,60}$/);
    expect(long.endsWith('-2026-11-25')).toBe(true);
    expect(long).not.toContain('--');
  });
});
