/**
 * The report sections of the large group: every group's report-out (in the order presented) with the questions and
 * reactions it got; the synthesis (the flow's notes and dot vote) with where each pulled note came from; next steps.
 */
import { promptBlocks, readableNotes } from '../../report/blocks.js';
import { count, formatDate } from '../../report/format.js';
import type { Block, ReportOptions } from '../../report/model.js';
import type { ReportKinds } from '../../session/module.js';
import type { AgendaItem, Note, SessionState } from '../../session/state.js';
import { flowReport, resultsIn } from '../flow/flow.report.js';
import { flowOf, targetKey } from '../flow/flow.logic.js';
import { dictGet } from '../../session/dict.js';
import { workGroupsOf, type WorkGroup } from '../workgroup/workgroup.state.js';
import { groupBlocks } from '../workgroup/workgroup.report.js';
import { linkOf, pullFieldLabel } from './plenary.pull.js';
import { PARTNER_LABELS, plenaryOf, type NextStep, type SynthesisLink } from './plenary.state.js';

/** The groups in the order they presented, then those that did not (yet). */
export function groupsInOrder(s: SessionState): WorkGroup[] {
  const groups = workGroupsOf(s).groups;
  const presented = plenaryOf(s).presented.flatMap((id) => groups.filter((g) => g.id === id));
  return [...presented, ...groups.filter((g) => !presented.includes(g))];
}

function reactionBlocks(s: SessionState, group: WorkGroup, options: ReportOptions): Block[] {
  const mine = plenaryOf(s).reactions.filter((r) => r.workGroupId === group.id);
  if (!mine.length) return [];
  const line = (r: (typeof mine)[number]) => `${r.kind === 'question' ? 'Question' : 'Reaction'}: ${r.text}${options.names && r.authorName ? ` (${r.authorName})` : ''}`;
  return [{ kind: 'heading', level: 3, text: 'Questions and reactions from the room' }, { kind: 'list', items: mine.map(line) }];
}

/** Where a pulled note came from, in words: "Group 2 · Basic recommendations". */
export const linkText = (l: SynthesisLink): string => `${l.groupName} · ${pullFieldLabel(l.field)}`;

function importedSynthesisBlocks(s: SessionState): Block[] {
  const p = plenaryOf(s);
  if (!p.importedFrom || !p.importedSynthesis.length) return [];
  const rows = p.importedSynthesis.map((e) => [e.column, e.text, String(e.dots), e.link ? linkText(e.link) : '']);
  return [
    { kind: 'heading', level: 2, text: `Synthesis of ${p.importedFrom.title}` },
    { kind: 'table', columns: ['Heading', 'Entry', 'Dots', 'From'], rows, widths: [1.5, 3, 0.6, 1.6] },
  ];
}

export function reportOutReport(s: SessionState, item: AgendaItem, options: ReportOptions): Block[] {
  const p = plenaryOf(s);
  const groups = groupsInOrder(s);
  const head: Block[] = [...promptBlocks(item)];
  if (p.importedFrom) head.push({ kind: 'paragraph', text: `The groups and their work come from ${p.importedFrom.title} (${formatDate(p.importedFrom.createdAt, options.timeZone)}).` });
  if (!groups.length) return [...head, { kind: 'paragraph', text: 'No work groups were formed.' }];
  // The whole day's report prints each group's work once, under the work-groups item; here the order and the room's questions.
  const printedAt = options.scope.kind === 'session' ? s.agenda.find((i) => i.moduleType === 'workgroups') : undefined;
  if (printedAt) head.push({ kind: 'paragraph', text: `Each group’s report-out is printed under “${printedAt.title}”.`, tone: 'muted' });
  const body = groups.flatMap((g, n): Block[] => {
    const pairs: Array<[string, string]> = [
      ['Order', `Group ${n + 1} of ${groups.length}`],
      ['Presented', p.presented.includes(g.id) ? 'Yes' : 'Not yet'],
    ];
    const work = printedAt ? [] : groupBlocks(s, g, options, 3);
    return [{ kind: 'heading', level: 2, text: g.name }, { kind: 'facts', pairs }, ...work, ...reactionBlocks(s, g, options)];
  });
  return [...head, ...body, ...importedSynthesisBlocks(s)];
}

/** The dots a synthesis note counts for: its own, or its cluster's (the room votes on clusters as one). */
function dotsOf(s: SessionState, note: Note): number {
  const flow = flowOf(s, note.itemId);
  const key = targetKey(note.groupId ? { kind: 'group', id: note.groupId } : { kind: 'note', id: note.id });
  return dictGet(flow.totals, key) ?? 0;
}

/** The flow's section (notes, clusters, the dot vote's ranking), then where each pulled note came from, with its dots. */
export function synthesisReport(s: SessionState, item: AgendaItem, options: ReportOptions, kinds: ReportKinds): Block[] {
  const withDots = resultsIn(flowOf(s, item.id));
  const pulled = readableNotes(s, item.id).flatMap((n) => {
    const link = linkOf(s, n.id);
    if (!link) return [];
    const row = [n.text, n.column, link.groupName, pullFieldLabel(link.field)];
    return [withDots ? [...row, String(dotsOf(s, n))] : row];
  });
  const columns = ['Entry', 'Heading', 'Group', 'Taken from', ...(withDots ? ['Dots'] : [])];
  const links: Block[] = pulled.length
    ? [{ kind: 'heading', level: 2, text: 'From the work groups' }, { kind: 'table', columns, rows: pulled, widths: [2.6, 1.5, 1.4, 1.9, ...(withDots ? [0.5] : [])] }]
    : [];
  const origin = (n: Note) => {
    const link = linkOf(s, n.id);
    return link ? `from ${link.groupName}` : undefined;
  };
  return [...flowReport(s, item, options, kinds, origin), ...links];
}

/** The next steps an item lists: its own, and on the first next-steps item those imported before it existed. */
export function nextStepsOf(s: SessionState, item: AgendaItem): NextStep[] {
  const first = s.agenda.find((i) => i.moduleType === 'nextsteps')?.id === item.id;
  return plenaryOf(s).nextSteps.filter((n) => n.itemId === item.id || (first && !s.agenda.some((i) => i.id === n.itemId)));
}

export const termLabel = (t: NextStep['term']): string => (t === 'short' ? 'Short term' : 'Long term');

export function nextStepsReport(s: SessionState, item: AgendaItem): Block[] {
  const steps = nextStepsOf(s, item);
  if (!steps.length) return [...promptBlocks(item), { kind: 'paragraph', text: 'No next steps were recorded.' }];
  const rows = steps.map((n) => [n.what, n.owner, n.partner ? PARTNER_LABELS[n.partner] : '', termLabel(n.term), n.date]);
  return [
    ...promptBlocks(item),
    { kind: 'facts', pairs: [['Next steps', count(steps.length, 'step')]] },
    { kind: 'table', columns: ['What', 'Owner', 'Partner', 'Term', 'Date'], rows, widths: [3, 1.3, 1.6, 0.9, 0.9] },
  ];
}
