import { flowOf } from '../../shared/modules/flow/flow.logic.js';
import { PHASES, type Phase } from '../../shared/modules/flow/flow.state.js';
import type { ReportOptions, ReportScope } from '../../shared/report/model.js';
import type { Actor } from '../../shared/session/permissions.js';
import type { AgendaItem } from '../../shared/session/state.js';
import { FACILITATOR, SessionModel } from './sessionModel.js';

/** 25 November 2026, 15:00 UTC: the day of the fixture workshop. */
export const DAY = Date.UTC(2026, 10, 25, 15, 0);
const MIN = 60_000;

/** Names no report may print with names off: accented, so a stripped or mangled copy would not hide them. */
export const NAMES = ['José Núñez', 'Ana Pérez', 'Zoë Brontë', 'Marisol Quintanilla'] as const;

export const item = (id: string, moduleType: AgendaItem['moduleType'], title: string, prompt = '', columns: string[] = []): AgendaItem => ({
  id,
  title,
  plannedMinutes: 30,
  moduleType,
  facilitatorNotes: 'Keep it moving.',
  prompt,
  columns,
});

export const DAY_AGENDA = (): AgendaItem[] => [
  item('intro', 'presentation', 'Welcome and purpose', 'Where are we now?'),
  item('hopes', 'board', 'Hopes for the day'),
  item('swot', 'swot', 'SWOT analysis', 'What is working well, what is not, what could help, what could hurt?'),
  item('vision', 'vision', 'Preferred future'),
  item('next', 'discussion', 'Next steps'),
];

export function advanceTo(m: SessionModel, itemId: string, phase: Phase): void {
  while (flowOf(m.state, itemId).phase !== phase) {
    const next = PHASES[PHASES.indexOf(flowOf(m.state, itemId).phase) + 1]!;
    m.ok(FACILITATOR, { type: 'flow.advance', payload: { itemId, to: next } });
  }
}

/**
 * A data-and-vision day run through the real rules (decide + apply): a timed presentation, an open board, a SWOT
 * with data cards, a cluster, a dot vote (one dot placed by proxy) and two items carried forward, a vision item with
 * two fist-to-five rounds, a final statement and crosswalk ratings, and an empty discussion.
 */
