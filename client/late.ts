import { useMemo } from 'react';
import type { LateEntry, LateInput, LateStatus } from '../shared/modules/late/late.state.js';
import { lateEntries } from '../shared/modules/late/late.logic.js';
import type { SessionState } from '../shared/session/state.js';
import { describeLateInput } from './modules/registry.js';
import { useSession } from './store.js';

type Family = 'note' | 'edit' | 'vote';
const familyOf = (input: LateInput): Family =>
  input.type === 'note.add' ? 'note' : input.type === 'note.edit' ? 'edit' : 'vote';

/** What a late input's author is told about it, by kind and state. Never empty. */
const STATE_WORDS: Record<Family, Record<LateStatus, string>> = {
  note: {
    pending: 'Arrived after posting closed: the facilitator can still add it.',
    accepted: 'Added by the facilitator.',
    dismissed: 'Not added.',
  },
  edit: {
    pending: 'Arrived after editing closed: the facilitator can still apply it.',
    accepted: 'Applied by the facilitator.',
    dismissed: 'Not applied.',
  },
  vote: {
    pending: 'Arrived after voting closed: the facilitator decides whether it counts.',
    accepted: 'Counted by the facilitator.',
    dismissed: 'Not counted.',
  },
};

export const lateStateWords = (entry: LateEntry): string => STATE_WORDS[familyOf(entry.input)][entry.status];

/** The input in words: a note's text, or what was chosen (in the words of the module it belongs to). */
export function describeInput(state: SessionState, input: LateInput): string {
  if (input.type === 'note.add') return input.payload.text;
  if (input.type === 'note.edit') return `Change to: ${input.payload.text}`;
  return describeLateInput(state, input) ?? 'An input sent after its step closed';
}

/** "3 late notes", or "3 late inputs" when dots or answers are among them. */
export function lateCount(entries: LateEntry[]): string {
  const noun = entries.every((e) => familyOf(e.input) !== 'vote') ? 'note' : 'input';
  return `${entries.length} late ${noun}${entries.length === 1 ? '' : 's'}`;
}

/** This screen's late entries (all of them on the console, one's own on a phone), oldest first. */
export function useLateEntries(): LateEntry[] {
  const late = useSession((s) => s.state.late);
  return useMemo(() => lateEntries({ late }), [late]);
}
