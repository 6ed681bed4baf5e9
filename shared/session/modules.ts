import type { CommandType } from '../protocol/commands.js';
import { kindTable } from './kinds.js';
import { CORE_FACILITATOR_ONLY } from './permissions.js';
import type { KindTable, NotePolicy, SessionModule } from './module.js';
import type { AgendaItem, Note } from './state.js';

/** What the core looks up in the registry's modules, built once from the list. */
export interface ModuleTable {
  list: readonly SessionModule[];
  /** The module that owns a command or event type, by its prefix ("flow" for "flow.dot"). */
  owner(type: string): SessionModule | undefined;
  kinds: KindTable;
  facilitatorOnly: ReadonlySet<CommandType>;
  /** Commands whose events never name their sender (each module's `anonymous`). */
  anonymous: ReadonlySet<CommandType>;
  /** Commands an ended (read-only) session still takes: deleting it, and each module's `afterEnd`. */
  afterEnd: ReadonlySet<CommandType>;
  /**
   * The note rules of an item (from the first module its kind runs that has some), or for a note whose item has
   * none (removed): the anonymous notes' rules if the note is anonymous. Undefined: an open board.
   */
  notePolicy(item: Pick<AgendaItem, 'moduleType'> | undefined, note?: Pick<Note, 'anonymous'>): NotePolicy | undefined;
}

export function moduleTable(list: readonly SessionModule[]): ModuleTable {
  const byName = new Map<string, SessionModule>();
  for (const m of list) {
    if (byName.has(m.name)) throw new Error(`Two modules are named "${m.name}".`);
    byName.set(m.name, m);
  }
  const kinds = kindTable(list.flatMap((m) => m.kinds ?? []));
  const anonymous = list.find((m) => m.notes?.anonymous)?.notes;
  return {
    list,
    owner: (type) => byName.get(type.slice(0, type.indexOf('.'))),
    kinds,
    facilitatorOnly: new Set<CommandType>([...CORE_FACILITATOR_ONLY, ...list.flatMap((m) => m.facilitatorOnly ?? [])]),
    anonymous: new Set<CommandType>(list.flatMap((m) => m.anonymous ?? [])),
    afterEnd: new Set<CommandType>(['session.delete', ...list.flatMap((m) => m.afterEnd ?? [])]),
    notePolicy(item, note) {
      const own = item ? kinds.kindOf(item.moduleType).runs.map((name) => byName.get(name)?.notes).find((p) => p !== undefined) : undefined;
      return own ?? (note?.anonymous ? anonymous : undefined);
    },
  };
}
