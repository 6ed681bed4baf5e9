/**
 * The report sections of the theme work groups: the themes, and every group's report-out. One group's report-out
 * (what its members take home as a PDF) holds that group and nothing of any other: its theme, its leader, how many
 * members, its strategies with their action steps, the four headings of seed 003 and when it was marked ready.
 * Names (the leader's, the authors') are printed only when the export turns them on.
 */
import { promptBlocks } from '../../report/blocks.js';
import { count, formatDateTime } from '../../report/format.js';
import type { Block, ReportOptions } from '../../report/model.js';
import { personName } from '../../report/people.js';
import { dictGet } from '../../session/dict.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { membersOf } from './workgroup.rules.js';
import { REPORT_FIELD_LABELS, REPORT_FIELDS, workGroupsOf, type ReportAnswer, type Strategy, type WorkGroup } from './workgroup.state.js';

export const NO_THEMES = 'No themes were set.';
export const NO_GROUPS = 'No work groups were formed.';
export const NO_STRATEGIES = 'No strategies were written.';
export const NO_STEPS = 'No action steps yet.';
export const NO_ANSWERS = 'Nothing was written under this heading.';

const withAuthor = (text: string, authorName: string, options: ReportOptions): string =>
  options.names && authorName ? `${text} (${authorName})` : text;

/** A group's strategies in the order its leader set. */
export const strategiesOf = (s: SessionState, g: WorkGroup): Strategy[] =>
  g.strategyOrder.map((id) => dictGet(workGroupsOf(s).strategies, id)).filter((x): x is Strategy => x !== undefined);

/** A group's answers under one heading, oldest first. */
export const answersOf = (s: SessionState, groupId: string, field: ReportAnswer['field']): ReportAnswer[] =>
  Object.values(workGroupsOf(s).answers)
    .filter((a) => a.workGroupId === groupId && a.field === field)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

const themeTitle = (s: SessionState, g: WorkGroup): string => workGroupsOf(s).themes.find((t) => t.id === g.themeId)?.title ?? 'No theme';

function groupFacts(s: SessionState, g: WorkGroup, options: ReportOptions): Block {
  const leader = g.leaderId === null ? 'Not chosen yet' : options.names ? personName(s, g.leaderId) || 'Chosen' : 'Chosen';
  return {
    kind: 'facts',
    pairs: [
      ['Theme', themeTitle(s, g)],
      ['Leader', leader],
      ['Members', String(membersOf(s, g.id).length)],
      ['Report-out', g.readyAt === null ? 'Being written' : `Ready ${formatDateTime(g.readyAt, options.timeZone)}`],
    ],
  };
}

function strategyBlocks(s: SessionState, g: WorkGroup, options: ReportOptions, level: 2 | 3): Block[] {
  const strategies = strategiesOf(s, g);
  const blocks: Block[] = [{ kind: 'heading', level, text: 'Strategies and action steps' }];
  if (!strategies.length) return [...blocks, { kind: 'paragraph', text: NO_STRATEGIES, tone: 'muted' }];
  strategies.forEach((st, n) => {
    blocks.push({ kind: 'paragraph', text: `${n + 1}. ${withAuthor(st.text, st.authorName, options)}` });
    blocks.push(
      st.steps.length
        ? { kind: 'table', columns: ['Action step', 'Owner', 'By when'], rows: st.steps.map((x) => [x.what, x.owner, x.byWhen]), widths: [3, 1.5, 1] }
        : { kind: 'paragraph', text: NO_STEPS, tone: 'muted' },
    );
  });
  return blocks;
}

function answerBlocks(s: SessionState, g: WorkGroup, options: ReportOptions, level: 2 | 3): Block[] {
  return REPORT_FIELDS.flatMap((field): Block[] => {
    const answers = answersOf(s, g.id, field);
    return [
      { kind: 'heading', level, text: REPORT_FIELD_LABELS[field] },
      answers.length
        ? { kind: 'list', items: answers.map((a) => withAuthor(a.text, a.authorName, options)) }
        : { kind: 'paragraph', text: NO_ANSWERS, tone: 'muted' },
    ];
  });
}

/** A group's facts, strategies and report-out, under headings of the given level. */
export const groupBlocks = (s: SessionState, g: WorkGroup, options: ReportOptions, level: 2 | 3): Block[] => [
  groupFacts(s, g, options),
  ...strategyBlocks(s, g, options, level),
  ...answerBlocks(s, g, options, level),
];

/** One work group's report-out, or null when the session has no such group. */
export function workGroupReport(s: SessionState, _item: AgendaItem, groupId: string, options: ReportOptions): Block[] | null {
  const g = workGroupsOf(s).groups.find((x) => x.id === groupId);
  return g ? groupBlocks(s, g, options, 2) : null;
}

/** What a work group is called in a report's title and file name. */
export function workGroupTitle(s: SessionState, _item: AgendaItem, groupId: string): string | null {
  return workGroupsOf(s).groups.find((x) => x.id === groupId)?.name ?? null;
}

/** The section of a themes item: the prompt and the themes in their order. */
export function themesReport(s: SessionState, item: AgendaItem): Block[] {
  const themes = workGroupsOf(s).themes;
  return [
    ...promptBlocks(item),
    themes.length ? { kind: 'list', ordered: true, items: themes.map((t) => t.title) } : { kind: 'paragraph', text: NO_THEMES },
  ];
}

/** The section of a work-groups item: every group's report-out in turn. */
export function workGroupsReport(s: SessionState, item: AgendaItem, options: ReportOptions): Block[] {
  const groups = workGroupsOf(s).groups;
  if (!groups.length) return [...promptBlocks(item), { kind: 'paragraph', text: NO_GROUPS }];
  const counts: Block = { kind: 'paragraph', text: `${count(groups.length, 'work group')}, ${count(groups.filter((g) => g.readyAt !== null).length, 'report-out')} marked ready.` };
  return [...promptBlocks(item), counts, ...groups.flatMap((g) => [{ kind: 'heading', level: 2, text: g.name } as Block, ...groupBlocks(s, g, options, 3)])];
}