export function reportDay(): { m: SessionModel; people: Actor[]; groupId: string } {
  const m = new SessionModel(DAY_AGENDA(), DAY);
  const [jose, ana, zoe] = ['jose', 'ana', 'zoe'].map((id, i) => m.join(id, NAMES[i]!)) as [Actor, Actor, Actor];
  const post = (who: Actor, itemId: string, column: string, text: string, id?: string) =>
    m.ok(who, { type: 'note.add', payload: { itemId, column, text } }, id);
  const dot = (who: Actor, kind: 'note' | 'group', id: string, onBehalfOf?: string) =>
    m.ok(who, { type: 'flow.dot', payload: { itemId: 'swot', target: { kind, id }, delta: 1, ...(onBehalfOf ? { onBehalfOf } : {}) } });

  m.ok(FACILITATOR, { type: 'timer.start', payload: {} });
  m.now += 12 * MIN;
  m.ok(FACILITATOR, { type: 'agenda.next', payload: {} });

  post(jose, 'hopes', 'Notes', 'More laptops for caseworkers');
  post(ana, 'hopes', 'Notes', 'A shared calendar with the courts');
  post(FACILITATOR, 'hopes', 'Notes', 'Bring the data dashboard');

  m.ok(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 'swot', card: { title: 'Children in care', value: '1,204', note: 'FY2025' } } });
  m.ok(FACILITATOR, { type: 'swot.addCard', payload: { itemId: 'swot', card: { title: 'Timely permanency', value: '38%', note: 'within 12 months' } } });
  post(jose, 'swot', 'Strengths', 'Strong court partnership', 'note-s1-xyz');
  post(ana, 'swot', 'Strengths', 'Committed foster families', 'note-s2-xyz');
  post(zoe, 'swot', 'Strengths', 'Judges attend the quarterly meetings', 'note-s3-xyz');
  post(jose, 'swot', 'Weaknesses', 'Caseloads are high', 'note-w1-xyz');
  post(ana, 'swot', 'Weaknesses', 'Staff turnover', 'note-w2-xyz');
  post(zoe, 'swot', 'Opportunities', 'New federal funding', 'note-o1-xyz');
  post(ana, 'swot', 'Threats', 'Budget cuts', 'note-t1-xyz');
  advanceTo(m, 'swot', 'cluster');
  m.ok(zoe, { type: 'flow.group', payload: { noteId: 'note-s3-xyz', onto: { kind: 'note', id: 'note-s1-xyz' } } });
  const groupId = Object.keys(flowOf(m.state, 'swot').groups)[0]!;
  m.ok(FACILITATOR, { type: 'flow.nameGroup', payload: { groupId, name: 'Court partnerships' } });
  advanceTo(m, 'swot', 'vote');
  for (let i = 0; i < 3; i++) dot(jose, 'group', groupId);
  dot(jose, 'note', 'note-w1-xyz');
  dot(jose, 'note', 'note-o1-xyz');
  dot(ana, 'note', 'note-s2-xyz');
  dot(ana, 'note', 'note-s2-xyz');
  dot(ana, 'note', 'note-w2-xyz');
  dot(zoe, 'group', groupId);
  dot(zoe, 'note', 'note-t1-xyz');
  dot(FACILITATOR, 'note', 'note-w1-xyz', 'Marisol Quintanilla');
  advanceTo(m, 'swot', 'results');
  m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'group', id: groupId }, carried: true } });
  m.ok(FACILITATOR, { type: 'flow.carry', payload: { itemId: 'swot', target: { kind: 'note', id: 'note-w1-xyz' }, carried: true } });

  m.ok(FACILITATOR, {
    type: 'vision.setContext',
    payload: { itemId: 'vision', mission: 'Every child safe', vision: 'Strong families, strong communities', values: 'Respect; partnership', pastedCarried: ['Data-driven decisions'] },
  });
  post(jose, 'vision', 'Preferred future', 'Children thrive at home');
  advanceTo(m, 'vision', 'reveal');
  const ask = (text: string, answers: number[]) => {
    m.ok(FACILITATOR, { type: 'vision.draft', payload: { itemId: 'vision', text } });
    m.ok(FACILITATOR, { type: 'vision.askFist', payload: { itemId: 'vision' } });
    answers.forEach((value, i) => m.ok([jose, ana, zoe][i]!, { type: 'vision.fist', payload: { itemId: 'vision', value } }));
    m.ok(FACILITATOR, { type: 'vision.closeFist', payload: { itemId: 'vision' } });
  };
  ask('Every child safe and thriving', [3, 2, 4]);
  ask('Every child safe, thriving and connected to family', [4, 5, 4]);
  m.ok(FACILITATOR, { type: 'vision.finalize', payload: { itemId: 'vision' } });
  m.ok(FACILITATOR, { type: 'vision.openCrosswalk', payload: { itemId: 'vision', open: true } });
  const rate = (who: Actor, outcomeId: 'S1' | 'P2' | 'WB3', rating: 'incorporated' | 'expounds' | 'conflicts' | 'beyond') =>
    m.ok(who, { type: 'vision.rate', payload: { itemId: 'vision', outcomeId, rating } });
  rate(jose, 'S1', 'incorporated');
  rate(ana, 'S1', 'expounds');
  rate(zoe, 'WB3', 'beyond');
  rate(jose, 'P2', 'conflicts');
  return { m, people: [jose, ana, zoe], groupId };
}

export const reportOptions = (names: boolean, scope: ReportScope = { kind: 'session' }, extra: Partial<ReportOptions> = {}): ReportOptions => ({
  scope,
  names,
  at: DAY + 6 * 60 * MIN,
  ...extra,
});
