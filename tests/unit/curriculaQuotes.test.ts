import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../server/templates.js';
import { loadProtocol } from '../../shared/modules/registry.js';
import { seedCurriculum } from '../support/curricula.js';
import { SHIPPED_TEMPLATES } from '../support/harness.js';

/**
 * Issue 11 item 1: every item's facilitator notes quote the template's source document word for word (the purpose
 * and expected outcomes of its part, then the practical guidance). The documents are copied into
 * tests/fixtures/seeds/ so the check runs on a clean clone.
 */
await loadProtocol();
const templates = loadTemplates(SHIPPED_TEMPLATES).templates.filter(seedCurriculum);
const SEEDS_DIR = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const MIN_QUOTE = 40;
/** A curly-quoted phrase this long is a quotation of the document, not a word in inverted commas. */
const MIN_CURLY = 20;

/** Compare text, not typography: tags, curly quotes, apostrophes, dashes and whitespace are made plain. */
const normalize = (s: string): string =>
  s
    .replace(/<[^>]*>/g, ' ')
    .replace(/[“”„″]/g, '"')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

const seedText = new Map<string, string>();
for (const file of readdirSync(SEEDS_DIR).filter((f) => /^00\d_.*\.txt$/.test(f)))
  seedText.set(`seed ${file.slice(0, 3)}`, normalize(readFileSync(SEEDS_DIR + file, 'utf8')));
const seed = (name: string): string => {
  const text = seedText.get(name);
  if (text === undefined) throw new Error(`no fixture for ${name}`);
  return text;
};

/** The text from `from` up to (not including) `to`, in a normalized seed. */
const between = (text: string, from: string, to: string): string => {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  if (start < 0 || end < 0) throw new Error(`no passage from "${from}" to "${to}"`);
  return text.slice(start, end);
};
/** Each sentence of a normalized seed that opens with one of `openings`, to its full stop. */
const sentences = (text: string, openings: string[]): string[] =>
  openings.map((o) => {
    const start = text.indexOf(o);
    if (start < 0) throw new Error(`no sentence "${o}"`);
    const end = text.indexOf('. ', start);
    return text.slice(start, end < 0 ? undefined : end + 1);
  });

/** Where each document says what a session is for and what comes out of it. */
const PURPOSE: Record<string, string[]> = {
  'seed 000': [between(seed('seed 000'), 'Rationale', 'Audience'), between(seed('seed 000'), 'Expected Outcomes', 'Synopsis')],
  'seed 001': [
    between(seed('seed 001'), '2Why Stakeholder Involvement is Critical', '5Stakeholder Involvement in'),
    between(seed('seed 001'), '6Successful Stakeholder Involvement is Achieved by', '7Who are Potential'),
    between(seed('seed 001'), '36Wrap Up', 'this.'),
  ],
  'seed 002': sentences(seed('seed 002'), [
    'The purpose of the Readiness',
    'The purpose of the Orientation',
    'The Orientation session paints',
    'The purpose of the Data Retreat',
    'The outcome of the day is to paint a clear data',
    'The purpose of the Visioning Retreat',
    'The outcome of the day is to paint a clear vision',
    'The purpose of the Setting Direction Retreat',
    'The strategic planning team works to provide',
    'The purpose of the Final Meeting',
    'It is recommended that the district use',
    'There are several critical strategies',
  ]),
  'seed 003': [
    between(seed('seed 003'), 'Purpose', 'Planning Process'),
    between(seed('seed 003'), 'Expected Outcomes', 'Synopsis'),
    between(seed('seed 003'), 'The de-briefing the following morning', 'The following topics'),
    between(seed('seed 003'), 'After the PIP Kick-Off, we hold', 'Among the issues'),
  ],
  'seed 004': [between(seed('seed 004'), 'INTRODUCTION', '#### Interventions')],
};

/** The quotations in a text: between “ and ”, or between straight double quotes; normalized. */
const quotations = (notes: string): string[] =>
  [...notes.matchAll(/“([^”]*)”/g), ...notes.matchAll(/"([^"]*)"/g)].map((m) => normalize(m[1] ?? ''));
const seedsOf = (source: string | undefined): string[] => [...(source ?? '').matchAll(/seed 00\d/g)].map((m) => m[0]);

describe('the curricula quote their source documents', () => {
  it('has a copy of every seed document and a purpose passage for each', () => {
    expect([...seedText.keys()].sort()).toEqual(['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004']);
    for (const passages of Object.values(PURPOSE)) for (const p of passages) expect(p.length).toBeGreaterThan(MIN_QUOTE);
    expect(templates.length).toBeGreaterThan(0);
  });

  for (const t of templates) {
    const seeds = seedsOf(t.source);
    it(`${t.id}: every item's notes quote ${seeds.join(' or ')} verbatim`, () => {
      expect(seeds.length, t.id).toBeGreaterThan(0);
      const texts = seeds.map(seed);
      for (const item of t.items) {
        const quotes = quotations(item.facilitatorNotes).filter((q) => q.length >= MIN_QUOTE);
        const verbatim = quotes.filter((q) => texts.some((s) => s.includes(q)));
        expect(verbatim.length, `${t.id}: "${item.title}" quotes its source (${quotes.join(' | ') || 'no quotation'})`).toBeGreaterThan(0);
        // Curly quotes mark the document's words (a screen's label goes in straight quotes): none is a paraphrase.
        for (const m of item.facilitatorNotes.matchAll(/“([^”]*)”/g)) {
          const q = normalize(m[1] ?? '');
          if (q.length >= MIN_CURLY) expect(texts.some((s) => s.includes(q)), `${t.id}: "${item.title}" misquotes “${q}”`).toBe(true);
        }
      }
    });
    it(`${t.id}: quotes what its source says the session is for`, () => {
      const passages = seeds.flatMap((s) => PURPOSE[s] ?? []);
      const quotesPurpose = t.items.some((item) =>
        quotations(item.facilitatorNotes).some((q) => q.length >= MIN_QUOTE && passages.some((p) => p.includes(q))),
      );
      expect(quotesPurpose, `${t.id} quotes the purpose or expected outcomes of ${seeds.join(', ')}`).toBe(true);
    });
  }
});
