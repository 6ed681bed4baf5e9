import { dictGet, emptyDict, type Dict } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';

/**
 * The core-values survey (seed 000, "Developing core values: a beginning"): candidate values, each rated by every
 * participant for importance (1-5) and for how consistently the agency lives it today (1-5), anonymously; the values
 * ranked by gap (importance minus practice); and the follow-up for the top-gap values: who needs to be involved in
 * developing them, and actions to cultivate each (what, owner, by when).
 *
 * Anonymity: a rating is never stored, sent or exported with a participant id. It is filed under a ballot, an opaque
 * key the server derives from the participant id with a per-session secret that never leaves the server (see
 * server/ballots.ts). Only the rater's own phone is sent their ballot's ratings; the board and other phones get counts
 * until the facilitator shows the results, then the tallies; the console gets the tallies and counts, never a ballot.
 */
export const VALUES = 'values';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** One survey per values item. */
    values: Dict<ValuesSurvey>;
  }
  interface ItemKinds {
    /** The core-values survey. */
    values: true;
  }
}

/** Both scales run 1 to 5. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SCALE_LABELS = {
  importance: ['Not important', 'Slightly important', 'Important', 'Very important', 'Essential'],
  practice: ['Never lived', 'Rarely lived', 'Sometimes lived', 'Mostly lived', 'Always lived'],
} as const;
export type Scale = keyof typeof SCALE_LABELS;

/**
 * The starter list a template offers, from seed 000's themes: what core values govern (how we treat each other, how we
 * fulfil our mission), cultural responsiveness, and the CFSR principles (family centred and community based, shared
 * responsibility, partnership).
 */
export const STARTER_VALUES: readonly { name: string; description: string }[] = [
  { name: 'How we treat each other', description: 'Respect and trust in how we interact with each other' },
  { name: 'Cultural responsiveness', description: 'We recognize and value multiple and diverse worldviews' },
  { name: 'Family-centred and community-based', description: 'Families and their communities are at the centre of our work' },
  { name: 'Shared responsibility', description: 'Keeping children safe is the whole community’s responsibility' },
  { name: 'Involving those affected', description: 'We involve the people who will be affected in the planning' },
  { name: 'Empowerment', description: 'We support families and staff to act for themselves' },
  { name: 'Partnership', description: 'We work in true collaboration with our partners' },
];

export const MAX_VALUES = 30;
export const MAX_VALUE_NAME = 120;
export const MAX_DESCRIPTION = 300;
/** Proposals a participant may have waiting or declined at once; the survey keeps at most MAX_PROPOSALS in all. */
export const MAX_PROPOSALS_PER_PERSON = 5;
export const MAX_PROPOSALS = 200;
export const MAX_INVOLVE = 40;
export const MAX_ACTIONS_PER_VALUE = 20;

export interface CandidateValue {
  id: string;
  name: string;
  description: string;
  /** The proposal it came from, or null when the facilitator typed it (or the template gave it). */
  proposalId: string | null;
}

/** A value a participant proposed. The facilitator accepts it (as typed or renamed), merges it into a value, or declines it. */
export interface ValueProposal {
  id: string;
  text: string;
  /** The proposer: the facilitator and the proposer see it; every other screen gets null. */
  authorId: string | null;
  status: 'waiting' | 'accepted' | 'merged' | 'declined';
  /** The value it became or was merged into (accepted, merged). */
  valueId: string | null;
  /** The facilitator's reason when declined, shown to the proposer. */
  reason: string;
  at: number;
}

/** One ballot's answer for one value: either scale may still be unanswered. */
export interface Rating {
  importance: number | null;
  practice: number | null;
}

/** How many answered 1, 2, 3, 4, 5 on one scale. */
export type Distribution = [number, number, number, number, number];

export interface ValueTally {
  importance: Distribution;
  practice: Distribution;
}

/** An action to cultivate a value: what, who owns it, by when (free text such as "March" or a date). */
export interface CultivateAction {
  id: string;
  valueId: string;
  what: string;
  owner: string;
  byWhen: string;
}

/** Who needs to be involved in developing the values (seed 000), one entry per line the facilitator types. */
export interface InvolveEntry {
  id: string;
  text: string;
}

export interface ValuesSurvey {
  /** setup: values are being set; open: phones rate; closed: no more ratings (reopening is allowed). */
  phase: 'setup' | 'open' | 'closed';
  /** The facilitator showed the results: board and phones get the tallies. */
  resultsShown: boolean;
  values: Dict<CandidateValue>;
  /** Value ids in the order every screen lists them. */
  order: string[];
  proposals: Dict<ValueProposal>;
  /**
   * Ratings by ballot, then value id. The server's copy holds every ballot; a phone's holds its own ballot's only;
   * the console's and the board's none (the console's counts come with each event). Never keyed by participant.
   */
  ballots: Dict<Dict<Rating>>;
  /** Per value, the distributions on both scales: the console's always, the others' once results are shown. */
  tally: Dict<ValueTally>;
  /** Per value, how many ballots answered it (either scale): every screen, live. */
  answered: Dict<number>;
  /** How many ballots rated anything: every screen, live ("12 have answered"). */
  respondents: number;
  involve: InvolveEntry[];
  actions: Dict<CultivateAction>;
}

export const emptyDistribution = (): Distribution => [0, 0, 0, 0, 0];

export const initialSurvey = (): ValuesSurvey => ({
  phase: 'setup',
  resultsShown: false,
  values: emptyDict(),
  order: [],
  proposals: emptyDict(),
  ballots: emptyDict(),
  tally: emptyDict(),
  answered: emptyDict(),
  respondents: 0,
  involve: [],
  actions: emptyDict(),
});

export const surveyOf = (s: SessionState, itemId: string): ValuesSurvey => dictGet(s.values, itemId) ?? initialSurvey();

/** One value's result: distributions, means (null with no answers) and gap, for the board, console and report. */
export interface ValueResult {
  valueId: string;
  name: string;
  /** Ballots that answered importance / practice. */
  nImportance: number;
  nPractice: number;
  importance: Distribution;
  practice: Distribution;
  meanImportance: number | null;
  meanPractice: number | null;
  /** meanImportance minus meanPractice, or null when either is null. */
  gap: number | null;
}
