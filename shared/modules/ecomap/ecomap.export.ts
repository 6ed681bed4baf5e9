/**
 * The eco-map in the CSV and JSON exports: each partner with its category and side, the room's counts, consensus and
 * split (once the results were shown to the room, as in the report), and the engagement plan. Never who marked what.
 */
import { dictGet } from '../../session/dict.js';
import type { SessionState } from '../../session/state.js';
import { partnerResults } from './ecomap.results.js';
import { consensusWord, reported } from './ecomap.report.js';
import { ecoMapOf, MARK_LABELS, MARKS, type EcoMapState, type Mark, type MarkCounts, type Side } from './ecomap.state.js';

/** One CSV row's own fields (the export adds the item's). */
export interface EcoMapCsvRow {
  kind: string;
  column: string;
  text: string;
  value: string;
}

export function ecoMapCsvRows(map: EcoMapState): EcoMapCsvRow[] {
  const m = reported(map);
  const rows: EcoMapCsvRow[] = [];
  for (const r of partnerResults(m)) {
    rows.push({ kind: 'partner', column: r.side === 'internal' ? 'Internal' : 'External', text: r.name, value: r.category });
    if (m.resultsShown) {
      for (const k of MARKS) rows.push({ kind: 'marks', column: MARK_LABELS[k].name, text: r.name, value: String(r.counts[k]) });
      rows.push({ kind: 'consensus', column: r.split ? 'Split' : '', text: r.name, value: consensusWord(r) });
    }
    const plan = dictGet(m.plan, r.partnerId);
    for (const [column, value] of [['How', plan?.how], ['Who', plan?.who], ['When', plan?.when]] as const)
      if (value) rows.push({ kind: 'plan', column, text: r.name, value });
  }
  return rows;
}

export interface EcoMapExport {
  centre: string;
  vote: EcoMapState['vote'];
  resultsShown: boolean;
  markers: number;
  partners: {
    name: string;
    category: string;
    side: Side;
    /** Null while the results were not shown to the room. */
    counts: MarkCounts | null;
    consensus: Mark | null;
    split: boolean;
    plan: { how: string; who: string; when: string } | null;
  }[];
}

/** An eco-map item's part of the JSON export (an item whose map has not started yet: the initial map). */
export function ecoMapExport(s: SessionState, itemId: string): EcoMapExport {
  const m = reported(ecoMapOf(s, itemId));
  return {
    centre: m.centre,
    vote: m.vote,
    resultsShown: m.resultsShown,
    markers: m.markers,
    partners: partnerResults(m).map((r) => {
      const plan = dictGet(m.plan, r.partnerId);
      return {
        name: r.name,
        category: r.category,
        side: r.side,
        counts: m.resultsShown ? r.counts : null,
        consensus: m.resultsShown ? r.consensus : null,
        split: m.resultsShown && r.split,
        plan: plan ? { how: plan.how, who: plan.who, when: plan.when } : null,
      };
    }),
  };
}
