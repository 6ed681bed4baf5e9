import { PHASE_LABELS } from '../modules/flow/flow.state.js';
import { workGroupsOf } from '../modules/workgroup/workgroup.state.js';
import type { SessionEvent } from '../session/events.js';
import type { SessionState } from '../session/state.js';

/** A place on the replay's timeline worth jumping to: an agenda item starting, or a step within one. */
export interface Marker {
  kind: 'item' | 'step';
  seq: number;
  at: number;
  label: string;
}

const OPEN_CLOSED: Record<'setup' | 'open' | 'closed', string> = { setup: 'set up', open: 'opened', closed: 'closed' };

/** What a step event did, in words, or null when the event is not a step. */
function stepLabel(e: SessionEvent, s: SessionState): string | null {
  switch (e.type) {
    case 'flow.advanced':
      return `${PHASE_LABELS[e.phase]}${e.back ? ' (back)' : ''}`;
    case 'vision.fistAsked':
      return 'Fist-to-five asked';
    case 'vision.fistClosed':
      return 'Fist-to-five closed';
    case 'vision.crosswalkOpened':
      return e.open ? 'Crosswalk opened' : 'Crosswalk closed';
    case 'vision.finalized':
      return 'Vision final';
    case 'values.phaseSet':
      return `Values survey ${OPEN_CLOSED[e.phase]}`;
    case 'values.resultsShown':
      return e.shown ? 'Values results shown' : 'Values results hidden';
    case 'ecomap.voteSet':
      return `Eco-map vote ${OPEN_CLOSED[e.vote]}`;
    case 'ecomap.resultsShown':
      return e.shown ? 'Eco-map results shown' : 'Eco-map results hidden';
    case 'plenary.presented': {
      if (!e.presenting) return 'Report-outs over';
      const { groups } = workGroupsOf(s);
      const index = groups.findIndex((g) => g.id === e.presenting?.workGroupId);
      return index < 0 ? 'Report-out' : `Report-out: group ${index + 1} of ${groups.length}`;
    }
    case 'session.ended':
      return 'Session ended';
    default:
      return null;
  }
}

const itemTitle = (s: SessionState, itemId: string | null): string =>
  s.agenda.find((i) => i.id === itemId)?.title ?? 'No item';

/**
 * The marker an event makes, read from the state just after it: the current item changing (the facilitator moved on,
 * or the first item of a new session), or a step (a flow phase, a survey or vote opened or closed, a report-out).
 */
export function markerOf(e: SessionEvent, before: SessionState, after: SessionState): Marker | null {
  if (after.currentItemId !== before.currentItemId && after.currentItemId !== null)
    return { kind: 'item', seq: e.seq, at: e.at, label: itemTitle(after, after.currentItemId) };
  const step = stepLabel(e, after);
  return step === null ? null : { kind: 'step', seq: e.seq, at: e.at, label: step };
}
