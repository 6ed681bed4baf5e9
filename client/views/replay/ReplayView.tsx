import { useEffect, useMemo, useState } from 'react';
import type { ReplayLog, ReplayView as WireView } from '../../../shared/replay/replay.wire.js';
import { buildTimeline } from '../../../shared/replay/timeline.js';
import { emptySnapshot, type ClientSnapshot } from '../../net/sessionClient.js';
import { startReplay, useSession } from '../../store.js';
import { ReplayControls } from './ReplayControls.js';
import { ReplayScreens, type ReplayScreen } from './ReplayScreens.js';
import { loadReplay, takeReplayKey } from './replayApi.js';
import { useReplayPlayer } from './useReplayPlayer.js';

/** The log each screen is drawn from, shaped by the server as that screen saw it live. */
const WIRE_VIEW: Record<ReplayScreen, WireView> = { board: 'board', console: 'facilitator', phone: 'participant' };
const ROLE: Record<ReplayScreen, ClientSnapshot['role']> = { board: 'board', console: 'facilitator', phone: 'participant' };

/**
 * A session replayed from its event log: the board, the console or a phone as it stood at any moment, with play,
 * pause, speed, scrub and jumps. Nothing here connects to the session or sends a command.
 */
export function ReplayView({ sessionId }: { sessionId: string }) {
  const [key] = useState(() => takeReplayKey(sessionId));
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

  if (!key)
    return (
      <main className="page">
        <h1>Replay link incomplete</h1>
        <p role="alert">
          This replay needs the session’s facilitator key. Open it with the Replay link on the facilitator’s console.
        </p>
      </main>
    );
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
        <ReplayControls timeline={timeline} player={player} screen={screen} onScreen={setScreen} onHide={() => setControls(false)} />
      ) : (
        <button type="button" className="replay-show" onClick={() => setControls(true)}>
          Replay controls
        </button>
      )}
    </div>
  );
}
