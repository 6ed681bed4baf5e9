/**
 * The report section of a stakeholder eco-map: the prompt, the map (the agency at the centre, its partners around it
 * with the room's marks), the results table (counts, consensus, split) and the engagement plan grouped by the
 * consensus colour (how, who, when). The counts appear only once the facilitator showed them to the room.
 */
import { promptBlocks } from '../../report/blocks.js';
import type { Block } from '../../report/model.js';
import type { AgendaItem, SessionState } from '../../session/state.js';
import { partnerResults, planGroups } from './ecomap.results.js';
import { ecoMapOf, MARK_LABELS, MARKS, type EcoMapState, type PartnerResult } from './ecomap.state.js';

const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });
const sideWord = (r: PartnerResult): string => (r.side === 'internal' ? 'Internal' : 'External');
export const consensusWord = (r: PartnerResult): string =>
  r.consensus ? MARK_LABELS[r.consensus].name : r.total ? 'None (a tie)' : 'Not marked';

/** The results as the report may print them: the counts once shown, none before. */
export const reported = (m: EcoMapState): EcoMapState => (m.resultsShown ? m : { ...m, counts: {} });

function mapBlock(m: EcoMapState, results: PartnerResult[]): Block {
  return {
    kind: 'ecomap',
    centre: m.centre,
    partners: results.map((r) => ({ name: r.name, category: r.category, side: r.side, counts: r.counts, consensus: r.consensus, split: r.split })),
  };
}

function resultBlocks(m: EcoMapState, results: PartnerResult[]): Block[] {
  if (!m.resultsShown) return [h2('Results'), { kind: 'paragraph', text: 'The results were not shown to the room, so the report leaves them out.', tone: 'muted' }];
  if (!results.some((r) => r.total > 0)) return [h2('Results'), { kind: 'paragraph', text: 'Nobody marked the partners.' }];
  return [
    h2('Results'),
    {
      kind: 'table',
      columns: ['Partner', 'Category', 'Side', ...MARKS.map((k) => MARK_LABELS[k].name), 'Marks', 'Consensus', 'Split'],
      rows: results.map((r) => [
        r.name,
        r.category,
        sideWord(r),
        ...MARKS.map((k) => String(r.counts[k])),
        String(r.total),
        consensusWord(r),
        r.split ? 'Split' : '',
      ]),
      widths: [2.8, 1.9, 1.5, 1, 1, 0.9, 0.9, 1, 1.9, 0.9],
    },
    { kind: 'paragraph', text: 'Split: no mark has more than half of the partner’s marks.', tone: 'muted' },
  ];
}

function planBlocks(m: EcoMapState): Block[] {
  const blocks: Block[] = [h2('Stakeholder engagement plan')];
  for (const group of planGroups(m)) {
    blocks.push({ kind: 'heading', level: 3, text: group.heading });
    blocks.push({
      kind: 'table',
      columns: ['Partner', 'How', 'Who', 'When'],
      rows: group.partners.map(({ result, row }) => [result.name, row?.how ?? '', row?.who ?? '', row?.when ?? '']),
      widths: [2, 3, 1.5, 1.2],
    });
  }
  return blocks;
}

export function ecoMapReport(state: SessionState, item: AgendaItem): Block[] {
  const m = reported(ecoMapOf(state, item.id));
  const results = partnerResults(m);
  if (!results.length) return [...promptBlocks(item), { kind: 'paragraph', text: 'No partners were added to the map.' }];
  return [...promptBlocks(item), h2('Agency partners eco-map'), mapBlock(m, results), ...resultBlocks(m, results), ...planBlocks(m)];
}

