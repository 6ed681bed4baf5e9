import type { CommandBody } from '../protocol/commands.js';
import { MODULE_LIST, kinds } from '../modules/registry.js';
import type { SessionModule } from '../session/module.js';
import type { AgendaItem, SessionState } from '../session/state.js';
import type { Rng } from './rng.js';

type Hooks = Pick<SessionModule, 'name' | 'kinds' | 'simulate' | 'drive'>;
const MODULES: readonly Hooks[] = MODULE_LIST;

/** The modules whose rehearsal hooks apply to an item: the module that offers its kind, then the modules it runs. */
export function rehearsalModules(item: Pick<AgendaItem, 'moduleType'>): Hooks[] {
  const owner = MODULES.filter((m) => m.kinds?.some((k) => k.type === item.moduleType));
  const runs = kinds.kindOf(item.moduleType).runs.flatMap((name) => MODULES.filter((m) => m.name === name));
  return [...new Set([...owner, ...runs])];
}

/** The item as the hooks get it: its columns, or its kind's default columns when it has none of its own. */
const resolved = (item: AgendaItem): AgendaItem => ({ ...item, columns: kinds.columnsOf(item) });

/** What a simulated participant does next on the item (the first module with something to do), or null. */
export function simulateNext(s: SessionState, agendaItem: AgendaItem, participantId: string, rng: Rng): CommandBody | null {
  const item = resolved(agendaItem);
  for (const m of rehearsalModules(item)) {
    const cmd = m.simulate?.(s, item, participantId, rng) ?? null;
    if (cmd) return cmd;
  }
  return null;
}

/** The facilitator's next step on the item's main activity (the first module with one), or null when it is done. */
export function driveNext(s: SessionState, agendaItem: AgendaItem, rng: Rng): CommandBody | null {
  const item = resolved(agendaItem);
  for (const m of rehearsalModules(item)) {
    const cmd = m.drive?.(s, item, rng) ?? null;
    if (cmd) return cmd;
  }
  return null;
}
