import { dictGet, emptyDict, type Dict } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';

/**
 * The stakeholder eco-map (seed 001, "Agency Partners Eco-map" and "Stakeholder Engagement Plan: How, Who, When"):
 * the agency at the centre, its partners around it (internal and external, in categories), each participant's one mark
 * per partner (green, yellow, red or no dot), secret until the facilitator shows the results, and the engagement plan:
 * for each partner how, who and when, grouped by the room's consensus colour.
 */
export const ECOMAP = 'ecomap';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** One eco-map per eco-map item. */
    ecomaps: Dict<EcoMapState>;
  }
  interface ItemKinds {
    ecomap: true;
  }
}

/** The four marks, in the seed's order. 'none' is a mark ("no dot"), not the absence of one. */
export const MARKS = ['green', 'yellow', 'red', 'none'] as const;
export type Mark = (typeof MARKS)[number];

/** The seed's words for each mark (seed 001, slide 31), what the phone's buttons and every legend say. */
export const MARK_LABELS: Record<Mark, { name: string; meaning: string }> = {
  green: { name: 'Green', meaning: 'Keeping positive involvement' },
  yellow: { name: 'Yellow', meaning: 'Improving relationships and enhancing involvement' },
  red: { name: 'Red', meaning: 'Healing and re-involving' },
  none: { name: 'No dot', meaning: 'Developing relationship and beginning involvement' },
};

/** Told apart by shape as well as colour (and always by label): a circle, a triangle, a square, an open ring. */
export const MARK_SHAPES: Record<Mark, 'circle' | 'triangle' | 'square' | 'ring'> = {
  green: 'circle',
  yellow: 'triangle',
  red: 'square',
  none: 'ring',
};

export type Side = 'internal' | 'external';

/** Categories of partner from seed 001 (CFSR partners, "who are potential stakeholders"); the facilitator may type others. */
export const PARTNER_CATEGORIES = [
  'Agency staff',
  'Courts',
  'Tribes',
  'Youth',
  'Birth parents',
  'Caregivers',
  'Community organisations',
  'Schools',
  'Health and mental health',
  'Legislators',
  'Other',
] as const;

/**
 * The starter set a template offers (seed 001's CFSR partners: court, tribal, youth, agency staff, external partners,
 * diversity-of-state representatives; with the categories the issue names). `addPartners` takes category and side
 * from here for a known name, and 'Other' / 'external' for any other.
 */
export const STARTER_PARTNERS: readonly { name: string; category: string; side: Side }[] = [
  { name: 'Caseworkers and supervisors', category: 'Agency staff', side: 'internal' },
  { name: 'Agency leadership', category: 'Agency staff', side: 'internal' },
  { name: 'Courts and judges', category: 'Courts', side: 'external' },
  { name: 'Tribes', category: 'Tribes', side: 'external' },
  { name: 'Youth', category: 'Youth', side: 'external' },
  { name: 'Birth parents', category: 'Birth parents', side: 'external' },
  { name: 'Foster, adoptive and kin caregivers', category: 'Caregivers', side: 'external' },
  { name: 'Community organisations', category: 'Community organisations', side: 'external' },
  { name: 'Schools', category: 'Schools', side: 'external' },
  { name: 'Health and mental health providers', category: 'Health and mental health', side: 'external' },
  { name: 'Legislators', category: 'Legislators', side: 'external' },
  { name: 'Diversity-of-state representatives', category: 'Other', side: 'external' },
];

export const MAX_PARTNERS = 40;
export const MAX_PARTNER_NAME = 80;
export const MAX_PROPOSALS_PER_PERSON = 5;
export const MAX_PROPOSALS = 200;
export const MAX_PLAN_TEXT = 500;

export interface Partner {
  id: string;
  name: string;
  category: string;
  side: Side;
  /** The proposal it came from, or null when the facilitator typed it (or the template gave it). */
  proposalId: string | null;
}

/** A partner a participant proposed (seed 001: "What additional partners should be added?"). */
export interface PartnerProposal {
  id: string;
  name: string;
  category: string;
  side: Side;
  /** The proposer: the facilitator and the proposer see it; every other screen gets null. */
  authorId: string | null;
  status: 'waiting' | 'accepted' | 'merged' | 'declined';
  partnerId: string | null;
  reason: string;
  at: number;
}

export type MarkCounts = Record<Mark, number>;

/** One row of the engagement plan: how the agency will engage the partner, who will, and when. */
export interface PlanRow {
  partnerId: string;
  how: string;
  who: string;
  when: string;
}

export interface EcoMapState {
  /** The agency at the centre of the map. */
  centre: string;
  partners: Dict<Partner>;
  /** Partner ids in the order the map places them (clockwise from the top) and every list shows them. */
  order: string[];
  proposals: Dict<PartnerProposal>;
  /** setup: partners being set; open: phones mark; closed: no more marks (reopening is allowed). */
  vote: 'setup' | 'open' | 'closed';
  resultsShown: boolean;
  /** Marks by participant, then partner id: the console's copy holds all; a phone's only its own; the board's none. */
  marks: Dict<Dict<Mark>>;
  /** Counts per partner: the console's always; the board's and phones' once the results are shown (empty before). */
  counts: Dict<MarkCounts>;
  /** How many participants have marked at least one partner: every screen, live. */
  markers: number;
  /** The participant who may fill the engagement plan from their phone (null: the console only). */
  scribeId: string | null;
  plan: Dict<PlanRow>;
}

export const emptyCounts = (): MarkCounts => ({ green: 0, yellow: 0, red: 0, none: 0 });

export const initialEcoMap = (): EcoMapState => ({
  centre: 'Our agency',
  partners: emptyDict(),
  order: [],
  proposals: emptyDict(),
  vote: 'setup',
  resultsShown: false,
  marks: emptyDict(),
  counts: emptyDict(),
  markers: 0,
  scribeId: null,
  plan: emptyDict(),
});

export const ecoMapOf = (s: SessionState, itemId: string): EcoMapState => dictGet(s.ecomaps, itemId) ?? initialEcoMap();

/**
 * A partner's result. `consensus`: the mark with the most marks (null on a tie for the most, or with no marks);
 * `split`: no mark has more than half of the partner's marks (a tie included), with at least one mark.
 */
export interface PartnerResult {
  partnerId: string;
  name: string;
  category: string;
  side: Side;
  counts: MarkCounts;
  total: number;
  consensus: Mark | null;
  split: boolean;
}
