import type { Marker } from '../../../shared/replay/markers.js';
import { REPLAY_SPEEDS, type ReplaySpeed } from '../../../shared/replay/playback.js';
import type { Timeline } from '../../../shared/replay/timeline.js';
import type { ReplayScreen } from './ReplayScreens.js';
import type { useReplayPlayer } from './useReplayPlayer.js';

const SCREENS: Array<[ReplayScreen, string]> = [
  ['board', 'Board'],
  ['console', 'Console'],
  ['phone', 'Phone'],
];

/** The time of day of a moment, as the room's clocks showed it. */
export const timeOfDay = (at: number): string =>
  new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });

function JumpTo({ markers, onJump }: { markers: readonly Marker[]; onJump: (seq: number) => void }) {
  const group = (kind: Marker['kind']) =>
    markers.flatMap((m, i) => (m.kind === kind ? [<option key={i} value={m.seq}>{`${timeOfDay(m.at)} · ${m.label}`}</option>] : []));
  return (
    <label className="replay-jump">
      Jump to{' '}
      <select value="" onChange={(e) => e.target.value && onJump(Number(e.target.value))}>
        <option value="">an agenda item or a step…</option>
        <optgroup label="Agenda items">{group('item')}</optgroup>
        <optgroup label="Steps">{group('step')}</optgroup>
      </select>
    </label>
  );
}

interface Props {
  timeline: Timeline;
  player: ReturnType<typeof useReplayPlayer>;
  screen: ReplayScreen;
  onScreen: (s: ReplayScreen) => void;
  onHide: () => void;
  /** At the end of a live session: that the replay follows it (live), or why a look for more was refused or stopped. */
  follow: { text: string; live: boolean } | null;
}

/** Play, pause, speed, scrub (a range: arrow keys step an event, Page keys jump), jump, the time of day, view as. */
export function ReplayControls({ timeline, player, screen, onScreen, onHide, follow }: Props) {
  const { head, playing, speed } = player;
  return (
    <section className="replay-bar" aria-label="Replay controls">
      <button type="button" onClick={playing ? player.pause : player.play}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => player.setSpeed(Number(e.target.value) as ReplaySpeed)}>
          {REPLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>{`${s}x`}</option>
          ))}
        </select>
      </label>
      <input
        className="replay-scrub"
        type="range"
        aria-label="Moment in the session"
        aria-valuetext={`${timeOfDay(head.clock)}, event ${head.seq} of ${timeline.last}`}
        min={timeline.first}
        max={timeline.last}
        step={1}
        value={head.seq}
        onChange={(e) => {
          player.pause();
          player.seek(Number(e.target.value));
        }}
      />
      <output className="replay-time" data-testid="replay-time">
        {timeOfDay(head.clock)}
      </output>
      <span className="muted replay-seq">
        event {head.seq} of {timeline.last}
      </span>
      {follow && (
        <span className={follow.live ? 'replay-live' : 'replay-live replay-live--problem'} role="status">
          {follow.text}
        </span>
      )}
      <JumpTo markers={timeline.markers} onJump={(seq) => player.seek(seq)} />
      <div role="group" aria-label="View as" className="replay-screens">
        {SCREENS.map(([s, label]) => (
          <button key={s} type="button" aria-pressed={screen === s} onClick={() => onScreen(s)}>
            {label}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}>
        Full screen
      </button>
      <button type="button" onClick={onHide}>
        Hide controls
      </button>
    </section>
  );
}
