import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import type { Viewer } from '../../session/visibility.js';
import type { CarryEvent } from './carry.events.js';
import { carryOf } from './carry.logic.js';
import type { CarryImport } from './carry.state.js';

const anonymous = (i: CarryImport): CarryImport => ({ ...i, sessionId: '' });

/** The code and the earlier sessions' ids are the facilitator's; the carried lists are for everyone. */
export function carryEventFor(e: CarryEvent & EventMeta, _viewer: Viewer, hidden: SessionEvent): SessionEvent {
  if (e.type === 'carry.codeMade') return hidden;
  if (e.type === 'carry.imported') return { ...e, import: anonymous(e.import) };
  return e;
}

export const carryStateFor = (s: SessionState): Pick<SessionState, 'carry'> => ({
  carry: { code: null, imports: carryOf(s).imports.map(anonymous) },
});
