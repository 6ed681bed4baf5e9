/**
 * The one report model: a session, an agenda item or a group becomes a document of blocks. Every format (PDF,
 * Markdown) renders these blocks and nothing else, so what a director reads on paper and what a script reads in
 * Markdown say the same thing. Pure data: no rendering, no I/O.
 */

/** A ranked entry: a note or a group with its dots (or any count), and what it holds. */
export interface RankedEntry {
  text: string;
  count: number;
  /** The notes of a group, or a note's details, listed under it. */
  detail?: string[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'normal' | 'muted' }
  /** Label/value pairs, such as "Planned: 30 min". */
  | { kind: 'facts'; pairs: Array<[label: string, value: string]> }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  /** A table whose header row repeats on every page it spans. `widths` are relative (they need not sum to 1). */
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  /** Entries in rank order, with their counts (`unit` names what is counted: "dots", "votes"). */
  | { kind: 'ranked'; unit: string; entries: RankedEntry[] }
  /** A horizontal bar chart drawn as vectors. */
  | { kind: 'bars'; unit: string; bars: Array<{ label: string; value: number }> }
  /** A 2x2 grid, cells in reading order (SWOT: Strengths, Weaknesses, Opportunities, Threats). */
  | { kind: 'grid2x2'; cells: [GridCell, GridCell, GridCell, GridCell] }
  | { kind: 'quote'; text: string; attribution?: string }
  /**
   * Two series on one scale side by side per row, drawn as vectors: the values survey's importance and practice per
   * value, in the order given (ranked by gap). A null value was not answered; `note` is printed after the row ("gap 1.4").
   */
  | { kind: 'pairedBars'; min: number; max: number; series: [string, string]; rows: PairedRow[] }
  /** The stakeholder eco-map drawn as vectors: the agency at the centre, each partner around it with its marks. */
  | { kind: 'ecomap'; centre: string; partners: EcoMapNode[] }
  | { kind: 'pageBreak' };

export interface PairedRow {
  label: string;
  a: number | null;
  b: number | null;
  note?: string;
}

/** The four marks of the eco-map in the seed's order: green, yellow, red, no dot. */
export type MarkName = 'green' | 'yellow' | 'red' | 'none';

export interface EcoMapNode {
  name: string;
  category: string;
  side: 'internal' | 'external';
  counts: Record<MarkName, number>;
  /** The mark with the most marks (null: a tie for the most, or no marks). */
  consensus: MarkName | null;
  /** No mark has more than half of the partner's marks. */
  split: boolean;
}

export interface GridCell {
  title: string;
  entries: RankedEntry[];
  /** What is counted in this cell ("dots"); absent when the entries carry no counts worth printing. */
  unit?: string;
}

/** A titled part of the document; renderers repeat its title (marked "continued") when it runs onto a new page. */
export interface ReportSection {
  title: string;
  blocks: Block[];
}

export interface ReportDoc {
  /** Bumped when the shape changes, so stored or exported documents can be read back. */
  version: 1;
  title: string;
  /** Under the title: "Data retreat · 25 November 2026", or the item's title for one item. */
  subtitle?: string;
  /** The title page's facts: date, facilitator (if given), number of participants... */
  facts: Array<[label: string, value: string]>;
  sections: ReportSection[];
  /** A rehearsal's report (simulated participants): every page's footer says "Rehearsal". Absent for a real session. */
  rehearsal?: true;
}

/** What a report covers. A group is a cluster of a brainstorm item (later: a work group). */
export type ReportScope = { kind: 'session' } | { kind: 'item'; itemId: string } | { kind: 'group'; itemId: string; groupId: string };

export interface ReportOptions {
  scope: ReportScope;
  /** Participant names appear only when the facilitator turns them on for this export. */
  names: boolean;
  /** The facilitator's name for the title page, if given. */
  facilitator?: string;
  /** When the report was made (ms since the epoch, server clock); its date is printed. */
  at: number;
  /** An IANA time zone for printed dates and times (defaults to UTC). */
  timeZone?: string;
}

export type PaperSize = 'letter' | 'a4';
