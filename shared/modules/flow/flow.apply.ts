import { keyedDelete, keyedSet } from '../../session/keyed.js';
import { allNotes, noteById } from '../../session/notes.js';
import { dictGet, dictSet, dictUpdate, dictWithout, emptyDict, type Dict } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';
import type { EventMeta } from '../../session/module.js';
import type { FlowEvent } from './flow.events.js';
import { initialFlow, type FlowState } from './flow.state.js';
import { targetKey } from './flow.logic.js';
import { applyBack } from './flow.back.js';
import { applyTrim, orderAfterDot } from './flow.trim.js';

const withFlow = (s: SessionState, itemId: string, f: (flow: FlowState) => FlowState): SessionState => ({
  ...s,
  flows: dictUpdate(s.flows, itemId, initialFlow, f),
});

/** The notices without this voter's (none left: no record at all, as on a screen that never had one). */
function withoutNotice(notices: Dict<string> | undefined, voter: string): Dict<string> | undefined {
  if (!notices || dictGet(notices, voter) === undefined) return notices;
  const rest = dictWithout(notices, voter);
  return Object.keys(rest).length ? rest : undefined;
}

/** The brainstorm flow's events applied to the state. */
export function applyFlow(s: SessionState, e: FlowEvent & EventMeta): SessionState {
  switch (e.type) {
    case 'flow.advanced': {
      if (e.back)
        return withFlow(applyBack(s, e), e.itemId, (f) => ({
          ...f,
          phase: e.phase,
          totals: e.phase === 'results' ? f.totals : null,
          dots: e.clearedDots ? emptyDict() : f.dots,
          order: e.clearedDots ? undefined : f.order,
        }));
      let next = withFlow(s, e.itemId, (f) => ({ ...f, phase: e.phase, totals: e.totals ?? f.totals }));
      for (const n of e.revealed ?? []) {
        const mine = noteById(s, n.id);
        // A screen that knew the author (its own note, or the facilitator) keeps knowing it.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: a screen holds an author only where it may know it, and holds every note (stand-ins too), so the checks are a guard only
        const author = mine && !mine.hidden && mine.authorId ? { authorId: mine.authorId, authorName: mine.authorName } : {};
        next = { ...next, notes: keyedSet(next.notes, n.id, { ...n, ...author }) };
      }
      return next;
    }
    case 'flow.configured':
      return withFlow(s, e.itemId, (f) => ({ ...f, dotsPerPerson: e.dotsPerPerson, maxPerItem: e.maxPerItem }));
    case 'flow.grouped': {
      let notes = s.notes;
      for (const id of e.noteIds) {
        const n = noteById(s, id);
        if (n) notes = keyedSet(notes, id, { ...n, groupId: e.group.id, column: e.group.column });
      }
      return withFlow({ ...s, notes }, e.itemId, (f) => ({ ...f, groups: dictSet(f.groups, e.group.id, dictGet(f.groups, e.group.id) ?? e.group) }));
    }
    case 'flow.ungrouped': {
      const n = noteById(s, e.noteId);
      const next = n ? { ...s, notes: keyedSet(s.notes, n.id, { ...n, groupId: null }) } : s;
      if (!e.dissolved) return next;
      const gone = e.dissolved;
      return withFlow(next, e.itemId, (f) => ({ ...f, groups: dictWithout(f.groups, gone) }));
    }
    case 'flow.groupRenamed':
      return withFlow(s, e.itemId, (f) => {
        const g = dictGet(f.groups, e.groupId);
        return g ? { ...f, groups: dictSet(f.groups, g.id, { ...g, name: e.name }) } : f;
      });
    case 'flow.groupMoved': {
      let notes = s.notes;
      for (const n of allNotes(s)) if (n.groupId === e.groupId) notes = keyedSet(notes, n.id, { ...n, column: e.column });
      return withFlow({ ...s, notes }, e.itemId, (f) => {
        const g = dictGet(f.groups, e.groupId);
        return g ? { ...f, groups: dictSet(f.groups, g.id, { ...g, column: e.column }) } : f;
      });
    }
    case 'flow.dotted':
      return withFlow(s, e.itemId, (f) => {
        const key = targetKey(e.target);
        const mine = dictGet(f.dots, e.voter) ?? emptyDict<number>();
        const n = (dictGet(mine, key) ?? 0) + e.delta;
        return {
          ...f,
          dots: dictSet(f.dots, e.voter, n > 0 ? dictSet(mine, key, n) : dictWithout(mine, key)),
          order: orderAfterDot(f, e.voter, key, e.delta),
          trimNotices: withoutNotice(f.trimNotices, e.voter),
        };
      });
    case 'flow.carried':
      return withFlow(s, e.itemId, (f) => {
        const key = targetKey(e.target);
        const rest = f.carried.filter((k) => k !== key);
        return { ...f, carried: e.carried ? [...rest, key] : rest };
      });
    case 'flow.dotsTrimmed':
      return withFlow(s, e.itemId, (f) => applyTrim(f, e));
    case 'flow.noteHidden': {
      const mine = noteById(s, e.noteId);
      // A screen that knows who wrote it (its author, the facilitator) keeps it, marked; the others drop it or get its stand-in.
      if (mine && mine.authorName) return { ...s, notes: keyedSet(s.notes, e.noteId, { ...e.note, createdAt: mine.createdAt, updatedAt: mine.updatedAt }) };
      if (e.hidden) return { ...s, notes: keyedDelete(s.notes, e.noteId) };
      return { ...s, notes: keyedSet(s.notes, e.noteId, { ...e.note, createdAt: e.at, updatedAt: e.at }) };
    }
    // Stryker disable next-line all: unreachable, every event type has its case (the compiler checks)
    default: {
      const never: never = e;
      return never;
    }
  }
}
