import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { dictGet } from '../../session/dict.js';
import type { DecideContext } from '../../session/module.js';
import { noteById } from '../../session/notes.js';
import type { Actor } from '../../session/permissions.js';
import type { Note, SessionState } from '../../session/state.js';
import { REPORT_FIELDS, REPORT_FIELD_LABELS, groupById, workGroupsOf, type ReportField, type WorkGroup } from '../workgroup/workgroup.state.js';
import { plenaryOf, type SynthesisLink } from './plenary.state.js';

export type PullField = ReportField | 'strategy';
export type PullPayload = { itemId: string; column: string; workGroupId: string; field: PullField; sourceId: string };

/** One entry of a group's report-out or strategies that can be pulled into the synthesis. */
export interface Pullable {
  workGroupId: string;
  field: PullField;
  sourceId: string;
  text: string;
}

export const pullFieldLabel = (f: PullField): string => (f === 'strategy' ? 'Strategy' : REPORT_FIELD_LABELS[f]);

/** A group's answers (in the seed's field order) and strategies (in the group's order), as entries to pull. */
export function pullablesOf(s: SessionState, group: WorkGroup): Pullable[] {
  const wg = workGroupsOf(s);
  const answers = Object.values(wg.answers)
    .filter((a) => a.workGroupId === group.id)
    .sort((a, b) => REPORT_FIELDS.indexOf(a.field) - REPORT_FIELDS.indexOf(b.field) || a.createdAt - b.createdAt)
    .map((a) => ({ workGroupId: group.id, field: a.field, sourceId: a.id, text: a.text }));
  const strategies = group.strategyOrder
    .map((id) => dictGet(wg.strategies, id))
    .filter((x) => x !== undefined)
    .map((x) => ({ workGroupId: group.id, field: 'strategy' as const, sourceId: x.id, text: x.text }));
  return [...answers, ...strategies];
}

/** The source's text when it is still in that group's report-out (or strategies) under that field. */
function sourceText(s: SessionState, p: PullPayload): string | undefined {
  const wg = workGroupsOf(s);
  if (p.field === 'strategy') {
    const st = dictGet(wg.strategies, p.sourceId);
    return st?.workGroupId === p.workGroupId ? st.text : undefined;
  }
  const a = dictGet(wg.answers, p.sourceId);
  return a?.workGroupId === p.workGroupId && a.field === p.field ? a.text : undefined;
}

/** The notes of a synthesis item already pulled from this source. */
export const pulledNotes = (s: SessionState, itemId: string, sourceId: string): Note[] =>
  Object.entries(plenaryOf(s).links)
    .filter(([, l]) => l.sourceId === sourceId)
    .map(([noteId]) => noteById(s, noteId))
    .filter((n): n is Note => n !== undefined && n.itemId === itemId);

/** The link of a note, if it was pulled from a group. */
export const linkOf = (s: SessionState, noteId: string): SynthesisLink | undefined => dictGet(plenaryOf(s).links, noteId);

/**
 * A pull: the core's own note on the synthesis item (its rules: the column exists, the results are not in), named
 * after the group, and its link. The note's id is new, so pulling never collides with a phone's command id.
 */
export function decidePull(s: SessionState, actor: Actor, p: PullPayload, ctx: DecideContext): Decision {
  const item = s.agenda.find((i) => i.id === p.itemId);
  if (!item) return fail('not_found', 'That agenda item no longer exists.');
  if (item.moduleType !== 'synthesis') return fail('conflict', 'Pull report-out entries into a synthesis item.');
  const group = groupById(s, p.workGroupId);
  if (!group) return fail('not_found', 'That work group no longer exists.');
  const text = sourceText(s, p);
  if (text === undefined) return fail('not_found', `That entry is no longer in ${group.name}’s report-out.`);
  if (pulledNotes(s, item.id, p.sourceId).length) return fail('conflict', 'That entry is already in this synthesis.');
  const added = ctx.decide(s, actor, { id: ctx.newId(), type: 'note.add', payload: { itemId: item.id, column: p.column, text } });
  if (!added.ok) return added;
  const noteId = added.events.flatMap((e) => (e.type === 'note.added' ? [e.note.id] : []))[0];
  if (noteId === undefined) return fail('conflict', 'The note could not be added.');
  const link: SynthesisLink = { workGroupId: group.id, field: p.field, sourceId: p.sourceId, groupName: group.name };
  const events = added.events.map((e) => (e.type === 'note.added' ? { ...e, note: { ...e.note, authorName: group.name } } : e));
  return { ok: true, events: [...events, { type: 'plenary.pulled', noteId, link }] };
}
