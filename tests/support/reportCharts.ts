import { STARTER_PARTNERS } from '../../shared/modules/ecomap/ecomap.state.js';
import type { Block, EcoMapNode, MarkName, PairedRow, ReportDoc } from '../../shared/report/model.js';

/** Seed 000's example values (Alaska, Utah, El Paso County), with long and unanswered ones. */
export const VALUE_ROWS: PairedRow[] = [
  { label: 'Respect', a: 4.8, b: 3.1, note: 'gap 1.7' },
  { label: 'Safety first: every child safe, every family supported to stay together whenever it can be done safely', a: 4.6, b: 3.2, note: 'gap 1.4' },
  { label: 'Accountability', a: 4.1, b: 3.0, note: 'gap 1.1' },
  { label: 'Integrity', a: 4.4, b: 3.9, note: 'gap 0.5' },
  { label: 'Teamwork', a: 3.5, b: 3.5, note: 'gap 0.0' },
  { label: 'Innovation', a: 1, b: null },
  { label: 'Compassion', a: null, b: null },
];

/** A partner with its marks; consensus and split as the results rule them (most marks; none over half). */
export function node(name: string, side: 'internal' | 'external', counts: Record<MarkName, number>): EcoMapNode {
  const total = counts.green + counts.yellow + counts.red + counts.none;
  const most = Math.max(counts.green, counts.yellow, counts.red, counts.none);
  const top = (['green', 'yellow', 'red', 'none'] as const).filter((m) => counts[m] === most);
  return { name, category: 'Other', side, counts, consensus: total > 0 && top.length === 1 ? (top[0] ?? null) : null, split: total > 0 && most * 2 <= total };
}

/** n partners from the starter set (numbered past it), marks varied so every consensus, split and zero shows. */
export function partners(n: number): EcoMapNode[] {
  return Array.from({ length: n }, (_, i) => {
    const s = STARTER_PARTNERS[i % STARTER_PARTNERS.length];
    const name = i < STARTER_PARTNERS.length ? (s?.name ?? '') : `${s?.name ?? ''} ${i + 1}`;
    const k = i % 5;
    const counts = [
      { green: 9, yellow: 2, red: 0, none: 1 },
      { green: 1, yellow: 8, red: 2, none: 0 },
      { green: 0, yellow: 3, red: 7, none: 2 },
      { green: 4, yellow: 4, red: 3, none: 1 },
      { green: 0, yellow: 0, red: 1, none: 11 },
    ][k] ?? { green: 0, yellow: 0, red: 0, none: 0 };
    return node(name, s?.side ?? 'external', counts);
  });
}

export const pairedBlock = (rows = VALUE_ROWS): Block => ({ kind: 'pairedBars', min: 1, max: 5, series: ['Importance', 'Practice'], rows });
export const ecomapBlock = (n: number): Block => ({ kind: 'ecomap', centre: 'Department of Children and Family Services', partners: partners(n) });

/** A report with both charts: the values survey, eco-maps of 5, 12 and 40 partners, and a long survey. */
export function chartsDoc(): ReportDoc {
  const many = Array.from({ length: 30 }, (_, i) => ({ label: `Value ${i + 1}: ${'working together with families '.repeat(1 + (i % 3)).trim()}`, a: 1 + ((i * 7) % 40) / 10, b: 1 + ((i * 3) % 40) / 10, note: `gap ${(((i * 4) % 40) / 10).toFixed(1)}` }));
  return {
    version: 1,
    title: 'Charts',
    facts: [],
    sections: [
      { title: 'Core values survey', blocks: [pairedBlock()] },
      { title: 'Eco-map of five', blocks: [ecomapBlock(5)] },
      { title: 'Eco-map of twelve', blocks: [ecomapBlock(12)] },
      { title: 'Eco-map of forty', blocks: [ecomapBlock(40)] },
      { title: 'A long survey', blocks: [pairedBlock(many)] },
    ],
  };
}
