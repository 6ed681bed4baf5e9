import type { CommandBody } from '../protocol/commands.js';
import { MODULE_LIST, kinds } from '../modules/registry.js';
import type { RehearsalHooks, SessionModule } from '../session/module.js';
import type { AgendaItem, SessionState } from '../session/state.js';
import type { Rng } from './rng.js';

const MODULES: readonly Pick<SessionModule, 'name' | 'kinds' | 'rehearsal'>[] = MODULE_LIST;

let loaded: ReadonlyMap<string, RehearsalHooks> | null = null;
let loading: Promise<ReadonlyMap<string, RehearsalHooks>> | null = null;

/** Loads every module's rehearsal hooks (once): they stay out of a phone's download until a rehearsal needs them. */
export function loadRehearsal(): Promise<ReadonlyMap<string, RehearsalHooks>> {
  loading ??= Promise.all(MODULES.map(async (m) => [m.name, m.rehearsal ? await m.rehearsal() : {}] as const)).then((pairs) => (loaded = new Map(pairs)));
  return loading;
}

/** The names of the modules whose hooks apply to an item: the module that offers its kind, then the modules it runs. */
export function rehearsalModules(item: Pick<AgendaItem, 'moduleType'>): string[] {
  const owner = MODULES.filter((m) => m.kinds?.some((k) => k.type === item.moduleType)).map((m) => m.name);
  return [...new Set([...owner, ...kinds.kindOf(item.moduleType).runs])];
}

/** The hooks that apply to an item, in order, once `loadRehearsal` has resolved. */
export function rehearsalHooks(item: Pick<AgendaItem, 'moduleType'>): RehearsalHooks[] {
  if (!loaded) throw new Error('The rehearsal hooks are not loaded yet: await loadRehearsal() first.');
  const hooks = loaded;
  return rehearsalModules(item).flatMap((name) => hooks.get(name) ?? []);
}

/** The item as the hooks get it: its columns, or its kind's default columns when it has none of its own. */
const resolved = (item: AgendaItem): AgendaItem => ({ ...item, columns: kinds.columnsOf(item) });

/** What a simulated participant does next on the item (the first module with something to do), or null. */
export function simulateNext(s: SessionState, agendaItem: AgendaItem, participantId: string, rng: Rng): CommandBody | null {
  const item = resolved(agendaItem);
  for (const h of rehearsalHooks(item)) {
    const cmd = h.simulate?.(s, item, participantId, rng) ?? null;
    if (cmd) return cmd;
  }
  return null;
}

/** The facilitator's next step on the item's main activity (the first module with one), or null when it is done. */
export function driveNext(s: SessionState, agendaItem: AgendaItem, rng: Rng): CommandBody | null {
  const item = resolved(agendaItem);
  for (const h of rehearsalHooks(item)) {
    const cmd = h.drive?.(s, item, rng) ?? null;
    if (cmd) return cmd;
  }
  return null;
}
