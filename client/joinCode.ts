import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../shared/protocol/limits.js';

export const normalizeCode = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();

/** Why a typed join code cannot be right, in words; null when it could be. */
export function codeProblem(raw: string): string | null {
  const code = normalizeCode(raw);
  if (!code) return 'Enter the join code shown on the screen.';
  if (code.length !== JOIN_CODE_LENGTH || ![...code].every((c) => JOIN_CODE_ALPHABET.includes(c)))
    return `A join code is ${JOIN_CODE_LENGTH} letters and digits, like the one on the screen.`;
  return null;
}
