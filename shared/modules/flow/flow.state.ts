import { dictGet, emptyDict, type Dict } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';

/** The module's name: the prefix of its command and event types. */
export const FLOW = 'flow';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** Brainstorm-flow state per agenda item (the items whose kind runs the flow: SWOT and vision). */
    flows: Dict<FlowState>;
  }
}

/** The steps of the brainstorm flow, in order. The facilitator moves it forward one step at a time. */
export const PHASES = ['brainstorm', 'reveal', 'cluster', 'vote', 'results'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  brainstorm: 'Silent brainstorm',
  reveal: 'Reveal',
  cluster: 'Cluster',
  vote: 'Dot vote',
  results: 'Results',
};

export interface NoteGroup {
  id: string;
  itemId: string;
  name: string;
  column: string;
}

/** What a dot can be placed on: a note that is in no group, or a group. */
export type VoteTarget = { kind: 'note' | 'group'; id: string };

export interface FlowState {
  phase: Phase;
  groups: Dict<NoteGroup>;
  dotsPerPerson: number;
  maxPerItem: number;
  /**
   * Dots by voter, then by target id. Voters are participant ids, or "proxy:<name>" for dots the facilitator
   * placed for someone in the room without a phone. A participant's copy holds only their own until results.
   */
  dots: Dict<Dict<number>>;
  /** Dots per target, made public when the flow reaches results. */
  totals: Dict<number> | null;
  /** Targets the facilitator marked to carry forward, in the order marked. */
  carried: string[];
  /** Each voter's dots one per entry, oldest first, for taking back the latest (absent in older snapshots). */
  order?: Dict<string[]>;
  /** Per voter, the sentence about dots the facilitator's lower limits took back (until their next dot). */
  trimNotices?: Dict<string>;
}

export const DEFAULT_DOTS = 5;
export const DEFAULT_MAX_PER_ITEM = 3;

export const initialFlow = (): FlowState => ({
  phase: 'brainstorm',
  groups: emptyDict(),
  dotsPerPerson: DEFAULT_DOTS,
  maxPerItem: DEFAULT_MAX_PER_ITEM,
  dots: emptyDict(),
  totals: null,
  carried: [],
});

export const phaseIndex = (p: Phase): number => PHASES.indexOf(p);
export const atLeast = (flow: FlowState, p: Phase): boolean => phaseIndex(flow.phase) >= phaseIndex(p);
export const dotsUsed = (flow: FlowState, voter: string): number =>
  Object.values(dictGet(flow.dots, voter) ?? {}).reduce((a, b) => a + b, 0);

export const flowOf = (s: SessionState, itemId: string): FlowState => dictGet(s.flows, itemId) ?? initialFlow();
