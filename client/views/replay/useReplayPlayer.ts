import { useEffect, useRef, useState } from 'react';
import { advance, atEnd, playheadAt, type Playhead, type ReplaySpeed } from '../../../shared/replay/playback.js';
import type { Timeline } from '../../../shared/replay/timeline.js';

const TICK_MS = 100;

/** Play, pause, speed and seek over a timeline; the playhead moves with wall time while playing. */
export function useReplayPlayer(timeline: Timeline | null) {
  const [head, setHead] = useState<Playhead>({ seq: 0, clock: 0 });
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(1);
  const live = useRef({ head, speed });
  live.current = { head, speed };

  // A new log (another view) keeps the moment: the same seq, or the end when it was past the start. A playhead at
  // the end of the log stays at its end as the log grows (a live session followed).
  const lastSeen = useRef(0);
  useEffect(() => {
    if (!timeline) return;
    const end = lastSeen.current;
    lastSeen.current = timeline.last;
    setHead((h) => playheadAt(timeline, h.seq === 0 ? timeline.first : end > 0 && h.seq >= end ? timeline.last : Math.min(h.seq, timeline.last)));
  }, [timeline]);

  useEffect(() => {
    if (!playing || !timeline) return;
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      const next = advance(timeline, live.current.head, now - last, live.current.speed);
      last = now;
      setHead(next);
      if (atEnd(timeline, next)) setPlaying(false);
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [playing, timeline]);

  const seek = (seq: number) => timeline && setHead(playheadAt(timeline, seq));
  const play = () => {
    if (timeline && atEnd(timeline, live.current.head)) seek(timeline.first);
    setPlaying(true);
  };
  return { head, playing, speed, setSpeed, seek, play, pause: () => setPlaying(false) };
}
