import type { AgendaItem, Note } from './state.js';
import type { ReportScope } from '../report/model.js';
import type { FlowEvent } from '../modules/flow/flow.events.js';
import type { SwotEvent } from '../modules/swot/swot.events.js';
import type { VisionEvent } from '../modules/vision/vision.events.js';
import type { LateEvent } from '../modules/late/late.events.js';

/** Facts in the log, past tense. Every event has its session seq and the server time it happened at. */
export type EventBody =
  | {
      type: 'session.created';
      id: string;
      title: string;
      joinCode: string;
      agenda: AgendaItem[];
    }
  | { type: 'participant.joined'; participantId: string; name: string }
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
  /** `private`: during a brainstorm only the author and the facilitator may read the note. */
  | { type: 'note.added'; note: Omit<Note, 'createdAt' | 'updatedAt'>; private?: true }
  | { type: 'note.edited'; noteId: string; text: string; private?: true; authorId?: string | null }
  | { type: 'note.moved'; noteId: string; column: string }
  | { type: 'note.deleted'; noteId: string }
  | { type: 'board.locked'; itemId: string; locked: boolean }
  /** Moderation: the note is gone, and the server has blanked its text in every stored event and snapshot. */
  | { type: 'note.erased'; noteId: string }
  /** The facilitator closed the session: read-only from here on, the results stay visible. */
  | { type: 'session.ended' }
  /** The facilitator shared a report with the room (a new link each time), or stopped sharing it. */
  | { type: 'report.shared'; shareId: string; scope: ReportScope; timeZone?: string }
  | { type: 'report.unshared' }
  /** What a screen receives in place of an event it may not see, so its seqs stay contiguous. */
  | { type: 'hidden' }
  | FlowEvent
  | SwotEvent
  | VisionEvent
  | LateEvent;

export type EventType = EventBody['type'];
export type SessionEvent = EventBody & { seq: number; at: number };
