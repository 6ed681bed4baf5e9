import { fail } from '../../protocol/results.js';
import { dictGet } from '../../session/dict.js';
import type { Decision } from '../../session/decide.js';
import type { DecideContext } from '../../session/module.js';
import { noteById } from '../../session/notes.js';
import type { SessionState } from '../../session/state.js';
import type { WorkGroupCommand, WorkGroupEvent } from './workgroup.events.js';
import { NO_SUCH_GROUP } from './workgroup.rules.js';
import {
  MAX_ANSWERS_PER_FIELD,
  MAX_GROUPS,
  MAX_STRATEGIES_PER_GROUP,
  MAX_THEMES,
  REPORT_FIELDS,
  workGroupsOf,
  type WorkGroup,
} from './workgroup.state.js';

export const NO_SUCH_THEME = 'That theme no longer exists.';
const GROUPS_FULL = `A session can have at most ${MAX_GROUPS} work groups.`;

type StructureCommand = Extract<
  WorkGroupCommand,
  { type: `workgroup.${'addTheme' | 'renameTheme' | 'removeTheme' | 'moveTheme' | 'makeGroups' | 'addGroup' | 'renameGroup' | 'mergeGroups' | 'configure' | 'setCapacity'}` }
>;

const ok = (...events: WorkGroupEvent[]): Decision => ({ ok: true, events });

/** A new group as the facilitator makes it: no members, no leader, following the session timer. */
export const newGroup = (id: string, name: string, themeId: string | null): WorkGroup => ({
  id,
  name,
  themeId,
  leaderId: null,
  capacity: null,
  timer: null,
  strategyOrder: [],
  readyAt: null,
});

/** Whether the note or flow cluster a theme is promoted from exists ("note:<id>", "group:<id>"). */
function sourceExists(s: SessionState, source: string): boolean {
  const at = source.indexOf(':');
  const id = source.slice(at + 1);
  if (source.slice(0, at) === 'note') return !!noteById(s, id);
  return Object.values(s.flows).some((f) => dictGet(f.groups, id) !== undefined);
}

/** Whether merging `from` into `into` stays within the caps of one group (strategies, answers per field). */
function mergeRefusal(s: SessionState, from: WorkGroup, into: WorkGroup): string | null {
  if (from.strategyOrder.length + into.strategyOrder.length > MAX_STRATEGIES_PER_GROUP)
    return `Together these groups have more than ${MAX_STRATEGIES_PER_GROUP} strategies: remove some before merging.`;
  const answers = Object.values(workGroupsOf(s).answers);
  for (const field of REPORT_FIELDS) {
    const n = answers.filter((a) => a.field === field && (a.workGroupId === from.id || a.workGroupId === into.id)).length;
    if (n > MAX_ANSWERS_PER_FIELD) return `Together these groups have more than ${MAX_ANSWERS_PER_FIELD} answers under one heading: remove some before merging.`;
  }
  return null;
}

/** Themes, the groups themselves, capacity and self-selection: the facilitator's setting up of the afternoon. */
export function decideStructure(s: SessionState, cmd: StructureCommand, { newId }: Pick<DecideContext, 'newId'>): Decision {
  const wg = workGroupsOf(s);
  const theme = (id: string) => wg.themes.find((t) => t.id === id);
  const group = (id: string) => wg.groups.find((g) => g.id === id);
  switch (cmd.type) {
    case 'workgroup.addTheme': {
      if (wg.themes.length >= MAX_THEMES) return fail('conflict', `A session can have at most ${MAX_THEMES} themes.`);
      const source = cmd.payload.source ?? null;
      if (source !== null && !sourceExists(s, source)) return fail('not_found', 'The note or group that theme comes from no longer exists.');
      return ok({ type: 'workgroup.themeAdded', theme: { id: newId(), title: cmd.payload.title, source } });
    }
    case 'workgroup.renameTheme':
      if (!theme(cmd.payload.themeId)) return fail('not_found', NO_SUCH_THEME);
      return ok({ type: 'workgroup.themeRenamed', themeId: cmd.payload.themeId, title: cmd.payload.title });
    case 'workgroup.removeTheme':
      if (!theme(cmd.payload.themeId)) return fail('not_found', NO_SUCH_THEME);
      return ok({ type: 'workgroup.themeRemoved', themeId: cmd.payload.themeId });
    case 'workgroup.moveTheme':
      if (!theme(cmd.payload.themeId)) return fail('not_found', NO_SUCH_THEME);
      return ok({ type: 'workgroup.themeMoved', themeId: cmd.payload.themeId, toIndex: Math.min(cmd.payload.toIndex, wg.themes.length - 1) });
    case 'workgroup.makeGroups': {
      const without = wg.themes.filter((t) => !wg.groups.some((g) => g.themeId === t.id));
      if (!wg.themes.length) return fail('conflict', 'Set the themes first: one work group is made per theme.');
      if (!without.length) return fail('conflict', 'Every theme has its work group already.');
      if (wg.groups.length + without.length > MAX_GROUPS) return fail('conflict', GROUPS_FULL);
      return ok(...without.map((t): WorkGroupEvent => ({ type: 'workgroup.groupAdded', group: newGroup(newId(), t.title, t.id) })));
    }
    case 'workgroup.addGroup': {
      if (wg.groups.length >= MAX_GROUPS) return fail('conflict', GROUPS_FULL);
      const themeId = cmd.payload.themeId ?? null;
      if (themeId !== null && !theme(themeId)) return fail('not_found', NO_SUCH_THEME);
      return ok({ type: 'workgroup.groupAdded', group: newGroup(newId(), cmd.payload.name, themeId) });
    }
    case 'workgroup.renameGroup':
      if (!group(cmd.payload.workGroupId)) return fail('not_found', NO_SUCH_GROUP);
      return ok({ type: 'workgroup.groupRenamed', workGroupId: cmd.payload.workGroupId, name: cmd.payload.name });
    case 'workgroup.mergeGroups': {
      const from = group(cmd.payload.workGroupId);
      const into = group(cmd.payload.intoId);
      if (!from || !into) return fail('not_found', NO_SUCH_GROUP);
      if (from.id === into.id) return fail('conflict', 'Pick another group to merge this one into.');
      const refused = mergeRefusal(s, from, into);
      if (refused) return fail('conflict', refused);
      return ok({ type: 'workgroup.groupsMerged', workGroupId: from.id, intoId: into.id });
    }
    case 'workgroup.configure':
      return ok({ type: 'workgroup.configured', capacity: cmd.payload.capacity, selfSelect: cmd.payload.selfSelect });
    case 'workgroup.setCapacity':
      if (!group(cmd.payload.workGroupId)) return fail('not_found', NO_SUCH_GROUP);
      return ok({ type: 'workgroup.capacitySet', workGroupId: cmd.payload.workGroupId, capacity: cmd.payload.capacity });
  }
}
