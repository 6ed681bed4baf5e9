import type { CommandOf, CommandType } from '../../protocol/commands.js';
import type { Mark, MarkCounts, Partner, PartnerProposal, PlanRow } from './ecomap.state.js';

declare module '../../session/events.js' {
  interface ModuleEvents {
    ecomap: EcoMapEvent;
  }
}

export type EcoMapCommand = CommandOf<Extract<CommandType, `ecomap.${string}`>>;

export type EcoMapEvent =
  | { type: 'ecomap.centreSet'; itemId: string; centre: string }
  | { type: 'ecomap.partnerAdded'; itemId: string; partner: Partner; index?: number }
  | { type: 'ecomap.partnerEdited'; itemId: string; partnerId: string; name: string; category: string; side: Partner['side'] }
  /**
   * Its marks, counts and plan row go too. `markers`: participants with at least one mark, after (every screen; a
   * phone holds only its own marks, so it cannot count them itself).
   */
  | { type: 'ecomap.partnerRemoved'; itemId: string; partnerId: string; markers?: number }
  | { type: 'ecomap.partnerMoved'; itemId: string; partnerId: string; toIndex: number }
  /**
   * `fromId` folds into `intoId`: a participant who marked only `fromId` now marks `intoId` so; one who marked both
   * keeps the `intoId` mark. Counts are recomputed; the plan row of `intoId` stays (or `fromId`'s, if `intoId` had none).
   * `counts`: `intoId`'s counts after (the console's always; other screens' only if the results are shown), since a
   * phone or the board, holding no one else's marks, cannot recompute them; `shown`: whether the results were shown.
   */
  | { type: 'ecomap.partnersMerged'; itemId: string; fromId: string; intoId: string; counts?: MarkCounts; shown?: boolean }
  | { type: 'ecomap.proposed'; itemId: string; proposal: PartnerProposal }
  | { type: 'ecomap.proposalAccepted'; itemId: string; proposalId: string; partner: Partner }
  | { type: 'ecomap.proposalMerged'; itemId: string; proposalId: string; intoId: string }
  | { type: 'ecomap.proposalDeclined'; itemId: string; proposalId: string; reason: string }
  | { type: 'ecomap.voteSet'; itemId: string; vote: 'setup' | 'open' | 'closed' }
  /** Results shown (or hidden again), with every partner's counts as they stand, for every screen. */
  | { type: 'ecomap.resultsShown'; itemId: string; shown: boolean; counts: Record<string, MarkCounts> }
  | {
      type: 'ecomap.marked';
      itemId: string;
      partnerId: string;
      /** '' and mark null on every screen but the marker's and the console. */
      participantId: string;
      /** The mark now; null: withdrawn. */
      mark: Mark | null;
      /** The partner's counts after: the console's always; other screens' only if `shown`. */
      counts: MarkCounts;
      /** Participants with at least one mark, after: every screen. */
      markers: number;
      shown: boolean;
    }
  | { type: 'ecomap.scribeSet'; itemId: string; participantId: string | null }
  | { type: 'ecomap.planSet'; itemId: string; row: PlanRow };
