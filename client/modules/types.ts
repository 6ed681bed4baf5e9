import type { FC } from 'react';
import type { LateInput, LateInputs } from '../../shared/session/module.js';
import type { AgendaItem, ModuleType, SessionState } from '../../shared/session/state.js';

/** What every module screen gets: the agenda item it draws. The screen reads the rest from the session store. */
export interface ModuleScreenProps {
  item: AgendaItem;
}

/**
 * A module's screens (client/modules/<name>/index.ts), listed in client/modules/registry.tsx: the facilitator's
 * console panel, the participant's phone, the projector board, and a preview of its report section.
 */
export interface ModuleScreens {
  /** The module they belong to (shared/modules/<name>). */
  name: string;
  /** The kind of agenda item they draw; none for a module whose screens other modules use (the brainstorm flow). */
  kind?: ModuleType;
  Console: FC<ModuleScreenProps>;
  Phone: FC<ModuleScreenProps>;
  Board: FC<ModuleScreenProps>;
  ReportPreview?: FC<ModuleScreenProps>;
  /** One of this module's late inputs in words, for its author and the console (null: not this module's). */
  describeLate?(state: SessionState, input: LateInput): string | null;
  /** The console's button that accepts one of this module's late inputs ("Count dot"). */
  acceptLate?: Partial<Record<keyof LateInputs, string>>;
}
