import { describe, expect, it } from 'vitest';
import { reduce } from '../../shared/modules/registry.js';
import { advance, atEnd, playheadAt } from '../../shared/replay/playback.js';
import { buildTimeline } from '../../shared/replay/timeline.js';
import type { SessionEvent } from '../../shared/session/events.js';
import { longSession } from '../support/replaySession.js';

describe('the replay timeline', () => {
  const events = longSession(1_200).events;

  it('gives at every seq the state the live reducer reaches, whatever the snapshot spacing', () => {
    for (const every of [1, 7, 100, 5_000]) {
      const timeline = buildTimeline(events, every);
      for (const i of [0, 1, 6, 7, 99, 100, 101, 640, events.length - 1])
        expect(timeline.stateAt(events[i]!.seq), `seq ${events[i]!.seq}, every ${every}`).toEqual(reduce(events.slice(0, i + 1)));
      expect(timeline.stateAt(0)).toEqual(reduce([]));
      expect(timeline.atOf(events[5]!.seq)).toBe(events[5]!.at);
    }
  });

  it('marks each item the session moved to and each step of a brainstorm', () => {
    const { markers } = buildTimeline(events);
    expect(markers[0]).toMatchObject({ kind: 'item', seq: 1, label: 'Item item0' });
    expect(markers.filter((m) => m.kind === 'item').map((m) => m.label).slice(0, 3)).toEqual(['Item item0', 'Item item1', 'Item item2']);
    expect(markers.filter((m) => m.kind === 'step').map((m) => m.label)).toEqual(['Reveal', 'Cluster', 'Dot vote']);
  });
});

describe('replay playback', () => {
  const at = [0, 1_000, 2_000, 302_000, 303_000].map((ms) => 1_000_000 + ms);
  const log: SessionEvent[] = [
    { type: 'session.created', id: 's', title: 'T', joinCode: 'ABCDEF', agenda: [], seq: 1, at: at[0]! },
    ...at.slice(1).map((t, i) => ({ type: 'timer.reset' as const, seq: i + 2, at: t })),
  ];
  const timeline = buildTimeline(log);

  it('moves with wall time times the speed', () => {
    expect(advance(timeline, playheadAt(timeline, 1), 500, 1)).toEqual({ seq: 1, clock: at[0]! + 500 });
    expect(advance(timeline, playheadAt(timeline, 1), 500, 4)).toEqual({ seq: 3, clock: at[0]! + 2_000 });
  });

  it('skips a quiet stretch to just before the next event, and stops at the end', () => {
    const quiet = advance(timeline, playheadAt(timeline, 3), 100, 1);
    expect(quiet).toEqual({ seq: 3, clock: at[3]! - 1_000 });
    expect(advance(timeline, quiet, 1_000, 1).seq).toBe(4);
    const end = advance(timeline, playheadAt(timeline, 5), 10_000, 32);
    expect(end).toEqual({ seq: 5, clock: at[4]! });
    expect(atEnd(timeline, end)).toBe(true);
  });
});
