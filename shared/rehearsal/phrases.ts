import type { Rng } from './rng.js';

/** How a simulated participant starts a note: the words after it come from the item's own prompt and column. */
const STEMS = ['In our state:', 'An example:', 'We could build on', 'Still missing:', 'A question about', 'What works:'] as const;

/** The clauses of a prompt or column (split at sentence and list marks), each a few words long. */
export function clauses(text: string): string[] {
  return text
    .split(/[.;:?!\n]|\s[–-]\s/)
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter((c) => c.length > 2);
}

const shorten = (text: string, words: number): string => text.split(' ').slice(0, words).join(' ');

/**
 * A plausible note for a simulated participant: a stem and a clause of the item's prompt, or of the column it goes in,
 * at most `max` characters. Made only from the item's own words, so a rehearsal reads like the workshop it rehearses.
 */
export function phrase(rng: Rng, prompt: string, column = '', max = 120): string {
  const pool = [...clauses(prompt), ...clauses(column)];
  const body = pool.length > 0 ? shorten(rng.pick(pool), 4 + rng.int(6)) : column || 'this item';
  const text = `${rng.pick(STEMS)} ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
  return text.length > max ? text.slice(0, max).trimEnd() : text;
}
