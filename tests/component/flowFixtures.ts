import type { RankedEntry } from '../../shared/modules/flow/flow.results.js';
import type { Note } from '../../shared/session/state.js';
import type { FlowColumns } from '../../client/modules/flow/model.js';

export const note = (id: string, text: string, column: string, groupId: string | null = null): Note => ({
  id,
  itemId: 'swot1',
  column,
  text,
  authorId: null,
  authorName: '',
  createdAt: 1,
  updatedAt: 1,
  groupId,
  anonymous: true,
});

export const noteEntry = (n: Note): RankedEntry => ({
  target: { kind: 'note', id: n.id },
  key: `note:${n.id}`,
  label: n.text,
  notes: [n],
  dots: 0,
  carried: false,
});

export const groupEntry = (id: string, label: string, notes: Note[]): RankedEntry => ({
  target: { kind: 'group', id },
  key: `group:${id}`,
  label,
  notes,
  dots: 0,
  carried: false,
});

/** Strengths: a group of two notes and a loose note; Weaknesses: one loose note. */
export function swotColumns() {
  const a = note('a', 'Dedicated caseworkers who know their families well', 'Strengths', 'g1');
  const b = note('b', 'Staff care', 'Strengths', 'g1');
  const c = note('c', 'Strong court partnership', 'Strengths');
  const d = note('d', 'High turnover', 'Weaknesses');
  const columns: FlowColumns = [
    { column: 'Strengths', entries: [groupEntry('g1', 'Our people', [a, b]), noteEntry(c)] },
    { column: 'Weaknesses', entries: [noteEntry(d)] },
    { column: 'Opportunities', entries: [] },
    { column: 'Threats', entries: [] },
  ];
  return { a, b, c, d, columns };
}
