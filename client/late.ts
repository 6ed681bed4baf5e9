import { useMemo } from 'react';
import { CROSSWALK_LABELS, CFSR_OUTCOMES } from '../shared/modules/vision/cfsr.js';
import type { LateEntry, LateInput, LateStatus } from '../shared/modules/late/late.state.js';
import { noteById } from '../shared/session/notes.js';
import { lateEntries } from '../shared/modules/late/late.logic.js';
import type { SessionState } from '../shared/session/state.js';
import { useSession } from './store.js';
import { dictGet } from '../shared/session/dict.js';

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

/** The input in words: a note's text, or what was chosen. */
export function describeInput(state: Pick<SessionState, 'notes' | 'flows'>, input: LateInput): string {
  switch (input.type) {
    case 'note.add':
      return input.payload.text;
    case 'note.edit':
      return `Change to: ${input.payload.text}`;
    case 'flow.dot': {
      const { target, itemId } = input.payload;
      const group = dictGet(dictGet(state.flows, itemId)?.groups, target.id);
      const label = target.kind === 'note' ? noteById(state, target.id)?.text : group?.name || 'a group';
      return `A dot on: ${label ?? 'a note that is gone'}`;
    }
    case 'vision.fist':
      return `Fist-to-five: ${input.payload.value}`;
    case 'vision.rate': {
      const outcome = CFSR_OUTCOMES.find((o) => o.id === input.payload.outcomeId);
      return `Crosswalk ${input.payload.outcomeId} (${outcome?.area ?? ''}): ${CROSSWALK_LABELS[input.payload.rating]}`;
    }
    default: {
      const never: never = input;
      return never;
    }
  }
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
