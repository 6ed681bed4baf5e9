import type { SessionEvent } from './events.js';
import { keyedDelete, keyedSet } from './keyed.js';
import type { ModuleTable } from './modules.js';
import { allNotes } from './notes.js';
import { dictGet, emptyDict, toDict, type Dict } from './dict.js';
import type { AgendaItem, Note, SessionState } from './state.js';

/**
 * Who is looking. The server shapes every event and every snapshot for its viewer before it leaves, so a
 * participant's browser never receives what that participant may not see: facilitator notes, other people's
 * private notes (a silent brainstorm), who wrote an anonymous note, other people's dots and answers.
 * `participantId: null` stands for "any participant but the ones the event is personal to" (see `personalFor`),
 * so the participants' frame is built and serialized once for all of them.
 */
export type Viewer =
  | { role: 'facilitator' }
  | { role: 'board' }
  /** `ballot`: the participant's own ballot (see Actor), so their anonymous answers reach their own screens only. */
  | { role: 'participant'; participantId: string | null; ballot?: string };

/** The viewer's own ballot, if the server gave it one. */
export const viewerBallot = (v: Viewer): string | null => (v.role === 'participant' && v.ballot ? v.ballot : null);

// Stryker disable next-line ConditionalExpression: a board or facilitator viewer has no participantId, which matches no author or voter, as null does
export const viewerId = (v: Viewer): string | null => (v.role === 'participant' ? v.participantId : null);
/** Whether the viewer wrote it. Nobody "wrote" a null author (the facilitator's notes), so a board is never the author. */
export const isAuthor = (authorId: string | null | undefined, v: Viewer): boolean => !!authorId && authorId === viewerId(v);

const publicItem = (item: AgendaItem): AgendaItem => (item.facilitatorNotes ? { ...item, facilitatorNotes: '' } : item);

/** A note as a viewer who is not its author sees it: anonymous, and only a stand-in while it is private. */
export function noteFor<N extends Omit<Note, 'createdAt' | 'updatedAt'>>(note: N, viewer: Viewer, secret: boolean): N {
  if (isAuthor(note.authorId, viewer)) return note;
  if (secret) return { ...note, text: '', authorId: null, authorName: '', hidden: true };
  return note.anonymous ? { ...note, authorId: null, authorName: '' } : note;
}

/** Only the viewer's own entry of a record keyed by participant. */
export function onlyKey<V>(rec: Dict<V>, key: string | null): Dict<V> {
  const mine = key === null ? undefined : dictGet(rec, key);
  return key !== null && mine !== undefined ? toDict([[key, mine]]) : emptyDict();
}

/** What each viewer may see, with these modules: the core's events and fields, and each module's by its hooks. */
export function visibility(m: ModuleTable) {
  /** Every participant who sees this event differently from all other participants: none, one, or a work group's members. */
  function personalTo(e: SessionEvent): string[] {
    switch (e.type) {
      case 'note.added':
      case 'note.restored':
        return e.private || e.note.anonymous ? (e.note.authorId === null ? [] : [e.note.authorId]) : [];
      case 'note.edited':
        return e.private && e.authorId ? [e.authorId] : [];
      default: {
        const p = m.owner(e.type)?.personalFor?.(e) ?? null;
        return p === null ? [] : typeof p === 'string' ? [p] : [...p];
      }
    }
  }

  /** The participant who sees this event differently from all other participants, if any (the first of several). */
  const personalFor = (e: SessionEvent): string | null => personalTo(e)[0] ?? null;

  function shapeFor(e: SessionEvent, viewer: Viewer, hidden: SessionEvent): SessionEvent {
    switch (e.type) {
      case 'session.created':
        return { ...e, agenda: e.agenda.map(publicItem) };
      case 'agenda.itemAdded':
        return { ...e, item: publicItem(e.item) };
      case 'agenda.itemUpdated': {
        if (e.patch.facilitatorNotes === undefined) return e;
        const { facilitatorNotes: _hidden, ...patch } = e.patch;
        return { ...e, patch };
      }
      case 'note.added':
      case 'note.restored':
        if (e.note.withheld && !isAuthor(e.note.authorId, viewer)) return hidden;
        return { ...e, note: noteFor(e.note, viewer, !!e.private) } as SessionEvent;
      case 'note.edited':
        return e.private && !isAuthor(e.authorId, viewer) ? hidden : e;
      case 'note.deleted':
        return { type: e.type, noteId: e.noteId, seq: e.seq, at: e.at };
      default: {
        const module = m.owner(e.type);
        return module?.eventFor ? module.eventFor(e, viewer, hidden) : e;
      }
    }
  }

  /** An event as this viewer may see it. A stored event too malformed to shape reaches nobody but the facilitator. */
  function eventFor(e: SessionEvent, viewer: Viewer): SessionEvent {
    // The console sees every event as written, but a module's anonymous answers only as counts (its hook says how).
    if (viewer.role === 'facilitator' && !m.owner(e.type)?.anonymous?.length) return e;
    const hidden: SessionEvent = { type: 'hidden', seq: e.seq, at: e.at };
    try {
      return shapeFor(e, viewer, hidden);
    } catch {
      return hidden;
    }
  }

  /** The whole state as a viewer may see it (for a snapshot catch-up). */
  function stateFor(s: SessionState, viewer: Viewer): SessionState {
    if (viewer.role === 'facilitator') {
      let whole = s;
      for (const module of m.list) {
        if (!module.anonymous?.length || !module.stateFor) continue;
        const part = module.stateFor(s, viewer);
        // Copied only when a module takes something out, so the console's state is the state itself otherwise.
        if ((Object.keys(part) as (keyof typeof part)[]).some((k) => part[k] !== s[k])) whole = { ...whole, ...part };
      }
      return whole;
    }
    let notes = s.notes;
    for (const n of allNotes(s)) {
      if (isAuthor(n.authorId, viewer)) continue;
      // A note the facilitator hid reaches nobody but its author.
      if (n.withheld) notes = keyedDelete(notes, n.id);
      if (!n.anonymous || n.withheld) continue;
      const secret = !!m.notePolicy(s.agenda.find((i) => i.id === n.itemId), n)?.isPrivate(s, n.itemId);
      notes = keyedSet(notes, n.id, noteFor(n, viewer, secret));
    }
    // Deleted notes wait for the facilitator's undo on the console only.
    const { recentlyDeleted: _console, ...rest } = s;
    let shaped: SessionState = { ...rest, agenda: s.agenda.map(publicItem), notes };
    for (const module of m.list) if (module.stateFor) shaped = { ...shaped, ...module.stateFor(s, viewer) };
    return shaped;
  }

  return { personalFor, personalTo, eventFor, stateFor };
}
