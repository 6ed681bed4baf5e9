import type { SessionEvent } from './events.js';
import type { AgendaItem, SessionState, TimerState } from './state.js';
import * as T from './timer.js';
import { emptyKeyed, keyedDelete, keyedGet, keyedSet } from './keyed.js';
import { dictGet, dictSet, dictWithout, emptyDict, type Dict } from './dict.js';
import type { ModuleTable } from './modules.js';
import { enterItem, leaveItem } from './itemTime.js';
import type { CoreState, ModuleSlices } from './state.js';
import { keepDeleted, withoutDeleted } from './undo.js';

/** The core's fields before `session.created`. */
const emptyCore = (): CoreState => ({
  seq: 0,
  id: '',
  title: '',
  joinCode: '',
  createdAt: 0,
  agenda: [],
  currentItemId: null,
  timer: T.idleTimer(null, 0),
  actualMs: emptyDict(),
  participants: emptyKeyed(),
  notes: emptyKeyed(),
  lockedItems: emptyDict(),
});

const itemTimer = (item: AgendaItem | undefined): TimerState =>
  T.idleTimer(item?.id ?? null, item?.plannedMinutes ?? 0);

/** Closes the current run of the timer into the actual-time record and leaves the timer unchanged otherwise. */
function accountRun(s: SessionState, at: number): Dict<number> {
  const ran = T.runElapsed(s.timer, at);
  const id = s.timer.itemId;
  if (!ran || !id) return s.actualMs;
  return dictSet(s.actualMs, id, (dictGet(s.actualMs, id) ?? 0) + ran);
}

function switchItem(s: SessionState, itemId: string | null, at: number): SessionState {
  const item = s.agenda.find((i) => i.id === itemId);
  return { ...s, ...enterItem(s, item?.id ?? null, at), actualMs: accountRun(s, at), currentItemId: item?.id ?? null, timer: itemTimer(item) };
}

