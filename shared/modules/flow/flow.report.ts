/**
 * The report section of a brainstorm-flow item (the SWOT's and the vision retreat's phrases use its pieces too):
 * where the flow stands, the notes by column and the clusters until the results are in, then the ranked results
 * with their dots, and what the facilitator carried forward. Brainstorm notes are anonymous by design: no name is
 * printed with them even when names are on.
 */
import { NO_NOTES, notesByColumn, promptBlocks, readableNotes } from '../../report/blocks.js';
import { count } from '../../report/format.js';
import type { Block, RankedEntry, ReportOptions } from '../../report/model.js';
import type { ReportKinds } from '../../session/module.js';
import type { AgendaItem, Note, SessionState } from '../../session/state.js';
import { dictGet } from '../../session/dict.js';
import { flowOf, tallyDots, targetKey } from './flow.logic.js';
import { carriedForward, rankedByColumn, type RankedEntry as VoteEntry } from './flow.results.js';
import { atLeast, PHASE_LABELS, type FlowState, type VoteTarget } from './flow.state.js';

/** The vote target a key of the dots and totals records names: the inverse of `targetKey`. */
export function targetOf(key: string): VoteTarget {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) === 'group' ? 'group' : 'note', id: key.slice(at + 1) };
}

/** Whether the ranking may be printed: dots are public once the flow reaches its results. */
export const resultsIn = (flow: FlowState): boolean => atLeast(flow, 'results');

const dotsPlaced = (flow: FlowState): number => Object.values(tallyDots(flow)).reduce((a, b) => a + b, 0);

/** Where a note came from, in words ("from Safety group"), for an item whose notes can come from elsewhere. */
export type NoteOrigin = (note: Note) => string | undefined;

/** A vote target as a ranked entry: its label and dots, and a group's notes under it, each with where it came from. */
export function rankedEntry(e: VoteEntry, origin?: NoteOrigin): RankedEntry {
  if (e.target.kind === 'group') return { text: e.label, count: e.dots, detail: e.notes.map((n) => [n.text, origin?.(n)].filter(Boolean).join(' · ')) };
  const from = e.notes[0] && origin?.(e.notes[0]);
  return from ? { text: e.label, count: e.dots, detail: [from] } : { text: e.label, count: e.dots };
}

/** Every vote target of the item, per column, most dots first. */
export const rankedColumns = (state: SessionState, item: AgendaItem, kinds: ReportKinds): Map<string, VoteEntry[]> =>
  rankedByColumn(state, item.id, kinds.columnsOf(item));

/** Where the flow stands: its step, how many notes, groups and (from the vote on) dots. */
export function flowFacts(state: SessionState, item: AgendaItem): Block {
  const flow = flowOf(state, item.id);
  const pairs: Array<[string, string]> = [
    ['Step', PHASE_LABELS[flow.phase]],
    ['Notes', String(readableNotes(state, item.id).length)],
  ];
  const groups = Object.keys(flow.groups).length;
  if (groups) pairs.push(['Groups', String(groups)]);
  if (atLeast(flow, 'vote')) pairs.push(['Dots placed', String(dotsPlaced(flow))]);
  return { kind: 'facts', pairs };
}

/**
 * What can be printed before the notes are revealed or the vote is counted: a sentence instead of private notes
 * (during the silent brainstorm only their authors and the facilitator may read them) or of a running tally.
 */
export function pendingBlocks(state: SessionState, item: AgendaItem): Block[] | null {
  const flow = flowOf(state, item.id);
  if (flow.phase === 'brainstorm') {
    const n = readableNotes(state, item.id).length;
    if (!n) return [{ kind: 'paragraph', text: NO_NOTES }];
    return [{ kind: 'paragraph', text: `The silent brainstorm is under way: ${count(n, 'note')} so far. They are listed here once they are revealed.` }];
  }
  return null;
}

/** The clusters with their notes, and their dots once the results are in. */
export function clusterBlocks(state: SessionState, item: AgendaItem, kinds: ReportKinds): Block[] {
  const withDots = resultsIn(flowOf(state, item.id));
  const blocks: Block[] = [];
  for (const [column, entries] of rankedColumns(state, item, kinds))
    for (const e of entries.filter((x) => x.target.kind === 'group')) {
      blocks.push({ kind: 'heading', level: 3, text: `${e.label} (${withDots ? `${column}, ${count(e.dots, 'dot')}` : column})` });
      blocks.push({ kind: 'list', items: e.notes.map((n) => n.text) });
    }
  return blocks.length ? [{ kind: 'heading', level: 2, text: 'Clusters' }, ...blocks] : [];
}

