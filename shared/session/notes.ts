import { keyedGet, keyedValues } from './keyed.js';
import type { Note, Participant, SessionState } from './state.js';

export const noteById = (s: Pick<SessionState, 'notes'>, id: string): Note | undefined => keyedGet(s.notes, id);

/** Every note of the session, in no particular order. */
export const allNotes = (s: Pick<SessionState, 'notes'>): Note[] => keyedValues(s.notes);

/** An agenda item's notes, oldest first. */
export const notesOfItem = (s: Pick<SessionState, 'notes'>, itemId: string): Note[] =>
  allNotes(s)
    .filter((n) => n.itemId === itemId)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

export const participantById = (s: Pick<SessionState, 'participants'>, id: string): Participant | undefined =>
  keyedGet(s.participants, id);

export const allParticipants = (s: Pick<SessionState, 'participants'>): Participant[] => keyedValues(s.participants);
