import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { CrosswalkRating, OutcomeId } from './cfsr.js';
import type { FistRound } from './vision.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    vision: VisionEvent;
  }
}

export type VisionCommand = CommandOf<Extract<CommandType, `vision.${string}`>>;

export type VisionEvent =
  | { type: 'vision.contextSet'; itemId: string; mission: string; vision: string; values: string; pastedCarried: string[] }
  | { type: 'vision.drafted'; itemId: string; text: string }
  /** `hidden`: the board and the phones see the distribution only once the round closes (older events lack it). */
  | { type: 'vision.fistAsked'; itemId: string; roundId: string; statement: string; hidden?: boolean }
  /** The facilitator closed the round: no more answers; the distribution as it stood, for every screen. */
  | { type: 'vision.fistClosed'; itemId: string; roundId: string; distribution: FistRound['distribution'] }
  | {
      type: 'vision.fistAnswered';
      itemId: string;
      roundId: string;
      /** Empty (and value -1) on the screens of everyone but the one who answered and the facilitator. */
      participantId: string;
      value: number;
      /** Zeros on the screens of everyone but the facilitator while the round is `hidden`. */
      distribution: FistRound['distribution'];
      hidden?: boolean;
    }
  | { type: 'vision.finalized'; itemId: string; statement: string; distribution: FistRound['distribution'] }
  | { type: 'vision.crosswalkOpened'; itemId: string; open: boolean }
  | {
      type: 'vision.rated';
      itemId: string;
      outcomeId: OutcomeId;
      /** Empty on the screens of everyone but the rater and the facilitator. */
      participantId: string;
      rating: CrosswalkRating | null;
      tally: Record<CrosswalkRating, number>;
    };
