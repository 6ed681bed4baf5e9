import type { AgendaItem, Note, TemplateOrigin } from './state.js';

/**
 * Each module's events, by module name, added by the module:
 * `declare module '../../session/events.js' { interface ModuleEvents { flow: FlowEvent } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules (declaration merging)
export interface ModuleEvents {}

/** The core's facts: the session, its agenda, timer, people and notes. */
export type CoreEvent =
  | {
      type: 'session.created';
      id: string;
      title: string;
      joinCode: string;
      agenda: AgendaItem[];
      /** A rehearsal with simulated participants (absent in a real session and in older logs). */
      rehearsal?: true;
      /** The template the agenda came from, if any: what a template saved from this session names as its source. */
      template?: TemplateOrigin;
    }
  /** `simulated`: a rehearsal's simulated participant, run by the server (absent for a real person). */
  | { type: 'participant.joined'; participantId: string; name: string; simulated?: true }
  | { type: 'timer.started' }
  | { type: 'timer.paused' }
  | { type: 'timer.resumed' }
  | { type: 'timer.extended'; minutes: number }
  | { type: 'timer.reset' }
  | { type: 'agenda.moved'; itemId: string }
  | { type: 'agenda.itemAdded'; item: AgendaItem; index: number }
  | { type: 'agenda.itemRemoved'; itemId: string }
  | { type: 'agenda.itemMoved'; itemId: string; toIndex: number }
  | { type: 'agenda.itemUpdated'; itemId: string; patch: Partial<Omit<AgendaItem, 'id'>> }
  /** `private`: only the author and the facilitator may read the note (a private step, see NotePolicy). */
  | { type: 'note.added'; note: Omit<Note, 'createdAt' | 'updatedAt'>; private?: true }
  | { type: 'note.edited'; noteId: string; text: string; private?: true; authorId?: string | null }
  | { type: 'note.moved'; noteId: string; column: string }
  /**
   * `note`: the note as it was (in its group), for the facilitator's undo; `left`: the events that took it out of the
   * modules' data just before (its group dissolved, the dots on it given back), so the undo can put that back too.
   * Both the console's copy only, absent in older events.
   */
  | { type: 'note.deleted'; noteId: string; note?: Note; left?: EventBody[] }
  /** The facilitator undid a delete: the note as it was (its group cleared if the group is gone), private as note.added. */
  | { type: 'note.restored'; note: Note; private?: true }
  | { type: 'board.locked'; itemId: string; locked: boolean }
  /** Moderation: the note is gone, and the server has blanked its text in every stored event and snapshot. */
  | { type: 'note.erased'; noteId: string }
  /** The facilitator closed the session: read-only from here on, the results stay visible. */
  | { type: 'session.ended' }
  /** What a screen receives in place of an event it may not see, so its seqs stay contiguous. */
  | { type: 'hidden' };

/** Facts in the log, past tense. Every event has its session seq and the server time it happened at. */
export type EventBody = CoreEvent | ModuleEvents[keyof ModuleEvents];

export type EventType = EventBody['type'];
export type SessionEvent = EventBody & { seq: number; at: number };
