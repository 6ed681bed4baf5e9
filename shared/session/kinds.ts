import type { ItemKind, KindTable } from './module.js';
import type { ModuleType } from './state.js';

/** The table of item kinds, from the kinds the modules provide, in the registry's order. */
export function kindTable(kinds: readonly ItemKind[]): KindTable {
  const byType = new Map<string, ItemKind>(kinds.map((k) => [k.type, k]));
  const [first, ...rest] = kinds.map((k) => k.type);
  if (!first) throw new Error('The registry provides no kind of agenda item.');
  // A stored item of a kind no module provides any more reads as the first kind (a board-less one in practice).
  const kindOf = (type: ModuleType): ItemKind => byType.get(type) ?? kinds[0]!;
  return {
    types: [first, ...rest],
    kindOf,
    columnsOf: (item) => (item.columns.length ? [...item.columns] : [...kindOf(item.moduleType).defaultColumns]),
    runs: (item, module) => !!item && kindOf(item.moduleType).runs.includes(module),
  };
}
