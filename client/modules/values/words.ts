import { oneDecimal } from '../../../shared/modules/values/values.results.js';
import type { Scale } from '../../../shared/modules/values/values.state.js';

/** The scales as the screens name them. */
export const SCALE_NAMES: Record<Scale, string> = { importance: 'Importance', practice: 'Practice' };
/** What each scale asks, on the phone. */
export const SCALE_QUESTIONS: Record<Scale, string> = {
  importance: 'How important is this value?',
  practice: 'How consistently do we live it today?',
};
export const SCALES: readonly Scale[] = ['importance', 'practice'];

/** A gap in words with one decimal ("gap 1.4"), as the report's note says it. */
export const gapText = (gap: number | null): string => (gap === null ? 'no gap yet' : `gap ${oneDecimal(gap)}`);

/** What the board and the phone say the survey is doing. */
export const PHASE_WORDS = {
  setup: 'The survey opens soon: the facilitator is setting the values.',
  open: 'The survey is open: rate each value on your phone.',
  closed: 'The survey is closed.',
} as const;
export const PHONE_PHASE_WORDS = {
  ...PHASE_WORDS,
  setup: 'The survey opens soon: the facilitator is setting the values. You can propose one below.',
  open: 'Rate each value on both scales. Your answers are anonymous: no one sees who gave them.',
} as const;
