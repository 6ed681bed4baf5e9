import type { SessionEvent } from './events.js';
import { keyedSet } from './keyed.js';
import { allNotes } from './notes.js';
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
    default:
      return null;
  }
}

export function eventFor(e: SessionEvent, viewer: Viewer): SessionEvent {
  if (viewer.role === 'facilitator') return e;
  const me = viewerId(viewer);
  const hidden: SessionEvent = { type: 'hidden', seq: e.seq, at: e.at };
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
    default:
      return e;
  }
}

const onlyKey = <V>(rec: Record<string, V>, key: string | null): Record<string, V> =>
  // Stryker disable next-line ConditionalExpression: without the null test, rec[null] reads the key "null", which no participant id is
  key !== null &&
  rec[key] !== undefined
    ? { [key]: rec[key] }
    : {};

/** The whole state as a viewer may see it (for a snapshot catch-up). */
export function stateFor(s: SessionState, viewer: Viewer): SessionState {
  if (viewer.role === 'facilitator') return s;
  const me = viewerId(viewer);
  let notes = s.notes;
  for (const n of allNotes(s)) {
    if (!n.anonymous || isAuthor(n.authorId, viewer)) continue;
    const secret = (s.flows[n.itemId]?.phase ?? 'brainstorm') === 'brainstorm';
    notes = keyedSet(notes, n.id, noteFor(n, viewer, secret));
  }
  // Who placed which dots stays secret for good; the totals become public with the results.
  const flows = Object.fromEntries(Object.entries(s.flows).map(([id, f]) => [id, { ...f, dots: onlyKey(f.dots, me) }]));
  const vision = Object.fromEntries(
    Object.entries(s.vision).map(([id, v]) => [
      id,
      {
        ...v,
        rounds: v.rounds.map((r) => ({ ...r, answers: onlyKey(r.answers, me) })),
        crosswalk: { ...v.crosswalk, ratings: onlyKey(v.crosswalk.ratings, me) },
      },
    ]),
  );
  return { ...s, agenda: s.agenda.map(publicItem), notes, flows, vision };
}
