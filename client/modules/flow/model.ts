import type { ReactNode } from 'react';
import type { RankedEntry } from '../../../shared/modules/flow/flow.results.js';
import type { Phase } from '../../../shared/modules/flow/flow.state.js';

/** One column (a SWOT quadrant, a vision prompt) with its vote targets: groups and notes in no group. */
export interface FlowColumn {
  column: string;
  entries: RankedEntry[];
}
export type FlowColumns = FlowColumn[];

/** How a module marks its columns beyond the name (SWOT: a distinct border and shape per quadrant). */
export interface ColumnDecor {
  className?: (column: string, index: number) => string;
  mark?: (column: string, index: number) => ReactNode;
}

/** The one-line task of each step, as the board says it (the phone says it in `PHONE_HINTS`). */
export const PHASE_HINTS: Record<Phase, string> = {
  brainstorm: 'Write your ideas on your phone. Only you see yours until the reveal.',
  reveal: 'Here is everything the room wrote. No names are shown.',
  cluster: 'Group notes that belong together: drag a note onto another, or use “Move to…”.',
  vote: 'Place your dots on what matters most. Your dots stay secret until the results.',
  results: 'The results, most dots first.',
};

/** "1 note", "3 notes": the reports' own rule, so a screen and a report count alike. */
export { count as plural } from '../../../shared/report/format.js';

/** A short form of a long text for option lists and accessible names. */
export const clip = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export const PHONE_HINTS: Record<Phase, string> = {
  ...PHASE_HINTS,
  brainstorm: 'Write your ideas below, one per note. Only you see yours until the reveal.',
  cluster: 'Group notes that belong together: drag a note onto another, or pick a place in its “Move to…” list and press Move.',
};
