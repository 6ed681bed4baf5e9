import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { CandidateValue, CultivateAction, InvolveEntry, Rating, ValueProposal, ValueTally } from './values.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    values: ValuesEvent;
  }
}

export type ValuesCommand = CommandOf<Extract<CommandType, `values.${string}`>>;

export type ValuesEvent =
  /** `index`: where in the order (absent: at the end). */
  | { type: 'values.valueAdded'; itemId: string; value: CandidateValue; index?: number }
  | { type: 'values.valueEdited'; itemId: string; valueId: string; name: string; description: string }
  /**
   * Its ratings leave the tallies and the ballots; its actions go too. `respondents`: how many ballots still rate
   * anything (written by the server, since a phone holds no other ballot to count; absent in older logs: counted).
   */
  | { type: 'values.valueRemoved'; itemId: string; valueId: string; respondents?: number }
  | { type: 'values.valueMoved'; itemId: string; valueId: string; toIndex: number }
  /**
   * `fromId` folds into `intoId`: a ballot that rated only `fromId` now rates `intoId` with those answers; a ballot
   * that rated both keeps its `intoId` answers. Proposals and actions that pointed at `fromId` point at `intoId`.
   */
  | {
      type: 'values.valuesMerged';
      itemId: string;
      fromId: string;
      intoId: string;
      /**
       * Written by the server (a phone holds no other ballot to count them; absent in older logs: counted): `intoId`'s
       * tally after the merge (only the console's and, when `shown`, every screen's), how many ballots answer
       * `intoId`, and how many rate anything.
       */
      tally?: ValueTally;
      answered?: number;
      respondents?: number;
      shown?: boolean;
    }
  | { type: 'values.proposed'; itemId: string; proposal: ValueProposal }
  /** The proposal became `value` (its text, or the facilitator's rename). */
  | { type: 'values.proposalAccepted'; itemId: string; proposalId: string; value: CandidateValue }
  | { type: 'values.proposalMerged'; itemId: string; proposalId: string; intoId: string }
  | { type: 'values.proposalDeclined'; itemId: string; proposalId: string; reason: string }
  | { type: 'values.phaseSet'; itemId: string; phase: 'setup' | 'open' | 'closed' }
  /** Results shown (or hidden again). Carries the tallies as they stand, for every screen. */
  | { type: 'values.resultsShown'; itemId: string; shown: boolean; tally: Record<string, ValueTally> }
  | {
      type: 'values.rated';
      itemId: string;
      valueId: string;
      /** Opaque (never a participant id). '' on every screen but the rater's own and the console. */
      ballot: string;
      /** The ballot's answer now; both null: withdrawn. Both null on every screen but the rater's and the console. */
      rating: Rating;
      /** The value's tally after this rating: the console's always; other screens' only if `shown`. */
      tally: ValueTally;
      /** How many ballots answered this value, and how many answered anything, after this rating: every screen. */
      answered: number;
      respondents: number;
      /** Results were shown when this was written. */
      shown: boolean;
    }
  | { type: 'values.involveSet'; itemId: string; involve: InvolveEntry[] }
  | { type: 'values.actionSet'; itemId: string; action: CultivateAction }
  | { type: 'values.actionRemoved'; itemId: string; actionId: string };
