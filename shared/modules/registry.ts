/**
 * The kinds of agenda item the toolkit runs. A module's logic lives in its own folder of shared/modules/ and its
 * screens in client/modules/; this table is what the rest of the code asks about a module.
 */
export const MODULE_TYPES = ['presentation', 'discussion', 'board', 'swot', 'vision'] as const;
export type ModuleType = (typeof MODULE_TYPES)[number];

export interface ModuleInfo {
  type: ModuleType;
  label: string;
  /** Whether participants post notes into this item's board. */
  hasBoard: boolean;
  /**
   * Whether the item runs the brainstorm flow (private brainstorm -> reveal -> cluster -> vote -> results, with
   * anonymous notes) instead of an open board.
   */
  flow: boolean;
  defaultColumns: readonly string[];
}

export const SWOT_QUADRANTS = ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'] as const;

export const MODULES: Record<ModuleType, ModuleInfo> = {
  presentation: { type: 'presentation', label: 'Presentation', hasBoard: false, flow: false, defaultColumns: [] },
  discussion: { type: 'discussion', label: 'Discussion', hasBoard: true, flow: false, defaultColumns: ['Comments'] },
  board: { type: 'board', label: 'Note board', hasBoard: true, flow: false, defaultColumns: ['Notes'] },
  swot: { type: 'swot', label: 'SWOT analysis', hasBoard: true, flow: true, defaultColumns: SWOT_QUADRANTS },
  vision: { type: 'vision', label: 'Vision retreat', hasBoard: true, flow: true, defaultColumns: ['Preferred future'] },
};

/** Columns of an item's board: its own, or its module's defaults. */
export function columnsOf(item: { moduleType: ModuleType; columns: readonly string[] }): string[] {
  return item.columns.length ? [...item.columns] : [...MODULES[item.moduleType].defaultColumns];
}
