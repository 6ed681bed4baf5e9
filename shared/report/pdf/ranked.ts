import type { Block } from '../model.js';
import { drawPieces, entryPieces } from './entries.js';
import type { Pen } from './pen.js';
import { colour, gap, size } from './theme.js';

type Ranked = Extract<Block, { kind: 'ranked' }>;

/** Entries in rank order: the rank, the text, a badge with the count, the details beneath; hairlines between. */
export function drawRanked(pen: Pen, b: Ranked): void {
  b.entries.forEach((e, i) => {
    const pieces = entryPieces(pen, e, pen.width, { size: size.body, unit: b.unit, rank: i + 1, before: i === 0 ? 0 : 7 });
    const first = pieces[0];
    if (i > 0 && first) {
      const draw = first.draw;
      first.draw = (x, top) => {
        pen.rule(top + 3, colour.rule, 0.4);
        draw(x, top);
      };
    }
    drawPieces(pen, pieces, pen.left);
  });
  pen.y += gap.block;
}
