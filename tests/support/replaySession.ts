import type { Actor } from '../../shared/session/permissions.js';
import { agendaItem, FACILITATOR, SessionModel } from './sessionModel.js';

const COLUMNS = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'];

/** A session of at least `events` events, with the room doing what a long day does. */
export function longSession(events: number): SessionModel {
  const items = Array.from({ length: 8 }, (_, i) => agendaItem(`item${i}`, i % 2 ? 'swot' : 'board', i % 2 ? [] : COLUMNS));
  const m = new SessionModel(items);
  const people: Actor[] = Array.from({ length: 40 }, (_, i) => m.join(`p${i}`, `Person ${i}`));
  let n = 0;
  while (m.events.length < events) {
    const item = items[Math.floor(n / 600) % items.length]!;
    if (m.state.currentItemId !== item.id) {
      m.ok(FACILITATOR, { type: 'agenda.goto', payload: { itemId: item.id } });
      m.run(FACILITATOR, { type: 'timer.start', payload: {} });
    }
    const who = people[n % people.length]!;
    m.now += 1_500;
    if (item.moduleType === 'swot' && n % 600 === 300) {
      for (const to of ['reveal', 'cluster', 'vote'] as const) m.run(FACILITATOR, { type: 'flow.advance', payload: { itemId: item.id, to } });
    }
    const mine = m.events.filter((e) => e.type === 'note.added' && e.note.authorId === (who.role === 'participant' ? who.participantId : '')).at(-1);
    const noteId = mine?.type === 'note.added' ? mine.note.id : undefined;
    const choice = n % 10;
    if (choice === 7 && noteId) m.run(who, { type: 'note.edit', payload: { noteId, text: `Edited thought ${n}` } });
    else if (choice === 8 && noteId && item.moduleType === 'board') m.run(who, { type: 'note.move', payload: { noteId, column: COLUMNS[n % 4]! } });
    else if (choice === 9 && noteId) m.run(who, { type: 'flow.dot', payload: { itemId: item.id, target: { kind: 'note', id: noteId }, delta: 1 } });
    else m.run(who, { type: 'note.add', payload: { itemId: item.id, column: COLUMNS[n % 4]!, text: `Thought ${n} about ${COLUMNS[n % 4]}` } });
    n++;
  }
  return m;
}
