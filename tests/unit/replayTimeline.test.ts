import { describe, expect, it } from 'vitest';
import { reduce } from '../../shared/modules/registry.js';
import { buildTimeline } from '../../shared/replay/timeline.js';
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
