import { useEffect, useState } from 'react';
import type { ReplayLog, ReplayView } from '../../../shared/replay/replay.wire.js';
import { loadReplay } from './replayApi.js';

/** How often a replay at the end of a live session looks for what happened since (a separate, cheap budget). */
export const FOLLOW_MS = 5_000;

/** Said when a session the replay followed no longer opens with its key: it was deleted while the replay was open. */
export const FOLLOW_CLOSED = 'This session is no longer on the server (it was deleted), so the replay stopped following it. What it had loaded still plays here.';

/**
 * While `on` (the replay stands at the end of a session that has not ended), looks every FOLLOW_MS for the events
 * after `last`, while the tab is visible, and hands them to `onMore`. Returns the server's sentence when a look was
 * refused (the replay goes on looking), null otherwise. A look the key no longer opens (the session was deleted) stops
 * the looking for good: asking again every few seconds would only be refused again.
 */
export function useReplayFollow(
  on: boolean,
  request: { sessionId: string; key: string | null; view: ReplayView; last: number },
  onMore: (more: ReplayLog) => void,
): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  const { sessionId, key, view, last } = request;
  useEffect(() => {
    if (!on || !key || closed) return;
    let live = true;
    const look = () => {
      if (document.visibilityState !== 'visible') return;
      void loadReplay(sessionId, key, view, last).then((got) => {
        if (!live) return;
        if ('closed' in got && got.closed) {
          setClosed(true);
          return;
        }
        setProblem('error' in got ? got.error : null);
        if (!('error' in got) && (got.events.length > 0 || got.cut)) onMore(got);
      });
    };
    const id = window.setInterval(look, FOLLOW_MS);
    return () => {
      live = false;
      window.clearInterval(id);
    };
  }, [on, sessionId, key, view, last, onMore, closed]);
  if (!on) return null;
  return closed ? FOLLOW_CLOSED : problem;
}
