import type { SessionEvent } from '../session/events.js';
import type { Viewer } from '../session/visibility.js';

/** Whose screen a replay shows: the projector's, the console's, or a phone that is no one in particular. */
export const REPLAY_VIEWS = ['board', 'facilitator', 'participant'] as const;
export type ReplayView = (typeof REPLAY_VIEWS)[number];

/** A replay holds at most this many events; a longer session replays up to its first MAX_REPLAY_EVENTS (and says so). */
export const MAX_REPLAY_EVENTS = 50_000;

/** The viewer a replay's events are shaped for, with the live screens' own visibility rules. */
export const replayViewer = (view: ReplayView): Viewer =>
  view === 'participant' ? { role: 'participant', participantId: null } : { role: view };

/** What `GET /api/sessions/:id/replay?view=...` answers. */
export interface ReplayLog {
  sessionId: string;
  view: ReplayView;
  events: SessionEvent[];
  /** Set when the log was longer than the cap: what the replay leaves out, in our words. */
  cut: string | null;
}
