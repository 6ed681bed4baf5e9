import type { CommandOf, CommandType } from '../../protocol/commands.js';

/** The module's name: the prefix of its commands and events. */
export const SPOTLIGHT = 'spotlight';

/** One note or one group of an agenda item, shown large on the board. */
export type SpotlightTarget = { itemId: string; kind: 'note' | 'group'; id: string };

/** What the facilitator decided about the board: absent fields are the defaults (nothing spotlit, pages turn). */
export interface BoardDisplay {
  target?: SpotlightTarget;
  pagingPaused?: boolean;
}

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** The board's spotlight and paging (absent until the facilitator first uses them). */
    boardDisplay?: BoardDisplay;
  }
}

declare module '../../session/events.js' {
  interface ModuleEvents {
    spotlight: SpotlightEvent;
  }
}

export type SpotlightCommand = CommandOf<Extract<CommandType, `spotlight.${string}`>>;

export type SpotlightEvent =
  | { type: 'spotlight.shown'; target: SpotlightTarget }
  | { type: 'spotlight.cleared' }
  | { type: 'spotlight.pagingSet'; paused: boolean };
