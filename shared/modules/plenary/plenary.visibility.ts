import type { SessionEvent } from '../../session/events.js';
import type { EventMeta } from '../../session/module.js';
import type { SessionState } from '../../session/state.js';
import { viewerId, type Viewer } from '../../session/visibility.js';
import type { PlenaryEvent } from './plenary.events.js';
import { mayReadReaction } from './plenary.logic.js';
import { plenaryOf } from './plenary.state.js';

/** A reaction reaches the phones of its group's members (and its author's): each of them gets a frame of their own. */
export const plenaryPersonalFor = (e: PlenaryEvent): readonly string[] | null => (e.type === 'plenary.reacted' ? e.to : null);

/**
 * Questions and reactions are for the group presenting and the console: the board does not show them (the
 * facilitator reads out what the room should hear) and no other phone receives them. Everything else is public.
 */
export function plenaryEventFor(e: PlenaryEvent & EventMeta, viewer: Viewer, hidden: SessionEvent): SessionEvent {
  if (e.type !== 'plenary.reacted') return e;
  const me = viewerId(viewer);
  return me !== null && e.to.includes(me) ? { ...e, to: [] } : hidden;
}

export const plenaryStateFor = (s: SessionState, viewer: Viewer): Pick<SessionState, 'plenary'> => {
  const p = plenaryOf(s);
  const me = viewerId(viewer);
  // Without their recipients, as the live event reached the phone.
  const reactions = p.reactions.filter((r) => mayReadReaction(s, me, r)).map(({ to: _to, ...r }) => r);
  return { plenary: { ...p, reactions } };
};
