import { fail } from '../../protocol/results.js';
import type { Decision } from '../../session/decide.js';
import { keyedSet } from '../../session/keyed.js';
import { noteById, notesOfItem } from '../../session/notes.js';
import type { SessionState } from '../../session/state.js';
import type { FlowEvent } from './flow.events.js';
import { PHASE_LABELS, PHASES, type FlowState, type Phase } from './flow.state.js';

/**
 * A step taken back, or null when `to` is not the step before this one (then it is a step forward, or refused
 * as such). Back to the brainstorm: the notes are private again; back from the vote: the dots stay or go, as the
 * facilitator chose; back from the results: the totals are no longer public.
 */
export function stepBack(s: SessionState, flow: FlowState, itemId: string, to: Phase, dots: 'keep' | 'clear' | undefined): Decision | null {
  const prev = PHASES[PHASES.indexOf(flow.phase) - 1];
  if (to !== prev) return null;
  const e: Extract<FlowEvent, { type: 'flow.advanced' }> = { type: 'flow.advanced', itemId, phase: prev, back: true };
  if (prev === 'brainstorm') e.concealed = notesOfItem(s, itemId).map((n) => n.id);
  if (flow.phase === 'vote') {
    if (!dots) return fail('invalid', `Say whether the dots placed so far stay or are cleared when you go back to ${PHASE_LABELS[prev].toLowerCase()}.`);
    if (dots === 'clear') e.clearedDots = true;
  }
  return { ok: true, events: [e] };
}

/** The state after a step taken back (the phase itself is set by the caller). */
export function applyBack(s: SessionState, e: Extract<FlowEvent, { type: 'flow.advanced' }>): SessionState {
  let notes = s.notes;
  for (const id of e.concealed ?? []) {
    const n = noteById(s, id);
    // A screen that does not know who wrote a note (anyone but its author and the facilitator) keeps a stand-in.
    if (n && !n.hidden && !n.authorName) notes = keyedSet(notes, id, { ...n, text: '', hidden: true });
  }
  return notes === s.notes ? s : { ...s, notes };
}
