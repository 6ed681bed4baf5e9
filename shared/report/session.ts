/**
 * The report builder: a whole session (title page facts, the agenda with planned and actual minutes, then each
 * item's section from its module), one agenda item (its section alone), or one group (its report-out). Anonymous
 * by default: participant names appear only inside sections, and only when `options.names` is on.
 *
 * An unknown item or group id is refused with a `ReportError` (thrown, never an empty document): the HTTP layer
 * answers 404 with its sentence.
 */
import { kindOf, kinds } from '../modules/registry.js';
import { dictGet } from '../session/dict.js';
import { keyedSize, keyedValues } from '../session/keyed.js';
import { allNotes } from '../session/notes.js';
import type { AgendaItem, Note, SessionState } from '../session/state.js';
import { runElapsed } from '../session/timer.js';
import { onItemMsOf } from '../session/itemTime.js';
import { notesByColumn, readableNotes } from './blocks.js';
import { formatDate, formatDateTime, minutesText, ReportError } from './format.js';
import type { Block, ReportDoc, ReportOptions, ReportSection } from './model.js';

export { ReportError } from './format.js';

/** Milliseconds the item's timer ran, including a run still going at `at` (a report made mid-session). */
export function actualMsOf(state: SessionState, itemId: string, at: number): number {
  const running = state.timer.itemId === itemId ? runElapsed(state.timer, at) : 0;
  return (dictGet(state.actualMs, itemId) ?? 0) + running;
}

/** Minutes on an item, or that the room never went there. */
const onItemText = (ms: number): string => (ms <= 0 ? 'not visited' : minutesText(ms));

/** The agenda item a scoped report names, or a ReportError saying it is not there. */
export function itemOrRefuse(state: SessionState, itemId: string): AgendaItem {
  const item = state.agenda.find((i) => i.id === itemId);
  if (!item) throw new ReportError('That agenda item is not in this session.');
  return item;
}

function agendaSection(state: SessionState, options: ReportOptions): ReportSection {
  if (!state.agenda.length) return { title: 'Agenda', blocks: [{ kind: 'paragraph', text: 'The agenda has no items.' }] };
  const rows = state.agenda.map((i) => [
    i.title,
    kindOf(i.moduleType).label,
    String(i.plannedMinutes),
    onItemText(onItemMsOf(state, i.id, options.at)),
    minutesText(actualMsOf(state, i.id, options.at)),
  ]);
  const columns = ['Item', 'Kind', 'Planned (min)', 'On the item (min)', 'Timer ran (min)'];
  return { title: 'Agenda', blocks: [{ kind: 'table', columns, rows, widths: [4, 2, 1.2, 1.2, 1.2] }] };
}

const itemSection = (state: SessionState, item: AgendaItem, options: ReportOptions): ReportSection => ({
  title: item.title,
  blocks: kindOf(item.moduleType).report(state, item, options, kinds),
});

function titleFacts(state: SessionState, options: ReportOptions, notes: number): Array<[string, string]> {
  const facts: Array<[string, string]> = [['Date', formatDate(state.createdAt, options.timeZone)]];
  const facilitator = options.facilitator?.trim();
  if (facilitator) facts.push(['Facilitator', facilitator]);
  const simulated = keyedValues(state.participants).filter((p) => p.simulated).length;
  if (state.rehearsal) facts.push(['Rehearsal', 'Yes: a rehearsal with simulated participants, not a real session']);
  const people = String(keyedSize(state.participants));
  facts.push(['Participants', simulated ? `${people} (${simulated} simulated)` : people], ['Notes', String(notes)]);
  facts.push(['Status', state.endedAt ? `Ended ${formatDateTime(state.endedAt, options.timeZone)}` : 'In progress']);
  facts.push(['Report made', formatDateTime(options.at, options.timeZone)]);
  return facts;
}

const itemFacts = (state: SessionState, item: AgendaItem, options: ReportOptions): Array<[string, string]> => [
  ['Agenda item', item.title],
  ['Planned (min)', String(item.plannedMinutes)],
  ['On the item (min)', onItemText(onItemMsOf(state, item.id, options.at))],
  ['Timer ran (min)', minutesText(actualMsOf(state, item.id, options.at))],
];

/**
 * The notes of items taken off the agenda mid-session: the state keeps them, so the report does too, in a section of
 * their own (nothing posted goes missing). Which kind the item was is gone with it, so a note that may have been
 * private (its silent brainstorm not revealed, or no flow to say so and an anonymous note) is only counted.
 */
function removedItemsSection(state: SessionState, options: ReportOptions): ReportSection[] {
  const onAgenda = new Set(state.agenda.map((i) => i.id));
  const notes = allNotes(state).filter((n) => !onAgenda.has(n.itemId) && !n.hidden && !n.withheld);
  if (!notes.length) return [];
  const mayBePrivate = (n: Note): boolean => {
    const flow = dictGet(state.flows, n.itemId);
    return flow ? flow.phase === 'brainstorm' : n.anonymous;
  };
  const shown = notes.filter((n) => !mayBePrivate(n));
  const counted = notes.length - shown.length;
  const blocks: Block[] = [{ kind: 'paragraph', text: 'These notes were posted on agenda items that were removed later.' }];
  if (shown.length) blocks.push(...notesByColumn([], shown, options));
  if (counted)
    blocks.push({ kind: 'paragraph', text: `${counted} more note${counted === 1 ? ' is' : 's are'} not shown here: posted during a silent brainstorm or anonymously, on an item removed since, so they may be private.` });
  return [{ title: 'Removed from the agenda', blocks }];
}

/** A rehearsal's report says so on every page (the PDF's footers) and in its exports. */
const rehearsalMark = (state: SessionState): Pick<ReportDoc, 'rehearsal'> => (state.rehearsal ? { rehearsal: true } : {});

export function buildReport(state: SessionState, options: ReportOptions): ReportDoc {
  const title = state.title || 'Session';
  const date = formatDate(state.createdAt, options.timeZone);
  const scope = options.scope;
  if (scope.kind === 'session') {
    const notes = allNotes(state).filter((n) => !n.hidden).length;
    const sections = [agendaSection(state, options), ...state.agenda.map((i) => itemSection(state, i, options)), ...removedItemsSection(state, options)];
    return { version: 1, title, subtitle: date, facts: titleFacts(state, options, notes), sections, ...rehearsalMark(state) };
  }
  const item = itemOrRefuse(state, scope.itemId);
  const facts = [...titleFacts(state, options, readableNotes(state, item.id).length), ...itemFacts(state, item, options)];
  if (scope.kind === 'item') return { version: 1, title, subtitle: `${item.title} · ${date}`, facts, sections: [itemSection(state, item, options)], ...rehearsalMark(state) };
  const kind = kindOf(item.moduleType);
  const name = kind.groupTitle?.(state, item, scope.groupId, kinds);
  const blocks = kind.groupReport?.(state, item, scope.groupId, options, kinds);
  if (!name || !blocks) throw new ReportError('That group is not in this agenda item.');
  return { version: 1, title, subtitle: `${name} · ${item.title} · ${date}`, facts, sections: [{ title: name, blocks }], ...rehearsalMark(state) };
}
