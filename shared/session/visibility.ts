import type { Role } from '../protocol/join.js';
import type { SessionEvent } from './events.js';
import type { AgendaItem, SessionState } from './state.js';

/**
 * What each audience may see. The server applies this before anything leaves it, so a participant's browser never
 * receives what the participant may not see. Events are shaped per audience (facilitator, participants, board),
 * not per socket, so each is serialized once.
 */
export type Audience = Role;

const publicItem = (item: AgendaItem): AgendaItem => (item.facilitatorNotes ? { ...item, facilitatorNotes: '' } : item);

export function eventFor(e: SessionEvent, audience: Audience): SessionEvent {
  if (audience === 'facilitator') return e;
  switch (e.type) {
    case 'session.created':
      return { ...e, agenda: e.agenda.map(publicItem) };
    case 'agenda.itemAdded':
      return { ...e, item: publicItem(e.item) };
    case 'agenda.itemUpdated':
      if (e.patch.facilitatorNotes === undefined) return e;
      {
        const { facilitatorNotes: _hidden, ...patch } = e.patch;
        return { ...e, patch };
      }
    default:
      return e;
  }
}

export function stateFor(s: SessionState, audience: Audience): SessionState {
  return audience === 'facilitator' ? s : { ...s, agenda: s.agenda.map(publicItem) };
}
