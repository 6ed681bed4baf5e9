import type { ModuleType } from '../modules/registry.js';
import type { Keyed } from './keyed.js';

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
  authorId: string | null; // null when the facilitator wrote it
  authorName: string;
  createdAt: number;
  updatedAt: number;
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
  actualMs: Record<string, number>;
  participants: Record<string, Participant>;
  /** All notes of the session, keyed by id (see keyed.ts for why it is bucketed). */
  notes: Keyed<Note>;
  lockedItems: Record<string, true>;
}
