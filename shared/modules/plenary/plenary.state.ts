import type { Dict } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';
import type { GroupTimer, ReportField } from '../workgroup/workgroup.state.js';

/**
 * The large group after the work groups (seed 003): report-out mode (the board walks through each group's report-out
 * with a per-group timer, phones send questions and reactions to the group presenting), the large-group synthesis
 * (notes on a synthesis item, some pulled from the groups' report-outs, each keeping a link to its group; the room
 * dot-votes the recommendations with the brainstorm flow's dot vote), and next steps.
 */
export const PLENARY = 'plenary';

declare module '../../session/state.js' {
  interface ModuleSlices {
    /** Report-out mode, reactions, synthesis links and next steps: one for the whole session. */
    plenary: PlenaryState;
  }
  interface ItemKinds {
    /** Report-out mode. */
    reportout: true;
    /** Large-group synthesis: a board with the seed's four headings, run by the flow (reveal, cluster, vote). */
    synthesis: true;
    /** Next steps: who does what with which partner, short or long term, by when. */
    nextsteps: true;
  }
}

/** The synthesis item's columns (seed 003, "Discussion (large group)"). */
export const SYNTHESIS_COLUMNS = [
  'Common trends, patterns and themes',
  'Most effective strategies and approaches',
  'Technical-assistance needs',
  'Recommendations for the PIP',
] as const;

/** The partners of a next step (seed 003: "Children's Bureau Regional Office, State, Stakeholders, National Resource Centers"). */
export const PARTNERS = ['regional-office', 'state', 'stakeholders', 'resource-centers'] as const;
export type Partner = (typeof PARTNERS)[number];
export const PARTNER_LABELS: Record<Partner, string> = {
  'regional-office': "Children's Bureau Regional Office",
  state: 'State',
  stakeholders: 'Stakeholders',
  'resource-centers': 'National Resource Centers',
};

export type Term = 'short' | 'long';

/** The group presenting its report-out now, with its own countdown. */
export interface Presenting {
  itemId: string;
  workGroupId: string;
  timer: GroupTimer;
}

/** A question or reaction a phone sent to the group presenting; its group and the facilitator see it. */
export interface Reaction {
  id: string;
  workGroupId: string;
  kind: 'question' | 'reaction';
  text: string;
  authorId: string | null;
  authorName: string;
  at: number;
  /**
   * Who receives it: the group's members when it was sent, and its author (see plenaryEventFor). Kept on the
   * console's copy only, so that a phone that joins the group later reads what it was sent live, no more.
   */
  to?: string[];
}

/** Where a synthesis note came from: a report-out answer or a strategy of a group. */
export interface SynthesisLink {
  workGroupId: string;
  /** The report-out field, or "strategy". */
  field: ReportField | 'strategy';
  /** The answer's or strategy's id (it may since have been deleted: the link keeps the group and the text). */
  sourceId: string;
  /** The group's name when pulled (the report names the group even if it was renamed or merged since). */
  groupName: string;
}

export interface NextStep {
  id: string;
  itemId: string;
  what: string;
  owner: string;
  partner: Partner | null;
  term: Term;
  /** A date as YYYY-MM-DD, or empty. */
  date: string;
  createdAt: number;
}

export interface PlenaryState {
  presenting: Presenting | null;
  /** Groups whose report-out was presented, in order. */
  presented: string[];
  /** Oldest first, capped (MAX_REACTIONS). */
  reactions: Reaction[];
  /** Synthesis note id -> its link. */
  links: Dict<SynthesisLink>;
  nextSteps: NextStep[];
  /** The kick-off session this one started from (debrief, follow-up call): its title, when imported. */
  importedFrom: { title: string; createdAt: number; at: number } | null;
  /**
   * The kick-off session's synthesis as it stood when imported (added for the import: a debrief or follow-up call has
   * no synthesis board of its own to hold it): each entry with its column, its dots and the link to its group.
   */
  importedSynthesis: ImportedSynthesisEntry[];
}

/** One entry of an imported synthesis: a note or a cluster of the kick-off's synthesis, with its dots. */
export interface ImportedSynthesisEntry {
  id: string;
  column: string;
  text: string;
  dots: number;
  /** The group it was pulled from, if it was (a cluster: the link of its first pulled note). */
  link: SynthesisLink | null;
}

/** Most entries an imported synthesis keeps. */
export const MAX_IMPORTED_SYNTHESIS = 120;

export const MAX_REACTIONS = 300;
/** Most questions and reactions one person sends (one phone does not use up the room's). */
export const MAX_REACTIONS_PER_PERSON = 20;
export const MAX_NEXT_STEPS = 80;

export const initialPlenary = (): PlenaryState => ({
  presenting: null,
  presented: [],
  reactions: [],
  links: Object.create(null) as Dict<SynthesisLink>,
  nextSteps: [],
  importedFrom: null,
  importedSynthesis: [],
});

export const plenaryOf = (s: SessionState): PlenaryState => s.plenary ?? initialPlenary();

/**
 * The group presenting now: none when its report-out item was taken off the agenda or its group is gone (a merge moves
 * the presenting group along, see plenary.follow.ts), so nothing is sent to a presentation that no longer exists.
 */
export function presentingNow(s: SessionState): Presenting | null {
  const p = plenaryOf(s).presenting;
  if (!p || !s.agenda.some((i) => i.id === p.itemId)) return null;
  return s.workgroups?.groups.some((g) => g.id === p.workGroupId) ? p : null;
}
