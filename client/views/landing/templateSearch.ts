import type { TemplateSummary } from './api.js';

/** Lower case, accents off: "Équipe" finds "equipe". */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The templates whose title, description, source or item titles hold every word of the query, in their order. */
export function searchTemplates(templates: readonly TemplateSummary[], query: string): TemplateSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...templates];
  return templates.filter((t) => {
    const hay = fold([t.title, t.description, t.source ?? '', ...t.items.map((i) => i.title)].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

export const totalMinutes = (t: TemplateSummary): number => t.items.reduce((sum, i) => sum + i.plannedMinutes, 0);

/** "2 h 35 min", "45 min". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
