import { dictGet, dictSet, dictWithout, mapDict, toDict, type Dict } from '../../session/dict.js';
import { plenaryAuthorRenamed, plenaryGroupMerged } from '../plenary/plenary.follow.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { WorkGroupEvent } from './workgroup.events.js';
import { nextTimer } from './workgroup.timers.js';
import { MAX_MESSAGES, workGroupsOf, type WorkGroup, type WorkGroupsState } from './workgroup.state.js';

/** `list` with `id`'s entry moved to `toIndex` (unchanged when it is not there). */
function moved<T>(list: readonly T[], found: (x: T) => boolean, toIndex: number): T[] {
  const at = list.findIndex(found);
  if (at < 0) return [...list];
  const rest = list.filter((_, i) => i !== at);
  rest.splice(Math.min(toIndex, rest.length), 0, list[at]!);
  return rest;
}

/** The work groups after one of their events. Never throws; an event naming something gone changes nothing. */
export function applyWorkGroup(s: SessionState, e: WorkGroupEvent & EventMeta): SessionState {
  const wg = workGroupsOf(s);
  const put = (next: Partial<WorkGroupsState>): SessionState => ({ ...s, workgroups: { ...wg, ...next } });
  const groups = (id: string, change: (g: WorkGroup) => WorkGroup): SessionState =>
    put({ groups: wg.groups.map((g) => (g.id === id ? change(g) : g)) });
  switch (e.type) {
    case 'workgroup.themeAdded':
      return put({ themes: [...wg.themes, e.theme] });
    case 'workgroup.themeRenamed':
      return put({ themes: wg.themes.map((t) => (t.id === e.themeId ? { ...t, title: e.title } : t)) });
    case 'workgroup.themeRemoved':
      return put({
        themes: wg.themes.filter((t) => t.id !== e.themeId),
        groups: wg.groups.map((g) => (g.themeId === e.themeId ? { ...g, themeId: null } : g)),
      });
    case 'workgroup.themeMoved':
      return put({ themes: moved(wg.themes, (t) => t.id === e.themeId, e.toIndex) });
    case 'workgroup.groupAdded':
      return wg.groups.some((g) => g.id === e.group.id) ? s : put({ groups: [...wg.groups, e.group] });
    case 'workgroup.groupRenamed':
      return groups(e.workGroupId, (g) => ({ ...g, name: e.name }));
    case 'workgroup.groupsMerged': {
      const from = wg.groups.find((g) => g.id === e.workGroupId);
      const into = wg.groups.find((g) => g.id === e.intoId);
      if (!from || !into || from === into) return s;
      const move = <V extends { workGroupId: string }>(v: V): V => (v.workGroupId === from.id ? { ...v, workGroupId: into.id } : v);
      const merged: WorkGroup = { ...into, leaderId: into.leaderId ?? from.leaderId, strategyOrder: [...into.strategyOrder, ...from.strategyOrder] };
      const messages = wg.messages.map((m) => (m.workGroupId === from.id ? { ...m, workGroupId: into.id } : m));
      const after = put({
        groups: wg.groups.filter((g) => g.id !== from.id).map((g) => (g.id === into.id ? merged : g)),
        members: mapDict(wg.members, (id) => (id === from.id ? into.id : id)),
        strategies: mapDict(wg.strategies, move),
        answers: mapDict(wg.answers, move),
        messages,
      });
      // Report-out mode, the room's questions and the synthesis's links name the group it went into.
      return plenaryGroupMerged(after, from.id, into.id);
    }
    case 'workgroup.configured':
      return put({ capacity: e.capacity, selfSelect: e.selfSelect });
    case 'workgroup.capacitySet':
      return groups(e.workGroupId, (g) => ({ ...g, capacity: e.capacity }));
    case 'workgroup.assigned': {
      const before = dictGet(wg.members, e.participantId);
      const members = e.workGroupId === null ? dictWithout(wg.members, e.participantId) : dictSet(wg.members, e.participantId, e.workGroupId);
      const left = before !== e.workGroupId;
      const gs = wg.groups.map((g) => (left && g.id === before && g.leaderId === e.participantId ? { ...g, leaderId: null } : g));
      return put({ members, groups: gs });
    }
    case 'workgroup.leaderSet':
      return groups(e.workGroupId, (g) => ({ ...g, leaderId: e.participantId }));
    case 'workgroup.timed':
      return groups(e.workGroupId, (g) => ({ ...g, timer: nextTimer(g.timer, e.action, e.minutes, e.at) }));
    case 'workgroup.messaged': {
      const kept = wg.messages.filter((m) => !e.dropIds.includes(m.id));
      return put({ messages: (e.message ? [...kept, e.message] : kept).slice(-MAX_MESSAGES) });
    }
    case 'workgroup.strategyAdded': {
      const { strategy } = e;
      if (dictGet(wg.strategies, strategy.id)) return s;
      const strategies = dictSet(wg.strategies, strategy.id, { ...strategy, createdAt: e.at, steps: [] });
      return put({ strategies, groups: wg.groups.map((g) => (g.id === strategy.workGroupId ? { ...g, strategyOrder: [...g.strategyOrder, strategy.id] } : g)) });
    }
    case 'workgroup.strategyEdited':
    case 'workgroup.stepAdded':
    case 'workgroup.stepEdited':
    case 'workgroup.stepRemoved': {
      const st = dictGet(wg.strategies, e.strategyId);
      if (!st) return s;
      const steps =
        e.type === 'workgroup.stepAdded'
          ? [...st.steps, e.step]
          : e.type === 'workgroup.stepEdited'
            ? st.steps.map((x) => (x.id === e.stepId ? { ...x, what: e.what, owner: e.owner, byWhen: e.byWhen } : x))
            : e.type === 'workgroup.stepRemoved'
              ? st.steps.filter((x) => x.id !== e.stepId)
              : st.steps;
      const text = e.type === 'workgroup.strategyEdited' ? e.text : st.text;
      return put({ strategies: dictSet(wg.strategies, st.id, { ...st, text, steps }) });
    }
    case 'workgroup.strategyRemoved':
      return put({
        strategies: dictWithout(toDict(wg.strategies), e.strategyId),
        groups: wg.groups.map((g) => (g.strategyOrder.includes(e.strategyId) ? { ...g, strategyOrder: g.strategyOrder.filter((id) => id !== e.strategyId) } : g)),
      });
    case 'workgroup.strategyMoved': {
      const st = dictGet(wg.strategies, e.strategyId);
      return st ? groups(st.workGroupId, (g) => ({ ...g, strategyOrder: moved(g.strategyOrder, (id) => id === st.id, e.toIndex) })) : s;
    }
    case 'workgroup.answerAdded':
      return dictGet(wg.answers, e.answer.id) ? s : put({ answers: dictSet(wg.answers, e.answer.id, { ...e.answer, createdAt: e.at }) });
    case 'workgroup.answerEdited': {
      const a = dictGet(wg.answers, e.answerId);
      return a ? put({ answers: dictSet(wg.answers, a.id, { ...a, text: e.text }) }) : s;
    }
    case 'workgroup.answerRemoved':
      return put({ answers: dictWithout(toDict(wg.answers), e.answerId) });
    case 'workgroup.readySet':
      return groups(e.workGroupId, (g) => ({ ...g, readyAt: e.ready ? e.at : null }));
    // Stryker disable next-line all: unreachable, every event type has its case (the compiler checks)
    default: {
      const never: never = e;
      return never;
    }
  }
}

/**
 * A participant's new name on what they wrote in the work groups, or none once the facilitator removed them (their
 * strategies, answers and questions to the groups stay, without their name), as with their notes (see people.logic.ts).
 */
export function authorRenamed(s: SessionState, participantId: string, name: string): SessionState {
  const wg = workGroupsOf(s);
  const rename = <V extends { authorId: string | null; authorName: string }>(v: V): V =>
    v.authorId === participantId && v.authorName !== name ? { ...v, authorName: name } : v;
  const mine = (d: Dict<{ authorId: string | null }>) => Object.values(d).some((v) => v.authorId === participantId);
  // And on the questions and reactions they sent the groups presenting.
  const t = plenaryAuthorRenamed(s, participantId, name);
  if (!mine(wg.strategies) && !mine(wg.answers)) return t;
  return { ...t, workgroups: { ...wg, strategies: mapDict(wg.strategies, rename), answers: mapDict(wg.answers, rename) } };
}
