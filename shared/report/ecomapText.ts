/**
 * Text helpers of the eco-map layout: a width estimate that needs no font (the board's SVG and the PDF use different
 * faces, so the estimate errs wide) and a word wrap to short lines.
 */

/** Measures `text` at `fontSize`; the PDF passes its own, everyone else the estimate. */
export type Measure = (text: string, fontSize: number) => number;

const NARROW = new Set([...'iljtfrI!.,;:\'"|() ']);
const WIDE = new Set([...'mwMW@%']);

/** A generous estimate of a sans-serif line's width (DejaVu Sans, the widest common face, fits within it): narrow, wide and ordinary glyphs (capitals a little wider). */
export const estimateWidth: Measure = (text, fontSize) => {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.9;
    else if (ch >= 'A' && ch <= 'Z') em += 0.72;
    else em += 0.62;
  }
  return em * fontSize;
};

/**
 * `text` in lines of at most `perLine` characters, broken at spaces (a word longer than a line is cut), at most
 * `maxLines` lines: what does not fit ends the last line with an ellipsis (the full name is always printed elsewhere).
 */
export function wrapWords(text: string, perLine: number, maxLines: number): string[] {
  // Words, and the parts of a hyphenated word (a line may end after its hyphen): [text, joins the previous part].
  const parts = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => w.split(/(?<=-)(?=.)/).map((part, i): [string, boolean] => [part, i > 0]));
  const lines: string[] = [];
  let line = '';
  for (const [whole, glued] of parts) {
    let word = whole;
    while (word.length > perLine) {
      if (line) lines.push(line);
      lines.push(word.slice(0, perLine));
      word = word.slice(perLine);
      line = '';
    }
    const joined = line ? `${line}${glued ? '' : ' '}${word}` : word;
    if (joined.length <= perLine) line = joined;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length === 0) return [''];
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1) : last}…`;
  return kept;
}
