/**
 * The eco-map's results, one set of rules for the board, the console, the phones and the report: counts per mark,
 * the consensus, the split, and the engagement plan grouped by the room's consensus colour. Pure.
 */
import { dictGet, toDict, type Dict } from '../../session/dict.js';
import { emptyCounts, MARK_LABELS, MARKS, type EcoMapState, type Mark, type MarkCounts, type PartnerResult, type PlanRow } from './ecomap.state.js';

/** How many marks a partner has, all marks together. */
export const totalOf = (c: MarkCounts): number => MARKS.reduce((n, k) => n + c[k], 0);

/** One partner's counts from the marks by participant. */
export function countsOf(marks: Dict<Dict<Mark>>, partnerId: string): MarkCounts {
  const c = emptyCounts();
  for (const mine of Object.values(marks)) {
    const m = dictGet(mine, partnerId);
    if (m) c[m]++;
  }
  return c;
}

/** Every marked partner's counts (a partner without a mark has no entry). */
export function tallyMarks(marks: Dict<Dict<Mark>>): Dict<MarkCounts> {
  const out = new Map<string, MarkCounts>();
  for (const mine of Object.values(marks))
    for (const [partnerId, m] of Object.entries(mine)) {
      const c = out.get(partnerId) ?? emptyCounts();
      c[m]++;
      out.set(partnerId, c);
    }
  return toDict(out);
}

/** How many participants marked at least one partner. */
export const markersOf = (marks: Dict<Dict<Mark>>): number => Object.values(marks).filter((mine) => Object.keys(mine).length > 0).length;

/** The mark with the most marks; null on a tie for the most, or with none at all. */
export function consensusOf(c: MarkCounts): Mark | null {
  const most = Math.max(...MARKS.map((k) => c[k]));
  if (most === 0) return null;
  const top = MARKS.filter((k) => c[k] === most);
  return top.length === 1 ? top[0]! : null;
}

/** At least one mark, and no mark has more than half of them (a tie between two halves included). */
export const isSplit = (c: MarkCounts): boolean => {
  const total = totalOf(c);
  return total > 0 && MARKS.every((k) => c[k] * 2 <= total);
};

/** Every partner's result in the map's order, from the counts this screen holds (none before the results, on a phone). */
export function partnerResults(m: EcoMapState): PartnerResult[] {
  return m.order.flatMap((id) => {
    const p = dictGet(m.partners, id);
    if (!p) return [];
    const counts = { ...emptyCounts(), ...dictGet(m.counts, id) };
    return [{ partnerId: id, name: p.name, category: p.category, side: p.side, counts, total: totalOf(counts), consensus: consensusOf(counts), split: isSplit(counts) }];
  });
}

export type PlanGroupKey = Mark | 'split' | 'unmarked';

/** One group of the engagement plan: the partners whose consensus is one colour (or the room split, or none marked). */
export interface PlanGroup {
  key: PlanGroupKey;
  /** "Green: Keeping positive involvement", "Room split", "Not marked". */
  heading: string;
  partners: { result: PartnerResult; row: PlanRow | null }[];
}

const GROUP_KEYS: readonly PlanGroupKey[] = [...MARKS, 'split', 'unmarked'];

export const planHeading = (key: PlanGroupKey): string =>
  key === 'split' ? 'Room split' : key === 'unmarked' ? 'Not marked' : `${MARK_LABELS[key].name}: ${MARK_LABELS[key].meaning}`;

/** Which group of the plan a partner's result falls in. */
export const groupOf = (r: PartnerResult): PlanGroupKey => r.consensus ?? (r.total > 0 ? 'split' : 'unmarked');

/**
 * The engagement plan grouped by consensus colour in the seed's order (green, yellow, red, no dot), then "Room split"
 * (a tie for the most marks), then "Not marked"; only groups with partners, each in the map's order.
 */
export function planGroups(m: EcoMapState): PlanGroup[] {
  const results = partnerResults(m);
  return GROUP_KEYS.map((key) => ({
    key,
    heading: planHeading(key),
    partners: results.filter((r) => groupOf(r) === key).map((result) => ({ result, row: dictGet(m.plan, result.partnerId) ?? null })),
  })).filter((g) => g.partners.length > 0);
}