/** The ranked results per column, with their dots (and each note's origin when the item has one). */
export function rankedBlocks(state: SessionState, item: AgendaItem, kinds: ReportKinds, origin?: NoteOrigin): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Ranked results' }];
  for (const [column, entries] of rankedColumns(state, item, kinds)) {
    blocks.push({ kind: 'heading', level: 3, text: column });
    blocks.push(entries.length ? { kind: 'ranked', unit: 'dots', entries: entries.map((e) => rankedEntry(e, origin)) } : { kind: 'paragraph', text: NO_NOTES, tone: 'muted' });
  }
  return blocks;
}

/** The items the facilitator carried forward from this item, in the order marked. */
export function carriedBlocks(state: SessionState, item: AgendaItem, kinds: ReportKinds): Block[] {
  const carried = carriedForward(state, kinds).filter((c) => c.itemId === item.id);
  if (!carried.length) return [];
  return [
    { kind: 'heading', level: 2, text: 'Carried forward' },
    { kind: 'list', ordered: true, items: carried.map((c) => `${c.label} (${c.column}, ${count(c.dots, 'dot')})`) },
  ];
}

/** While the dot vote is open, a sentence saying why no ranking is printed yet. */
export const voteNotice = (flow: FlowState): Block[] =>
  flow.phase === 'vote' ? [{ kind: 'paragraph', text: 'The dot vote is open: the ranking is printed once the results are in.', tone: 'muted' }] : [];

/** The body of a flow item below its facts: private or pending notice, notes and clusters, or ranked results. */
export function flowBody(state: SessionState, item: AgendaItem, options: ReportOptions, kinds: ReportKinds, origin?: NoteOrigin): Block[] {
  const pending = pendingBlocks(state, item);
  if (pending) return pending;
  const flow = flowOf(state, item.id);
  if (resultsIn(flow)) return [...rankedBlocks(state, item, kinds, origin), ...carriedBlocks(state, item, kinds)];
  const notes = readableNotes(state, item.id);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Notes by column' },
    ...notesByColumn(kinds.columnsOf(item), notes, options),
    ...clusterBlocks(state, item, kinds),
  ];
  return [...blocks, ...voteNotice(flow)];
}

/** The section of a brainstorm-flow item. */
export function flowReport(state: SessionState, item: AgendaItem, options: ReportOptions, kinds: ReportKinds, origin?: NoteOrigin): Block[] {
  return [...promptBlocks(item), flowFacts(state, item), ...flowBody(state, item, options, kinds, origin)];
}

/** Every group's label as the results name it (its name, or its first notes), by group id. */
export function groupLabels(state: SessionState, item: AgendaItem, kinds: ReportKinds): Map<string, string> {
  const out = new Map<string, string>();
  for (const entries of rankedColumns(state, item, kinds).values()) for (const e of entries) if (e.target.kind === 'group') out.set(e.target.id, e.label);
  return out;
}

/** One group's label, or null when the item has no such group. */
export function groupLabel(state: SessionState, item: AgendaItem, groupId: string, kinds: ReportKinds): string | null {
  const group = dictGet(flowOf(state, item.id).groups, groupId);
  if (!group) return null;
  return groupLabels(state, item, kinds).get(groupId) ?? (group.name || 'Unnamed group');
}

/** One cluster's report-out: where it sits, its notes, and its dots once the results are in. Null for no such group. */
export function flowGroupReport(state: SessionState, item: AgendaItem, groupId: string, _options: ReportOptions): Block[] | null {
  const flow = flowOf(state, item.id);
  const group = dictGet(flow.groups, groupId);
  if (!group) return null;
  const notes = readableNotes(state, item.id).filter((n) => n.groupId === group.id);
  const pairs: Array<[string, string]> = [
    ['Agenda item', item.title],
    ['Column', group.column],
    ['Notes', String(notes.length)],
  ];
  const key = targetKey({ kind: 'group', id: group.id });
  if (resultsIn(flow)) pairs.push(['Dots', String(dictGet(flow.totals, key) ?? 0)]);
  if (flow.carried.includes(key)) pairs.push(['Carried forward', 'Yes']);
  return [{ kind: 'facts', pairs }, notes.length ? { kind: 'list', items: notes.map((n) => n.text) } : { kind: 'paragraph', text: NO_NOTES }];
}
