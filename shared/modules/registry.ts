/**
 * The kinds of agenda item the toolkit runs. Each module later registers its own logic in its own folder;
 * for now an item is either a presentation (agenda, timer, prompt) or a note board with named columns.
 */
export const MODULE_TYPES = ['presentation', 'discussion', 'board'] as const;
export type ModuleType = (typeof MODULE_TYPES)[number];

export interface ModuleInfo {
  type: ModuleType;
  label: string;
  /** Whether participants post notes into this item's board. */
  hasBoard: boolean;
  defaultColumns: readonly string[];
}

export const MODULES: Record<ModuleType, ModuleInfo> = {
  presentation: { type: 'presentation', label: 'Presentation', hasBoard: false, defaultColumns: [] },
  discussion: { type: 'discussion', label: 'Discussion', hasBoard: true, defaultColumns: ['Comments'] },
  board: { type: 'board', label: 'Note board', hasBoard: true, defaultColumns: ['Notes'] },
};
