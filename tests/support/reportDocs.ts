import type { Block, RankedEntry, ReportDoc, ReportSection } from '../../shared/report/model.js';

/** Exactly as typed: accents, ñ and Spanish punctuation (the readback tests look for this string). */
export const ACCENTED = 'José Núñez ¿Qué? año';

const agendaRows = [
  ['Welcome and purpose of the day', 'Presentation', '20 min', '24 min'],
  ['Environmental scan: the data picture', 'Discussion', '90 min', '85 min'],
  ['Lunch', 'Presentation', '45 min', '45 min'],
  ['SWOT analysis', 'SWOT', '120 min', '131 min'],
  ['Priorities to carry forward', 'Discussion', '60 min', '52 min'],
  ['Wrap-up and next steps', 'Presentation', '25 min', '20 min'],
];

const words = ('caseworker turnover court hearings timely permanency family engagement kinship placements data quality ' +
  'supervisor caseloads training budget community partners school stability youth voice tribal consultation foster ' +
  'care licensing reunification visits mental health services waitlist transportation funding legislature reporting')
  .split(' ');

/** A deterministic sentence of `n` words (seeded), so the big document is the same on every run. */
function sentence(seed: number, n: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(words[x % words.length] ?? 'data');
  }
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function entries(count: number, from: number, perGroup: number): RankedEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    text: sentence(from + i, 6 + (i % 7)),
    count: Math.max(0, count - i * 2),
    detail: Array.from({ length: perGroup }, (_, j) => sentence(from * 31 + i * 7 + j, 5 + (j % 9))),
  }));
}

/** A whole data-retreat day as a report document: every block kind, a long table, a crowded SWOT cell, accents. */
export function sampleDoc(): ReportDoc {
  const swot: Block = {
    kind: 'grid2x2',
    cells: [
      { title: 'Strengths', unit: 'dots', entries: [{ text: 'Strong kinship placement network', count: 14, detail: ['Kin caregivers are found within 30 days', 'Relatives trust the agency'] }, ...entries(4, 10, 1)] },
      { title: 'Weaknesses', unit: 'dots', entries: [{ text: 'Caseworker turnover above 30%', count: 11 }, ...entries(3, 20, 0)] },
      { title: 'Opportunities', unit: 'dots', entries: [{ text: 'New state funding for prevention services', count: 9 }] },
      { title: 'Threats', unit: 'dots', entries: [] },
    ],
  };
  const crowded: Block = {
    kind: 'grid2x2',
    cells: [
      { title: 'Strengths', unit: 'dots', entries: entries(70, 100, 1) },
      { title: 'Weaknesses', unit: 'dots', entries: entries(12, 200, 0) },
      { title: 'Opportunities', unit: 'dots', entries: entries(5, 300, 2) },
      { title: 'Threats', unit: 'dots', entries: entries(40, 400, 0) },
    ],
  };
  const longWord = 'Interdepartmentalcoordinationagreementbetweenthecourtandtheagency'.repeat(3);
  const sections: ReportSection[] = [
    { title: 'Agenda', blocks: [{ kind: 'table', columns: ['Item', 'Module', 'Planned', 'Actual'], rows: agendaRows, widths: [3, 1.3, 1, 1] }] },
    {
      title: 'Environmental scan: the data picture',
      blocks: [
        { kind: 'facts', pairs: [['Planned', '90 min'], ['Actual', '85 min']] },
        { kind: 'paragraph', text: 'What do these figures tell you about where we are now?' },
        { kind: 'heading', level: 2, text: 'What the data shows' },
        { kind: 'list', items: ['Median time to permanency rose from 19 to 23 months', `Notes typed by ${ACCENTED}`, 'A pipe | in a note and *stars*'] },
        { kind: 'heading', level: 2, text: 'Questions about the data' },
        { kind: 'list', ordered: true, items: ['Which counties drive the increase?', `A long word: ${longWord}`] },
        { kind: 'quote', text: 'The outcome of the day is a clear data picture of the agency.', attribution: 'Facilitator' },
        { kind: 'paragraph', text: ACCENTED },
      ],
    },
    {
      title: 'SWOT analysis',
      blocks: [
        { kind: 'paragraph', text: 'What is working well (STRENGTHS)? What is not working well (WEAKNESSES)?', tone: 'muted' },
        swot,
        { kind: 'heading', level: 1, text: 'Dots per quadrant' },
        { kind: 'bars', unit: 'dots', bars: [{ label: 'Strengths', value: 40 }, { label: 'Weaknesses', value: 31 }, { label: 'Opportunities', value: 9 }, { label: 'Threats', value: 0 }] },
        { kind: 'heading', level: 1, text: 'Carried forward' },
        { kind: 'ranked', unit: 'dots', entries: [{ text: 'Strong kinship placement network', count: 14, detail: ['Strengths'] }, { text: 'Caseworker turnover above 30%', count: 1 }] },
      ],
    },
    { title: 'Crowded SWOT', blocks: [crowded] },
    {
      title: 'All notes',
      blocks: [{ kind: 'table', columns: ['#', 'Column', 'Note', 'Dots'], widths: [0.5, 2, 6, 0.8], rows: Array.from({ length: 140 }, (_, i) => [String(i + 1), i % 2 ? 'Questions about the data' : 'What the data shows', sentence(i, 4 + (i % 20)), String(i % 6)]) }],
    },
    { title: 'After a page break', blocks: [{ kind: 'pageBreak' }, { kind: 'paragraph', text: 'Next: the vision retreat answers WHERE DO WE WANT TO BE?' }] },
  ];
  return { version: 1, title: 'Data retreat: Where are we now?', subtitle: 'Data retreat · 25 November 2026', facts: [['Date', '25 November 2026'], ['Facilitator', 'José Núñez'], ['Participants', '18']], sections };
}

