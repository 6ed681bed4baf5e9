import { expect } from 'vitest';
import type { TemplateLoad } from '../../server/templates.js';
import type { AgendaTemplate } from '../../shared/protocol/agenda.schema.js';

/** What a saved template's source says (savedSourceOf in server/savedTemplates.ts). */
const SAVED_SOURCE = /(^Our own agenda, saved from a session on |; edited in a session on )[A-Z][a-z]+ \d{1,2}, \d{4}$/;
/** A curriculum written from a seed document, not an agenda saved from a session and dropped into sessions/. */
export const seedCurriculum = (t: AgendaTemplate): boolean => !SAVED_SOURCE.test(t.source ?? '');

/**
 * The rules for a sessions/ folder: every file validates, every seed document has a curriculum, and each seed
 * curriculum names its seed, says where the timing split is ours, and gives every item a prompt and notes. A
 * template saved from a session holds only to validating and naming its own source.
 */
export function expectCurricula(load: TemplateLoad): void {
  expect(load.errors).toEqual([]);
  for (const seed of ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004'])
    expect(load.templates.filter((t) => `${t.source ?? ''} ${t.description}`.includes(seed)).length, seed).toBeGreaterThan(0);
  for (const t of load.templates.filter(seedCurriculum)) {
    expect(t.source, t.id).toMatch(/^seed 00\d/);
    expect(t.description, t.id).toMatch(/seed 00\d/);
    // Where a document gives no timings, the description says the split is ours (every document leaves some out).
    expect(t.description, t.id).toMatch(/ours|suggest/);
    for (const item of t.items) {
      expect(item.prompt.length, `${t.id}: ${item.title}`).toBeGreaterThan(0);
      expect(item.facilitatorNotes.length, `${t.id}: ${item.title} has facilitator notes`).toBeGreaterThan(0);
    }
  }
}
