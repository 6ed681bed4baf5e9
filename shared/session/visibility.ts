import type { SessionEvent } from './events.js';
import { emptyKeyed, keyedSet } from './keyed.js';
import { lateEntries } from '../modules/late/late.logic.js';
import type { LateEntry } from '../modules/late/late.state.js';
import { allNotes } from './notes.js';
import { dictGet, emptyDict, toDict, type Dict } from './dict.js';
import type { AgendaItem, Note, SessionState } from './state.js';

/**
 * Who is looking. The server shapes every event and every snapshot for its viewer before it leaves, so a
 * participant's browser never receives what that participant may not see: facilitator notes, other people's
 * brainstorm notes before the reveal, who wrote an anonymous note, other people's dots and answers.
 * `participantId: null` stands for "any participant but the ones the event is personal to" (see `personalFor`),
 * so the participants' frame is built and serialized once for all of them.
 */
export type Viewer = { role: 'facilitator' } | { role: 'board' } | { role: 'participant'; participantId: string | null };

// Stryker disable next-line ConditionalExpression: a board or facilitator viewer has no participantId, which matches no author or voter, as null does
const viewerId = (v: Viewer): string | null => (v.role === 'participant' ? v.participantId : null);
/** Whether the viewer wrote it. Nobody "wrote" a null author (the facilitator's notes), so a board is never the author. */
const isAuthor = (authorId: string | null | undefined, v: Viewer): boolean => !!authorId && authorId === viewerId(v);

const publicItem = (item: AgendaItem): AgendaItem => (item.facilitatorNotes ? { ...item, facilitatorNotes: '' } : item);

/** A note as a viewer who is not its author sees it: anonymous, and only a stand-in while it is private. */
function noteFor<N extends Omit<Note, 'createdAt' | 'updatedAt'>>(note: N, viewer: Viewer, secret: boolean): N {
  if (isAuthor(note.authorId, viewer)) return note;
  if (secret) return { ...note, text: '', authorId: null, authorName: '', hidden: true };
  return note.anonymous ? { ...note, authorId: null, authorName: '' } : note;
}

/** The participant who sees this event differently from all other participants, if any. */
export function personalFor(e: SessionEvent): string | null {
  switch (e.type) {
    case 'note.added':
      return e.private || e.note.anonymous ? e.note.authorId : null;
    case 'note.edited':
      return e.private ? (e.authorId ?? null) : null;
    case 'flow.dotted':
      return e.voter.startsWith('proxy:') ? null : e.voter;
    case 'vision.fistAnswered':
    case 'vision.rated':
      return e.participantId;
    case 'late.received':
      return e.entry.authorId;
    case 'late.resolved':
      return e.authorId;
    default:
      return null;
  }
}

/** An event as this viewer may see it. A stored event too malformed to shape reaches nobody but the facilitator. */
export function eventFor(e: SessionEvent, viewer: Viewer): SessionEvent {
  if (viewer.role === 'facilitator') return e;
  const hidden: SessionEvent = { type: 'hidden', seq: e.seq, at: e.at };
  try {
    return shapeFor(e, viewer, hidden);
  } catch {
    return hidden;
  }
}

function shapeFor(e: SessionEvent, viewer: Viewer, hidden: SessionEvent): SessionEvent {
  const me = viewerId(viewer);
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
      return { ...e, note: noteFor(e.note, viewer, !!e.private) };
    case 'note.edited':
      return e.private && !isAuthor(e.authorId, viewer) ? hidden : e;
    case 'flow.advanced':
      // Stryker disable next-line ObjectLiteral,StringLiteral: every viewer but the author gets the same anonymous copy; a phone keeps its own authorship from what it holds
      return e.revealed ? { ...e, revealed: e.revealed.map((n) => noteFor(n, { role: 'board' }, false)) } : e;
    case 'flow.dotted':
      return e.voter === me ? e : hidden;
    case 'vision.fistAnswered':
      return e.participantId === me ? e : { ...e, participantId: '', value: -1 };
    case 'vision.rated':
      return e.participantId === me ? e : { ...e, participantId: '', rating: null };
    // Late input is between its author and the facilitator until it is accepted (and then it is an ordinary note).
    case 'late.received':
      return isAuthor(e.entry.authorId, viewer) ? e : hidden;
    case 'late.resolved':
      return isAuthor(e.authorId, viewer) ? e : hidden;
    default:
      return e;
  }
}

/** Only the viewer's own entry of a record keyed by participant. */
function onlyKey<V>(rec: Dict<V>, key: string | null): Dict<V> {
  const mine = key === null ? undefined : dictGet(rec, key);
  return key !== null && mine !== undefined ? toDict([[key, mine]]) : emptyDict();
}

/** The whole state as a viewer may see it (for a snapshot catch-up). */
export function stateFor(s: SessionState, viewer: Viewer): SessionState {
  if (viewer.role === 'facilitator') return s;
  const me = viewerId(viewer);
  let notes = s.notes;
  for (const n of allNotes(s)) {
    if (!n.anonymous || isAuthor(n.authorId, viewer)) continue;
    const secret = (dictGet(s.flows, n.itemId)?.phase ?? 'brainstorm') === 'brainstorm';
    notes = keyedSet(notes, n.id, noteFor(n, viewer, secret));
  }
  // Who placed which dots stays secret for good; the totals become public with the results.
  const flows = toDict(Object.entries(s.flows).map(([id, f]) => [id, { ...f, dots: onlyKey(f.dots, me) }] as const));
  const vision = toDict(
    Object.entries(s.vision).map(([id, v]) => [
      id,
      {
        ...v,
        rounds: v.rounds.map((r) => ({ ...r, answers: onlyKey(r.answers, me) })),
        crosswalk: { ...v.crosswalk, ratings: onlyKey(v.crosswalk.ratings, me) },
      },
    ] as const),
  );
  let late = emptyKeyed<LateEntry>();
  for (const entry of lateEntries(s, (e) => isAuthor(e.authorId, viewer))) late = keyedSet(late, entry.id, entry);
  return { ...s, agenda: s.agenda.map(publicItem), notes, flows, vision, late };
}
