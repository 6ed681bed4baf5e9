import type { ModuleType } from '../modules/registry.js';
import type { Keyed } from './keyed.js';
import type { Dict } from './dict.js';
import type { FlowState } from '../modules/flow/flow.state.js';
import type { SwotState } from '../modules/swot/swot.state.js';
import type { VisionState } from '../modules/vision/vision.state.js';
import type { LateEntry } from '../modules/late/late.state.js';
import type { SharedReport } from './share.js';

export interface AgendaItem {
  id: string;
  title: string;
  plannedMinutes: number;
  moduleType: ModuleType;
  /** Seen by the facilitator only; stripped from what participants and the board receive. */
  facilitatorNotes: string;
  prompt: string;
  columns: string[];
}

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
  /** The cluster the note is in (brainstorm-flow items only). */
  groupId: string | null;
  /** Notes of brainstorm-flow items are anonymous to everyone but their author and the facilitator. */
  anonymous: boolean;
  /** A stand-in for a note this screen may not read yet (private brainstorm): it only counts. */
  hidden?: true;
}

export interface Participant {
  id: string;
  name: string;
  joinedAt: number;
}

export interface SessionState {
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
  /** Everyone who joined, keyed by participant id (bucketed like the notes: joins come in storms). */
  participants: Keyed<Participant>;
  /** All notes of the session, keyed by id (see keyed.ts for why it is bucketed). */
  notes: Keyed<Note>;
  lockedItems: Dict<true>;
  /** Brainstorm-flow state per agenda item (SWOT and vision items). */
  flows: Dict<FlowState>;
  swot: Dict<SwotState>;
  vision: Dict<VisionState>;
  /** Input that arrived after its step closed, by entry id (absent in snapshots from before late input existed). */
  late?: Keyed<LateEntry>;
  /** When the facilitator ended the session (absent while it runs; older snapshots lack it). */
  endedAt?: number;
  /** The report the room may download right now (absent when none is shared). */
  sharedReport?: SharedReport;
}
