import type { FC } from 'react';
import type { AgendaItem } from '../../shared/session/state.js';

/** What every module screen gets: the agenda item it draws. The screen reads the rest from the session store. */
export interface ModuleScreenProps {
  item: AgendaItem;
}

/** A module's three screens: the facilitator's console panel, the participant's phone, the projector board. */
export interface ModuleScreens {
  Console: FC<ModuleScreenProps>;
  Phone: FC<ModuleScreenProps>;
  Board: FC<ModuleScreenProps>;
}
