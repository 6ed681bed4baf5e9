import { applyOrSkip, emptyState } from '../modules/registry.js';
import type { SessionEvent } from '../session/events.js';
import type { SessionState } from '../session/state.js';
import { markerOf, type Marker } from './markers.js';

/** A snapshot is kept every this many events: a seek applies fewer than this many events to the nearest one. */
export const SNAPSHOT_EVERY = 100;

/** A session's event log laid out for replay: the state at any seq, the markers, the time of day of each seq. */
export interface Timeline {
  /** The events, in seq order, as the replay's viewer may see them. */
  readonly events: readonly SessionEvent[];
  readonly markers: readonly Marker[];
  /** The first and last seq (0 and 0 for an empty log). */
  readonly first: number;
  readonly last: number;
  /** The state just after the event at `seq` (or the nearest seq before it); before the first event, the empty state. */
  stateAt(seq: number): SessionState;
  /** The server time of the event at `seq` (or the nearest before it). */
  atOf(seq: number): number;
  /** The seq of the last event at or before server time `at` (0 before the first event). */
  seqAtTime(at: number): number;
  /** The server time of the first event after `seq`, or null at the end. */
  nextAt(seq: number): number | null;
}

/** The index of the last event with `key(e) <= value`, or -1. Seqs only grow, and server times with them. */
function lastIndex(events: readonly SessionEvent[], key: (e: SessionEvent) => number, value: number): number {
  let lo = 0;
  let hi = events.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(events[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
const indexAt = (events: readonly SessionEvent[], seq: number): number => lastIndex(events, (e) => e.seq, seq);

/**
 * Builds the timeline once, applying every event with the live reducer (an event that cannot be applied is skipped,
 * as on load) and keeping a snapshot every `every` events. The reducer never mutates a state, so a snapshot is the
 * state object itself, sharing what did not change.
 */
export function buildTimeline(events: readonly SessionEvent[], every: number = SNAPSHOT_EVERY): Timeline {
  const snapshots: SessionState[] = [];
  const markers: Marker[] = [];
  const start = emptyState();
  let state = start;
  events.forEach((e, i) => {
    if (i % every === 0) snapshots.push(state);
    const next = applyOrSkip(state, e);
    const marker = markerOf(e, state, next);
    if (marker) markers.push(marker);
    state = next;
  });

  function stateAt(seq: number): SessionState {
    const index = indexAt(events, seq);
    if (index < 0) return start;
    const base = Math.floor(index / every);
    let s = snapshots[base] ?? start;
    for (let i = base * every; i <= index; i++) s = applyOrSkip(s, events[i]!);
    return s;
  }

  return {
    events,
    markers,
    first: events[0]?.seq ?? 0,
    last: events[events.length - 1]?.seq ?? 0,
    stateAt,
    atOf: (seq) => events[Math.max(0, indexAt(events, seq))]?.at ?? 0,
    seqAtTime: (at) => events[lastIndex(events, (e) => e.at, at)]?.seq ?? 0,
    nextAt: (seq) => events[indexAt(events, seq) + 1]?.at ?? null,
  };
}
