import { describe, expect, it } from 'vitest';
import { JoinRequest } from '../../shared/protocol/join.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits.js';
import { loadProtocol } from '../../shared/modules/registry.js';

const { AgendaTemplate, Command } = await loadProtocol();

const id = 'cmd_0123456789';
const ok = (raw: unknown) => Command.safeParse(raw).success;

describe('Command schema', () => {
  it('accepts every command type with a good payload', () => {
    const good = [
      { type: 'timer.start', payload: {} },
      { type: 'timer.pause', payload: {} },
      { type: 'timer.resume', payload: {} },
      { type: 'timer.extend', payload: { minutes: 1 } },
      { type: 'timer.extend', payload: { minutes: 5 } },
      { type: 'timer.reset', payload: {} },
      { type: 'agenda.next', payload: {} },
      { type: 'agenda.previous', payload: {} },
      { type: 'agenda.goto', payload: { itemId: 'abc' } },
      { type: 'agenda.addItem', payload: { item: { title: 'Break', plannedMinutes: 15, moduleType: 'presentation' } } },
      { type: 'agenda.removeItem', payload: { itemId: 'abc' } },
      { type: 'agenda.moveItem', payload: { itemId: 'abc', toIndex: 0 } },
      { type: 'agenda.updateItem', payload: { itemId: 'abc', patch: { plannedMinutes: 20 } } },
      { type: 'note.add', payload: { itemId: 'abc', column: 'Ideas', text: 'é'.repeat(500) } },
      { type: 'note.edit', payload: { noteId: 'n1', text: 'ok' } },
      { type: 'note.move', payload: { noteId: 'n1', column: 'Ideas' } },
      { type: 'note.delete', payload: { noteId: 'n1' } },
      { type: 'board.lock', payload: { itemId: 'abc', locked: true } },
      { type: 'flow.advance', payload: { itemId: 'abc', to: 'reveal' } },
      { type: 'flow.configure', payload: { itemId: 'abc', dotsPerPerson: 5, maxPerItem: 3 } },
      { type: 'flow.group', payload: { noteId: 'n1', onto: { kind: 'note', id: 'n2' } } },
      { type: 'flow.ungroup', payload: { noteId: 'n1' } },
      { type: 'flow.nameGroup', payload: { groupId: 'g1', name: 'Data' } },
      { type: 'flow.moveGroup', payload: { groupId: 'g1', column: 'Threats' } },
      { type: 'flow.dot', payload: { itemId: 'abc', target: { kind: 'group', id: 'g1' }, delta: -1, onBehalfOf: 'Jo' } },
      { type: 'flow.carry', payload: { itemId: 'abc', target: { kind: 'note', id: 'n1' }, carried: true } },
      { type: 'swot.addCard', payload: { itemId: 'abc', card: { title: 'Children in care', value: '1,204' } } },
      { type: 'swot.editCard', payload: { itemId: 'abc', cardId: 'c1', card: { title: 'T', value: '1', note: 'n' } } },
      { type: 'swot.removeCard', payload: { itemId: 'abc', cardId: 'c1' } },
      { type: 'vision.setContext', payload: { itemId: 'abc', mission: 'M', vision: 'V', values: 'Respect' } },
      { type: 'vision.draft', payload: { itemId: 'abc', text: 'Every child safe' } },
      { type: 'vision.askFist', payload: { itemId: 'abc' } },
      { type: 'vision.fist', payload: { itemId: 'abc', value: 0 } },
      { type: 'vision.finalize', payload: { itemId: 'abc' } },
      { type: 'vision.openCrosswalk', payload: { itemId: 'abc', open: true } },
      { type: 'vision.rate', payload: { itemId: 'abc', outcomeId: 'WB3', rating: 'conflicts' } },
    ];
    for (const body of good) expect(Command.safeParse({ id, ...body }).error, body.type).toBeUndefined();
  });

  it('rejects malformed commands', () => {
    const bad: unknown[] = [
      null,
      'note.add',
      { id, type: 'note.add' },
      { id: 'short', type: 'timer.start', payload: {} },
      { id: 'x'.repeat(65), type: 'timer.start', payload: {} },
      { id: 'has spaces in it', type: 'timer.start', payload: {} },
      { id, type: 'timer.explode', payload: {} },
      { id, type: 'timer.extend', payload: { minutes: 3 } },
      { id, type: 'timer.start', payload: { extra: 1 } },
      { id, type: 'timer.start', payload: {}, extra: true },
      { id, type: 'note.add', payload: { itemId: 'abc', column: 'Ideas', text: '' } },
      { id, type: 'note.add', payload: { itemId: 'abc', column: 'Ideas', text: '    ' } },
      { id, type: 'note.add', payload: { itemId: 'abc', column: 'Ideas', text: 'x'.repeat(501) } },
      { id, type: 'note.add', payload: { itemId: 'abc', column: 'Ideas', text: 42 } },
      { id, type: 'note.add', payload: { itemId: '../etc', column: 'Ideas', text: 'x' } },
      { id, type: 'agenda.moveItem', payload: { itemId: 'abc', toIndex: -1 } },
      { id, type: 'agenda.addItem', payload: { item: { title: '', plannedMinutes: 15, moduleType: 'presentation' } } },
      { id, type: 'agenda.addItem', payload: { item: { title: 'X', plannedMinutes: 0, moduleType: 'presentation' } } },
      { id, type: 'agenda.addItem', payload: { item: { title: 'X', plannedMinutes: 5, moduleType: 'quiz' } } },
      { id, type: 'board.lock', payload: { itemId: 'abc', locked: 'yes' } },
      { id, type: 'vision.fist', payload: { itemId: 'abc', value: 6 } },
      { id, type: 'vision.fist', payload: { itemId: 'abc', value: -1 } },
      { id, type: 'vision.fist', payload: { itemId: 'abc', value: 2.5 } },
      { id, type: 'vision.rate', payload: { itemId: 'abc', outcomeId: 'S9', rating: 'expounds' } },
      { id, type: 'flow.dot', payload: { itemId: 'abc', target: { kind: 'note', id: 'n' }, delta: 2 } },
      { id, type: 'flow.advance', payload: { itemId: 'abc', to: 'party' } },
      { id, type: 'flow.configure', payload: { itemId: 'abc', dotsPerPerson: 0, maxPerItem: 3 } },
      { id, type: 'swot.addCard', payload: { itemId: 'abc', card: { title: '', value: '3' } } },
    ];
    for (const raw of bad) expect(ok(raw), JSON.stringify(raw)?.slice(0, 80)).toBe(false);
  });

  it('says in words what is wrong with a note', () => {
    const r = Command.safeParse({ id, type: 'note.add', payload: { itemId: 'a', column: 'Ideas', text: 'x'.repeat(501) } });
    expect(r.error?.issues[0]?.message).toBe('A note can be at most 500 characters.');
  });
});

