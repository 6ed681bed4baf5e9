import type { Keyed } from './keyed.js';
import type { Dict } from './dict.js';
import type { DeletedNote } from './undo.js';

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the modules (declaration merging) */
/**
 * The kinds of agenda item, one key per kind, added by the module that provides it:
 * `declare module '../../session/state.js' { interface ItemKinds { swot: true } }`.
 */
export interface ItemKinds {}
/**
 * The state each module owns, by its field in the session state, added by the module:
 * `declare module '../../session/state.js' { interface ModuleSlices { flows: Dict<FlowState> } }`. The field names
 * are those of the stored snapshots (JSON), so they never change.
 */
export interface ModuleSlices {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

export type ModuleType = keyof ItemKinds & string;

export interface AgendaItem {
  id: string;
  title: string;
  plannedMinutes: number;
  moduleType: ModuleType;
  /** Seen by the facilitator only; stripped from what participants and the board receive. */
  facilitatorNotes: string;
  prompt: string;
  columns: string[];
  /**
   * What the item shows besides its own board: `carried`, the items carried forward; `vision`, the session's vision
   * context (mission, vision, values, carried items), which the facilitator can enter there (absent: nothing else).
   */
  input?: ItemInput;
  /** Notes posted on this open board are anonymous to all but their author and the facilitator (absent: named). */
  anonymous?: boolean;
  /**
   * A starter list the item's module offers the facilitator to add in one click (the values survey's candidate values,
   * the eco-map's partners; absent: the module's own starter list).
   */
  starter?: string[];
}

/** The inputs an agenda item can take: its own board only, or the items carried forward too, or the vision context. */
export const ITEM_INPUTS = ['notes', 'carried', 'vision'] as const;
export type ItemInput = (typeof ITEM_INPUTS)[number];

/**
 * A countdown as data. While running it is an absolute end instant on the server's clock; otherwise it is the
 * remaining time. Every screen derives the same display from it.
 */
export interface TimerState {
  itemId: string | null;
  status: 'idle' | 'running' | 'paused';
  durationMs: number;
  /** Server time at which the countdown reaches zero (running only). */
  endsAt: number | null;
  /** Remaining time while idle or paused. */
  remainingMs: number;
  /** Server time at which the current run started, for actual-time accounting (running only). */
  runningSince: number | null;
}

export interface Note {
  id: string;
  itemId: string;
  column: string;
  text: string;
  authorId: string | null; // null when the facilitator wrote it, or when this screen may not know the author
  authorName: string;
  createdAt: number;
  updatedAt: number;
  /** The cluster the note is in (items whose notes are clustered; null elsewhere). */
  groupId: string | null;
  /** Anonymous to everyone but its author and the facilitator (set by its item's note rules, see NotePolicy). */
  anonymous: boolean;
  /** A stand-in for a note this screen may not read yet (a private note): it only counts. */
  hidden?: true;
  /** Hidden by the facilitator (moderation): only its author and the facilitator have it; out of the board and reports. */
  withheld?: true;
}

export interface Participant {
  id: string;
  name: string;
  joinedAt: number;
  /** A rehearsal's simulated participant (absent for a real person). */
  simulated?: true;
}

/** The state the core keeps whatever the modules: agenda, timer, people, notes. */
export interface CoreState {
  seq: number;
  id: string;
  title: string;
  joinCode: string;
  createdAt: number;
  agenda: AgendaItem[];
  currentItemId: string | null;
  timer: TimerState;
  /** Milliseconds the timer actually ran, per agenda item. */
  actualMs: Dict<number>;
  /** Milliseconds spent on each agenda item, from entering it to leaving it (older snapshots lack it; see itemTime.ts). */
  onItemMs?: Dict<number>;
  /** When the current item was entered (null: no current item; older snapshots lack it). */
  enteredAt?: number | null;
  /** Everyone who joined, keyed by participant id (bucketed like the notes: joins come in storms). */
  participants: Keyed<Participant>;
  /** All notes of the session, keyed by id (see keyed.ts for why it is bucketed). */
  notes: Keyed<Note>;
  lockedItems: Dict<true>;
  /** Notes deleted in the last seconds, for the facilitator's undo (the console only; absent in older snapshots). */
  recentlyDeleted?: Dict<DeletedNote>;
  /** A rehearsal with simulated participants (absent in a real session; older snapshots lack it). */
  rehearsal?: true;
  /** When the facilitator ended the session (absent while it runs; older snapshots lack it). */
  endedAt?: number;
  /** The template the session started from (absent for a blank agenda, and in older sessions). */
  startedFrom?: TemplateOrigin;
}

/** A template as a session remembers where its agenda came from. */
export interface TemplateOrigin {
  title: string;
  source?: string;
}

/** The whole session state: the core's fields and every module's slice. */
export type SessionState = CoreState & ModuleSlices;
