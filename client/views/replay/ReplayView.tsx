import { useCallback, useEffect, useMemo, useState } from 'react';
import { atEnd } from '../../../shared/replay/playback.js';
import type { ReplayLog, ReplayView as WireView } from '../../../shared/replay/replay.wire.js';
import { buildTimeline } from '../../../shared/replay/timeline.js';
import { withoutNoteText } from '../../../shared/session/erase.js';
import { emptySnapshot, type ClientSnapshot } from '../../net/sessionClient.js';
import { startReplay, useSession } from '../../store.js';
import { ReplayControls } from './ReplayControls.js';
import { ReplayKeyForm, useReplayKey } from './ReplayKeyForm.js';
import { ReplayScreens, type ReplayScreen } from './ReplayScreens.js';
import { loadReplay } from './replayApi.js';
import { useReplayFollow } from './useReplayFollow.js';
import { useReplayPlayer } from './useReplayPlayer.js';

/** The log each screen is drawn from, shaped by the server as that screen saw it live. */
const WIRE_VIEW: Record<ReplayScreen, WireView> = { board: 'board', console: 'facilitator', phone: 'participant' };
const ROLE: Record<ReplayScreen, ClientSnapshot['role']> = { board: 'board', console: 'facilitator', phone: 'participant' };

/**
 * A log with what happened since added (only events past its end, in case two looks crossed). A note erased since
 * loses its text in the events already held too, as the server blanks it in the stored history: no earlier moment of
 * the replay shows it again.
 */
function extended(log: ReplayLog | { error: string } | null, more: ReplayLog): ReplayLog | { error: string } | null {
  if (!log || !('events' in log) || log.view !== more.view) return log;
  const end = log.events.at(-1)?.seq ?? 0;
  const erased = more.events.flatMap((e) => (e.type === 'note.erased' ? [e.noteId] : []));
  const held = erased.length ? log.events.map((e) => erased.reduce((out, id) => withoutNoteText(out, id) ?? out, e)) : log.events;
  return { ...log, events: [...held, ...more.events.filter((e) => e.seq > end)], cut: more.cut ?? log.cut };
}

/**
 * A session replayed from its event log: the board, the console or a phone as it stood at any moment, with play,
 * pause, speed, scrub and jumps. At the end of a live session it follows what happens next. Nothing here connects
 * to the session or sends a command.
 */
export function ReplayView({ sessionId }: { sessionId: string }) {
  const { key, asking, setKey } = useReplayKey(sessionId);
  const [screen, setScreen] = useState<ReplayScreen>('board');
  const [log, setLog] = useState<ReplayLog | { error: string } | null>(null);
  const [controls, setControls] = useState(true);
  const timeline = useMemo(() => (log && 'events' in log ? buildTimeline(log.events) : null), [log]);
  const player = useReplayPlayer(timeline);

  useEffect(() => startReplay({ ...emptySnapshot(), connection: 'online', sessionId }), [sessionId]);

  useEffect(() => {
    if (!key) return;
    let live = true;
    void loadReplay(sessionId, key, WIRE_VIEW[screen]).then((got) => live && setLog(got));
    return () => {
      live = false;
    };
  }, [sessionId, key, screen]);

  const ended = useMemo(() => (timeline ? timeline.stateAt(timeline.last).endedAt !== undefined : true), [timeline]);
  const following = !!timeline && !ended && !!log && 'cut' in log && !log.cut && atEnd(timeline, player.head);
  const onMore = useCallback((more: ReplayLog) => setLog((prev) => extended(prev, more)), []);
  const followProblem = useReplayFollow(following, { sessionId, key, view: WIRE_VIEW[screen], last: timeline?.last ?? 0 }, onMore);

  // The store holds the moment: the views draw it as they draw a live session, their clocks at its time.
  const { seq, clock } = player.head;
  useEffect(() => {
    if (!timeline) return;
    const set = () => useSession.setState({ state: timeline.stateAt(seq), role: ROLE[screen], participantId: null, offsetMs: clock - Date.now() });
    set();
    // Paused, the countdowns stand still: the clock is set again as wall time passes.
    const id = window.setInterval(() => useSession.setState({ offsetMs: clock - Date.now() }), 200);
    return () => window.clearInterval(id);
  }, [timeline, seq, clock, screen]);

  const title = useMemo(() => timeline?.stateAt(timeline.last).title ?? '', [timeline]);
  useEffect(() => {
    document.title = title ? `${title} · Replay` : 'Replay';
  }, [title]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !controls) setControls(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controls]);

  if (!key) return asking ? <p className="page muted">Opening the replay…</p> : <ReplayKeyForm sessionId={sessionId} onKey={setKey} />;
  if (log && 'error' in log)
    return (
      <main className="page">
        <h1>Replay</h1>
        <p role="alert">{log.error}</p>
      </main>
    );
  if (!timeline) return <p className="page muted">Loading the replay…</p>;

  return (
    <div className={`replay replay--${screen}`}>
      {log && 'cut' in log && log.cut && <p className="replay-cut">{log.cut}</p>}
      <ReplayScreens screen={screen} />
      {controls ? (
        <ReplayControls
          timeline={timeline}
          player={player}
          screen={screen}
          onScreen={setScreen}
          onHide={() => setControls(false)}
          follow={following ? (followProblem ? { text: followProblem, live: false } : { text: 'Live: what happens next appears here', live: true }) : null}
        />
      ) : (
        <button type="button" className="replay-show" onClick={() => setControls(true)}>
          Replay controls
        </button>
      )}
    </div>
  );
}
