import { notesOfItem } from '../../session/notes.js';
import { dictGet } from '../../session/dict.js';
import type { Note, SessionState } from '../../session/state.js';
import { flowOf, targetKey } from './flow.logic.js';
import type { KindTable } from '../../session/module.js';
import type { VoteTarget } from './flow.state.js';

/** One thing the room voted on: a group (named, with its notes) or a single note. */
export interface RankedEntry {
  target: VoteTarget;
  key: string;
  label: string;
  notes: Note[];
  dots: number;
  carried: boolean;
}

/** What a vote target is called: the group's name (or its first notes), or the note's text. */
function labelOf(name: string, notes: Note[]): string {
  if (name) return name;
  const texts = notes.map((n) => n.text).filter(Boolean);
  return texts.slice(0, 2).join(' / ') + (texts.length > 2 ? ` (+${texts.length - 2})` : '');
}

/**
 * The vote targets of an item per column, most dots first (ties in the order the notes were posted). Dots come from
 * the public totals once results are in; before that from what this screen knows (the facilitator knows all).
 */
export function rankedByColumn(s: SessionState, itemId: string, columns: string[]): Map<string, RankedEntry[]> {
  const flow = flowOf(s, itemId);
  const out = new Map<string, RankedEntry[]>(columns.map((c) => [c, []]));
  // A note the facilitator hid is out of the board, the vote and the results (its author and the console list it apart).
  const notes = notesOfItem(s, itemId).filter((n) => !n.withheld);
  const seen = new Set<string>();
  for (const note of notes) {
    const target: VoteTarget = note.groupId ? { kind: 'group', id: note.groupId } : { kind: 'note', id: note.id };
    const key = targetKey(target);
    if (seen.has(key)) continue;
    seen.add(key);
    const group = note.groupId ? dictGet(flow.groups, note.groupId) : undefined;
    const members = group ? notes.filter((n) => n.groupId === group.id) : [note];
    const column = group?.column ?? note.column;
    const entry: RankedEntry = {
      target,
      key,
      label: labelOf(group?.name ?? '', members),
      notes: members,
      dots: dictGet(flow.totals, key) ?? 0,
      carried: flow.carried.includes(key),
    };
    (out.get(column) ?? out.get(columns[0] ?? '') ?? []).push(entry);
  }
  for (const list of out.values()) list.sort((a, b) => b.dots - a.dots);
  return out;
}

/** The targets carried forward from every brainstorm item of the session, as text, for the vision retreat. */
export function carriedForward(s: SessionState, kinds: Pick<KindTable, 'columnsOf'>): { itemId: string; column: string; label: string; dots: number }[] {
  const out: { itemId: string; column: string; label: string; dots: number }[] = [];
  for (const item of s.agenda) {
    const flow = dictGet(s.flows, item.id);
    if (!flow?.carried.length) continue;
    const ranked = rankedByColumn(s, item.id, kinds.columnsOf(item));
    const entries = [...ranked.entries()].flatMap(([column, list]) => list.map((e) => ({ column, e })));
    for (const key of flow.carried) {
      const hit = entries.find(({ e }) => e.key === key);
      if (hit) out.push({ itemId: item.id, column: hit.column, label: hit.e.label, dots: hit.e.dots });
    }
  }
  return out;
}