describe('JoinRequest schema', () => {
  const protocol = PROTOCOL_VERSION;
  it('accepts the three roles and upper-cases the join code', () => {
    expect(JoinRequest.safeParse({ role: 'facilitator', protocol, sessionId: 's', facilitatorKey: 'k' }).success).toBe(true);
    const p = JoinRequest.safeParse({ role: 'participant', protocol, joinCode: 'abc234', name: 'Ana' });
    expect(p.success && p.data.role === 'participant' && p.data.joinCode).toBe('ABC234');
    expect(JoinRequest.safeParse({ role: 'board', protocol, joinCode: 'ABC234', lastSeq: 4 }).success).toBe(true);
  });
  it('rejects bad codes, long names and unknown roles', () => {
    for (const raw of [
      { role: 'participant', protocol, joinCode: 'ABC0O1', name: 'Ana' },
      { role: 'participant', protocol, joinCode: 'ABC23', name: 'Ana' },
      { role: 'participant', protocol, joinCode: 'ABC234', name: 'x'.repeat(41) },
      { role: 'participant', protocol, joinCode: 'ABC234', name: '   ' },
      { role: 'admin', protocol, joinCode: 'ABC234' },
      { role: 'board', protocol, joinCode: 'ABC234', lastSeq: -1 },
    ])
      expect(JoinRequest.safeParse(raw).success, JSON.stringify(raw)).toBe(false);
  });
});

describe('agenda item patch', () => {
  it('changes only what is sent (no defaults wipe the notes or the prompt)', () => {
    const r = Command.safeParse({ id, type: 'agenda.updateItem', payload: { itemId: 'a', patch: { plannedMinutes: 45 } } });
    expect(r.success && r.data.type === 'agenda.updateItem' && r.data.payload.patch).toEqual({ plannedMinutes: 45 });
  });
});

describe('AgendaTemplate schema', () => {
  const good = { id: 'day', title: 'Day', items: [{ title: 'Welcome', plannedMinutes: 10, moduleType: 'presentation' }] };
  it('accepts a template and fills defaults', () => {
    const t = AgendaTemplate.parse(good);
    expect(t.items[0]).toMatchObject({ prompt: '', facilitatorNotes: '' });
  });
  it('rejects a template with a bad field and says which', () => {
    const r = AgendaTemplate.safeParse({ ...good, items: [{ title: 'Welcome', plannedMinutes: 'ten', moduleType: 'presentation' }] });
    expect(r.error?.issues[0]?.path).toEqual(['items', 0, 'plannedMinutes']);
    expect(AgendaTemplate.safeParse({ ...good, id: 'Bad Id' }).success).toBe(false);
    expect(AgendaTemplate.safeParse({ ...good, items: [] }).success).toBe(false);
  });
});
