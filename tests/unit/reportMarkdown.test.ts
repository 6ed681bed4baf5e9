import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../shared/report/markdown.js';
import type { Block, ReportDoc } from '../../shared/report/model.js';
import { ACCENTED, sampleDoc } from '../support/reportDocs.js';

const decode = (html: string): string =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** A document of one section holding `blocks`. */
const docOf = (...blocks: Block[]): ReportDoc => ({ version: 1, title: 'Board meeting', facts: [], sections: [{ title: 'Notes', blocks }] });
const body = (md: string): string => md.split('## Notes\n\n')[1] ?? '';

describe('Markdown from the report blocks', () => {
  it('puts the title, subtitle and facts first, then each section under its own heading', () => {
    const md = toMarkdown(sampleDoc());
    expect(md.startsWith('# Data retreat: Where are we now?\n\nData retreat · 25 November 2026\n\n- **Date:** 25 November 2026\n- **Facilitator:** José Núñez\n- **Participants:** 18\n\n## Agenda\n')).toBe(true);
    expect(md.match(/^## .*/gm)).toEqual(['## Agenda', '## Environmental scan: the data picture', '## SWOT analysis', '## Crowded SWOT', '## All notes', '## After a page break']);
    expect(md).toContain(ACCENTED);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('writes a table as a GFM table with its pipes escaped, and a browser reads the cells back as typed', () => {
    const md = toMarkdown(docOf({ kind: 'table', columns: ['Item', 'Note'], rows: [['SWOT', 'a | b'], ['Short row']] }));
    expect(body(md)).toBe('| Item | Note |\n| --- | --- |\n| SWOT | a \\| b |\n| Short row |  |\n');
    const html = marked.parse(md, { async: false });
    expect(html).toContain('<td>a | b</td>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it('writes the 2x2 grid as four sub-headed ranked lists with their counts, one level under the heading before it', () => {
    const md = toMarkdown(
      docOf(
        { kind: 'heading', level: 1, text: 'Results' },
        {
          kind: 'grid2x2',
          cells: [
            { title: 'Strengths', unit: 'dots', entries: [{ text: 'Kinship network', count: 14, detail: ['Kin found in 30 days'] }, { text: 'Trust', count: 1 }] },
            { title: 'Weaknesses', unit: 'dots', entries: [{ text: 'Turnover', count: 0 }] },
            { title: 'Opportunities', entries: [{ text: 'Prevention funding', count: 3 }] },
            { title: 'Threats', unit: 'dots', entries: [] },
          ],
        },
      ),
    );
    expect(body(md)).toBe(
      '### Results\n\n#### Strengths\n\n1. Kinship network (**14 dots**)\n   - Kin found in 30 days\n2. Trust (**1 dot**)\n\n' +
        '#### Weaknesses\n\n1. Turnover (**0 dots**)\n\n#### Opportunities\n\n1. Prevention funding\n\n#### Threats\n\n(none)\n',
    );
    const html = marked.parse(md, { async: false });
    expect(html).toContain('<li>Kinship network (<strong>14 dots</strong>)<ul>\n<li>Kin found in 30 days</li>');
  });

  it('writes bars as a table of label and value, and a ranked list with its counts and details nested', () => {
    const bars = toMarkdown(docOf({ kind: 'bars', unit: 'dots', bars: [{ label: 'Strengths', value: 40 }, { label: 'Threats', value: 0 }] }));
    expect(body(bars)).toBe('|  | dots |\n| --- | --- |\n| Strengths | 40 |\n| Threats | 0 |\n');
    const entries = Array.from({ length: 10 }, (_, i) => ({ text: `Phrase ${i + 1}`, count: 10 - i, detail: i === 9 ? ['a note'] : [] }));
    const ranked = body(toMarkdown(docOf({ kind: 'ranked', unit: 'votes', entries })));
    expect(ranked.split('\n')[0]).toBe('1. Phrase 1 (**10 votes**)');
    expect(ranked).toContain('10. Phrase 10 (**1 vote**)\n    - a note\n');
    expect(marked.parse(ranked, { async: false })).toContain('<li>Phrase 10 (<strong>1 vote</strong>)<ul>');
  });

  it('writes headings, lists, facts, quotes and muted paragraphs, and leaves page breaks and empty paragraphs out', () => {
    const md = body(
      toMarkdown(
        docOf(
          { kind: 'heading', level: 2, text: 'What the data shows' },
          { kind: 'list', items: ['One', 'Two'] },
          { kind: 'list', ordered: true, items: ['First'] },
          { kind: 'pageBreak' },
          { kind: 'paragraph', text: '  ' },
          { kind: 'facts', pairs: [['Planned', '30 min']] },
          { kind: 'quote', text: 'We keep families together.\nEvery day.', attribution: 'Director' },
          { kind: 'paragraph', text: 'Draft', tone: 'muted' },
        ),
      ),
    );
    expect(md).toBe(
      '#### What the data shows\n\n- One\n- Two\n\n1. First\n\n- **Planned:** 30 min\n\n> We keep families together.\\\n> Every day.\n>\n> — Director\n\n*Draft*\n',
    );
  });
});

describe('escaping what people typed', () => {
  it('turns no typed text into Markdown syntax', () => {
    const typed = ['# not a heading', '- not a list', '1. not a list either', '> not a quote', '**not bold** _nor this_', '[not](a link)', '<b>no html</b>', '`no code`', 'a | b', '&amp; stays', '---', '+ plus', '2) two', '![no](image)', '~~no strike~~', ':- not a table row'];
    const md = toMarkdown(docOf({ kind: 'list', items: typed }, { kind: 'paragraph', text: typed.join('\n') }));
    const html = marked.parse(md, { async: false });
    expect(html.match(/<(?!\/?(h1|h2|p|ul|li|br)>)[a-z]/g)).toBeNull();
    for (const t of typed) expect(decode(html)).toContain(`<li>${t}</li>`);
    expect(decode(html)).toContain(`<p>${typed.join('<br>')}</p>`);
  });

  it('reads back exactly as typed for any text (lines trimmed)', () => {
    const chars = fc.constantFrom(...'#*_-+=>|[](){}<>`~!&\\.:;1)2 aé ñ¿?\n'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 40 }).map((cs) => cs.join('')), (typed) => {
        const lines = typed.split('\n').map((l) => l.trim());
        fc.pre(lines.some((l) => l !== '') && lines[0] !== '' && lines.at(-1) !== '');
        const html = marked.parse(`Text:\n${escapeMarkdown(typed)}`, { async: false }).trim();
        expect(decode(html.replace(/<br>\n?/g, '\n'))).toBe(`<p>Text:\n${lines.join('\n')}</p>`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('odd blocks', () => {
  it('keeps the cells of a row longer than its header under unnamed columns, and leaves a table with no columns out', () => {
    expect(body(toMarkdown(docOf({ kind: 'table', columns: ['Item'], rows: [['SWOT', 'extra']] })))).toBe('| Item |  |\n| --- | --- |\n| SWOT | extra |\n');
    expect(body(toMarkdown(docOf({ kind: 'table', columns: [], rows: [] }, { kind: 'list', items: [] })))).toBe('(none)\n');
  });
});