/** The reducer with these modules: the core's events here, each module's by its `apply`. */
export function reducer(m: ModuleTable) {
  /** The state before `session.created`: the core's fields and every module's initial slice. */
  function emptyState(): SessionState {
    const slices: Record<string, unknown> = {};
    for (const { slice } of m.list) if (slice) slices[slice.field] = slice.initial();
    return { ...emptyCore(), ...(slices as unknown as ModuleSlices) };
  }

  /**
   * A state read back from storage, written by a version that had fewer modules: the slices it lacks start empty.
   */
  const upgrade = (stored: SessionState): SessionState => ({ ...emptyState(), ...stored });

  /**
   * The one pure reducer: state = events.reduce(apply). The server and every client run it; events have been
   * validated by the server already, so it trusts them and never throws.
   */
  function apply(s: SessionState, e: SessionEvent): SessionState {
    const next = applyBody(s, e);
    return next === s ? { ...s, seq: e.seq } : { ...next, seq: e.seq };
  }

  function applyBody(s: SessionState, e: SessionEvent): SessionState {
    switch (e.type) {
      case 'session.created': {
        const first = e.agenda[0];
        return {
          ...s,
          id: e.id,
          title: e.title,
          joinCode: e.joinCode,
          createdAt: e.at,
          ...(e.rehearsal ? { rehearsal: true as const } : {}),
          ...(e.template ? { startedFrom: e.template } : {}),
          agenda: e.agenda,
          currentItemId: first?.id ?? null,
          timer: itemTimer(first),
          onItemMs: emptyDict(),
          enteredAt: first ? e.at : null,
        };
      }
      case 'participant.joined':
        return {
          ...s,
          participants: keyedSet(s.participants, e.participantId, {
            id: e.participantId,
            name: e.name,
            joinedAt: e.at,
            ...(e.simulated ? { simulated: true as const } : {}),
          }),
        };
      case 'timer.started':
      case 'timer.resumed':
        return { ...s, timer: T.start(s.timer, e.at) };
      case 'timer.paused':
        return { ...s, actualMs: accountRun(s, e.at), timer: T.pause(s.timer, e.at) };
      case 'timer.extended':
        return { ...s, timer: T.extend(s.timer, e.minutes * T.MINUTE, e.at) };
      case 'timer.reset':
        return { ...s, actualMs: accountRun(s, e.at), timer: itemTimer(s.agenda.find((i) => i.id === s.timer.itemId)) };
      case 'agenda.moved':
        return switchItem(s, e.itemId, e.at);
      case 'agenda.itemAdded': {
        const agenda = [...s.agenda];
        agenda.splice(Math.min(e.index, agenda.length), 0, e.item);
        const withItem = { ...s, agenda };
        return s.currentItemId === null ? switchItem(withItem, e.item.id, e.at) : withItem;
      }
      case 'agenda.itemRemoved': {
        const index = s.agenda.findIndex((i) => i.id === e.itemId);
        const agenda = s.agenda.filter((i) => i.id !== e.itemId);
        const rest = { ...s, agenda };
        if (s.currentItemId !== e.itemId) return rest;
        const successor = agenda[Math.min(index, agenda.length - 1)];
        return switchItem(rest, successor?.id ?? null, e.at);
      }
      case 'agenda.itemMoved': {
        const item = s.agenda.find((i) => i.id === e.itemId);
        if (!item) return s;
        const agenda = s.agenda.filter((i) => i.id !== e.itemId);
        agenda.splice(Math.min(e.toIndex, agenda.length), 0, item);
        return { ...s, agenda };
      }
      case 'agenda.itemUpdated': {
        const agenda = s.agenda.map((i) => (i.id === e.itemId ? { ...i, ...e.patch } : i));
        const retimed = e.patch.plannedMinutes !== undefined && s.timer.itemId === e.itemId && s.timer.status === 'idle';
        return { ...s, agenda, timer: retimed ? itemTimer(agenda.find((i) => i.id === e.itemId)) : s.timer };
      }
      case 'note.added':
        return { ...s, notes: keyedSet(s.notes, e.note.id, { ...e.note, createdAt: e.at, updatedAt: e.at }) };
      case 'note.edited':
      case 'note.moved': {
        const note = keyedGet(s.notes, e.noteId);
        if (!note) return s;
        const change = e.type === 'note.edited' ? { text: e.text } : { column: e.column };
        return { ...s, notes: keyedSet(s.notes, e.noteId, { ...note, ...change, updatedAt: e.at }) };
      }
      case 'note.deleted':
        return { ...s, notes: keyedDelete(s.notes, e.noteId), ...(e.note ? { recentlyDeleted: keepDeleted(s, e.note, e.at, e.left) } : {}) };
      case 'note.erased':
        return { ...s, notes: keyedDelete(s.notes, e.noteId) };
      case 'note.restored':
        return { ...s, notes: keyedSet(s.notes, e.note.id, e.note), recentlyDeleted: withoutDeleted(s, e.note.id) };
      case 'board.locked':
        return {
          ...s,
          lockedItems: e.locked ? dictSet(s.lockedItems, e.itemId, true) : dictWithout(s.lockedItems, e.itemId),
        };
      case 'session.ended':
        return { ...s, onItemMs: leaveItem(s, e.at), enteredAt: null, endedAt: e.at };
      case 'hidden':
        return s;
      default:
        return m.owner(e.type)?.apply?.(s, e) ?? s;
    }
  }

  const reduce = (events: readonly SessionEvent[], from: SessionState = emptyState()): SessionState =>
    events.reduce(apply, from);

  /**
   * `apply` for events read back from storage or the wire: an event that cannot be applied (a malformed event stored
   * by an older version) is skipped, keeping its seq so the log stays contiguous, and reported to `skipped`. A session
   * with one bad event in its log must still load for everyone.
   */
  function applyOrSkip(s: SessionState, e: SessionEvent, skipped?: (e: SessionEvent, error: unknown) => void): SessionState {
    try {
      return apply(s, e);
    } catch (error) {
      skipped?.(e, error);
      return { ...s, seq: typeof e.seq === 'number' ? e.seq : s.seq };
    }
  }

  const reduceOrSkip = (
    events: readonly SessionEvent[],
    from: SessionState,
    skipped?: (e: SessionEvent, error: unknown) => void,
  ): SessionState => events.reduce((s, e) => applyOrSkip(s, e, skipped), from);

  return { emptyState, upgrade, apply, reduce, applyOrSkip, reduceOrSkip };
}
