import type { Block } from '../model.js';
import { drawBars } from './bars.js';
import { drawEcomap, ECOMAP_OPENING, ecomapLeast } from './ecomap.js';
import { drawGrid } from './grid.js';
import { drawPairedBars } from './pairedBars.js';
import type { Pen } from './pen.js';
import { drawRanked } from './ranked.js';
import { drawTable } from './table.js';
import { drawFacts, drawHeading, drawList, drawParagraph, drawQuote } from './text.js';

/** Draws one block where the pen stands. */
export function drawBlock(pen: Pen, b: Block): void {
  switch (b.kind) {
    case 'heading':
      return drawHeading(pen, b);
    case 'paragraph':
      return drawParagraph(pen, b);
    case 'facts':
      return drawFacts(pen, b.pairs);
    case 'list':
      return drawList(pen, b);
    case 'table':
      return drawTable(pen, b);
    case 'ranked':
      return drawRanked(pen, b);
    case 'bars':
      return drawBars(pen, b);
    case 'grid2x2':
      return drawGrid(pen, b);
    case 'quote':
      return drawQuote(pen, b);
    case 'pairedBars':
      return drawPairedBars(pen, b);
    case 'ecomap':
      return drawEcomap(pen, b);
    case 'pageBreak':
      if (!pen.atTop) pen.newPage();
      return;
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** The room a section's opening blocks need on its first page, so its title is not left alone at a page's foot. */
export function openingRoom(pen: Pen, blocks: readonly Block[]): number {
  const map = blocks.slice(0, 3).find((b) => b.kind === 'ecomap');
  return map?.kind === 'ecomap' ? ecomapLeast(pen, map) + ECOMAP_OPENING : 0;
}
