import type { CrosswalkRating, OutcomeId } from './cfsr.js';
import { emptyDict, type Dict } from '../../session/dict.js';

/** The module's name and its one kind of agenda item. */
export const VISION = 'vision';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** Mission, statement, fist-to-five rounds and crosswalk per vision item. */
    vision: Dict<VisionState>;
  }
  interface ItemKinds {
    vision: true;
    /** The CFSR crosswalk on its own item. */
    crosswalk: true;
  }
}

/** One fist-to-five round: a statement as it stood when asked, and the answers 0-5. */
export interface FistRound {
  id: string;
  statement: string;
  /** How many answered 0, 1, 2, 3, 4, 5. */
  distribution: [number, number, number, number, number, number];
  /** Answers by participant: all of them for the facilitator, only one's own on a phone. */
  answers: Dict<number>;
  closed: boolean;
  /** The board and the phones see the distribution only once the round closes (absent in older snapshots). */
  hidden?: boolean;
}

export interface VisionState {
  mission: string;
  vision: string;
  values: string;
  /** SWOT items carried forward from an earlier session, pasted by the facilitator (one per line). */
  pastedCarried: string[];
  /** The seq of the event that last set the context here (absent before the context belonged to the session). */
  contextSeq?: number;
  /** The preferred-future statement as the facilitator is typing it. */
  draft: string;
  rounds: FistRound[];
  final: { statement: string; distribution: FistRound['distribution']; at: number } | null;
  crosswalk: {
    open: boolean;
    /** Tally per outcome and rating. */
    tally: Dict<Record<CrosswalkRating, number>>;
    /** Ratings by participant then outcome: all for the facilitator, one's own on a phone. */
    ratings: Dict<Partial<Record<OutcomeId, CrosswalkRating>>>;
  };
}

export const emptyDistribution = (): FistRound['distribution'] => [0, 0, 0, 0, 0, 0];

export const initialVision = (): VisionState => ({
  mission: '',
  vision: '',
  values: '',
  pastedCarried: [],
  draft: '',
  rounds: [],
  final: null,
  crosswalk: { open: false, tally: emptyDict(), ratings: emptyDict() },
});