/**
 * A whole day with `notes` notes (1,000 for the benchmark): a SWOT grid of groups (two fifths of the notes), two
 * note boards by column, ranked vision phrases, a table of the carried-forward notes, bars and the agenda.
 */
export function bigDoc(notes = 1000): ReportDoc {
  const swot = Math.round(notes * 0.4);
  const board = Math.round(notes * 0.1);
  const ranked = Math.round(notes * 0.2);
  const table = notes - swot - 2 * board - ranked;
  const groups = (n: number, seed: number): RankedEntry[] =>
    Array.from({ length: Math.ceil(n / 5) }, (_, i) => ({ text: sentence(seed + i, 4), count: 40 - i, detail: Array.from({ length: Math.min(5, n - i * 5) }, (_, j) => sentence(seed * 7 + i * 5 + j, 8 + (j % 6))) }));
  const quarter = swot / 4;
  const boardSection = (title: string, seed: number): ReportSection => ({
    title,
    blocks: ['What the data shows', 'Questions about the data'].flatMap((column, c): Block[] => [
      { kind: 'heading', level: 2, text: column },
      { kind: 'list', items: Array.from({ length: board / 2 }, (_, i) => sentence(seed + c * 1000 + i, 10 + (i % 12))) },
    ]),
  });
  return {
    version: 1,
    title: 'Data retreat: Where are we now?',
    subtitle: 'Data retreat · 25 November 2026',
    facts: [['Date', '25 November 2026'], ['Participants', '120'], ['Notes', String(notes)]],
    sections: [
      { title: 'Agenda', blocks: [{ kind: 'table', columns: ['Item', 'Module', 'Planned', 'Actual'], rows: agendaRows, widths: [3, 1.3, 1, 1] }] },
      boardSection('Environmental scan: the data picture', 1),
      boardSection('Priorities to carry forward', 2),
      {
        title: 'SWOT analysis',
        blocks: [
          { kind: 'grid2x2', cells: [{ title: 'Strengths', unit: 'dots', entries: groups(quarter, 10) }, { title: 'Weaknesses', unit: 'dots', entries: groups(quarter, 20) }, { title: 'Opportunities', unit: 'dots', entries: groups(quarter, 30) }, { title: 'Threats', unit: 'dots', entries: groups(quarter, 40) }] },
          { kind: 'bars', unit: 'dots', bars: ['Strengths', 'Weaknesses', 'Opportunities', 'Threats'].map((label, i) => ({ label, value: 120 - i * 25 })) },
        ],
      },
      { title: 'Vision retreat: preferred future', blocks: [{ kind: 'ranked', unit: 'dots', entries: Array.from({ length: ranked }, (_, i) => ({ text: sentence(5000 + i, 7 + (i % 9)), count: Math.max(0, 30 - (i >> 3)) })) }] },
      { title: 'Carried-forward notes', blocks: [{ kind: 'table', columns: ['Quadrant', 'Note', 'Dots'], widths: [1.2, 6, 0.8], rows: Array.from({ length: table }, (_, i) => [['Strengths', 'Weaknesses', 'Opportunities', 'Threats'][i % 4] ?? '', sentence(9000 + i, 6 + (i % 14)), String(i % 9)]) }] },
    ],
  };
}
