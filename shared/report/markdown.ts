import { asTable, countLabel, tableColumns } from './format.js';
import type { Block, GridCell, RankedEntry, ReportDoc } from './model.js';

/**
 * Text as Markdown shows it: every character Markdown could read as syntax inside a line is escaped, and so is
 * whatever would open a heading, quote, list or rule at the start of a line. Lines are kept (as hard breaks).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/[\\`*_[\]{}()<>|~&#!]/g, '\\$&')
        .replace(/^([-+=>:])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\\\n');
}

/** Escaped text on one line (table cells, list items, headings): line breaks become spaces. */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

function heading(depth: number, text: string): string {
  return `${'#'.repeat(Math.min(6, depth))} ${inline(text)}`;
}

function table(header: string[], rows: string[][]): string | null {
  const columns = tableColumns(header, rows);
  if (columns.length === 0) return null;
  const line = (cells: string[]): string => `| ${columns.map((_, i) => inline(cells[i] ?? '')).join(' | ')} |`;
  return [line(columns), `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

function ranked(entries: RankedEntry[], unit: string | undefined): string {
  if (entries.length === 0) return '(none)';
  return entries
    .map((e, i) => {
      const count = unit === undefined ? '' : ` (**${inline(countLabel(e.count, unit))}**)`;
      const indent = ' '.repeat(String(i + 1).length + 2);
      const details = (e.detail ?? []).map((d) => `\n${indent}- ${inline(d)}`).join('');
      return `${i + 1}. ${inline(e.text)}${count}${details}`;
    })
    .join('\n');
}

function grid(cells: GridCell[], depth: number): string {
  return cells.map((c) => `${heading(depth, c.title)}\n\n${ranked(c.entries, c.unit)}`).join('\n\n');
}

/** One block; `depth` is the level a heading under the current one takes. */
function block(b: Block, depth: number): string | null {
  switch (b.kind) {
    case 'heading':
      return heading(depth - 1 + b.level, b.text);
    case 'paragraph':
      if (b.text.trim() === '') return null;
      return b.tone === 'muted' ? `*${escapeMarkdown(b.text)}*` : escapeMarkdown(b.text);
    case 'facts':
      return b.pairs.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`).join('\n');
    case 'list':
      return b.items.length === 0 ? '(none)' : b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inline(item)}`).join('\n');
    case 'table':
      return table(b.columns, b.rows);
    case 'ranked':
      return ranked(b.entries, b.unit);
    case 'bars':
      return table(['', b.unit], b.bars.map((bar) => [bar.label, String(bar.value)]));
    case 'grid2x2':
      return grid(b.cells, depth);
    case 'pairedBars':
    case 'ecomap': {
      const t = asTable(b);
      return table(t.columns, t.rows);
    }
    case 'quote': {
      const by = b.attribution ? `\n>\n> — ${inline(b.attribution)}` : '';
      return `> ${escapeMarkdown(b.text).split('\n').join('\n> ')}${by}`;
    }
    case 'pageBreak':
      return null;
    default: {
      const never: never = b;
      return never;
    }
  }
}

/**
 * The document as GitHub-flavoured Markdown from the same blocks as the PDF: the title and its facts, then each
 * section (##) with its blocks; tables as GFM tables, the grid as four sub-headed ranked lists, bars as a table.
 */
export function toMarkdown(doc: ReportDoc): string {
  const parts: string[] = [heading(1, doc.title)];
  if (doc.subtitle) parts.push(escapeMarkdown(doc.subtitle));
  if (doc.facts.length > 0) parts.push(block({ kind: 'facts', pairs: doc.facts }, 2) ?? '');
  for (const section of doc.sections) {
    parts.push(heading(2, section.title));
    // A grid sits one level under the heading it follows (or under the section when none came before).
    let depth = 3;
    for (const b of section.blocks) {
      const md = block(b, b.kind === 'grid2x2' ? depth : 3);
      if (md !== null) parts.push(md);
      if (b.kind === 'heading') depth = Math.min(6, 3 + b.level);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
