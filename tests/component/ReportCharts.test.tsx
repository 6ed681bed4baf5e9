// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ReportBlocks } from '../../client/report/ReportBlocks.js';
import { MARK_LABELS } from '../../shared/modules/ecomap/ecomap.state.js';
import { ecomapBlock, node, pairedBlock } from '../support/reportCharts.js';

afterEach(cleanup);

describe('the report preview draws the charts as SVG', () => {
  it('draws the paired bars: a legend, two bars per answered value with their figures, the note, "not answered"', () => {
    const { container } = render(<ReportBlocks blocks={[pairedBlock()]} />);
    expect(screen.getByText('Importance')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText('Practice')).toBeInstanceOf(HTMLElement);
    expect(screen.getByRole('img', { name: 'Importance: 4.8, Practice: 3.1' })).toBeInstanceOf(SVGElement);
    expect(screen.getByRole('img', { name: 'Importance: not answered, Practice: not answered' })).toBeInstanceOf(SVGElement);
    expect(screen.getByText('gap 1.7')).toBeInstanceOf(HTMLElement);
    // Seven rows; the two series drawn in two styles (solid and framed), a bar only for an answered value.
    expect(container.querySelectorAll('.report-paired li')).toHaveLength(7);
    expect(container.querySelectorAll('.paired-a rect')).toHaveLength(6);
    expect(container.querySelectorAll('.paired-b rect')).toHaveLength(5);
    const [a, b] = [container.querySelector('.paired-a rect'), container.querySelector('.paired-b rect')];
    expect(a?.getAttribute('fill')).not.toBe(b?.getAttribute('fill'));
    expect(a?.getAttribute('width')).toBe(`${((3.8 / 4) * 88).toFixed(2).replace(/0+$/, '').replace(/\.$/, '')}%`);
  });

  it('draws the eco-map: the centre, each partner with four marks of four shapes and their counts, consensus and split, the legend', () => {
    const block = {
      kind: 'ecomap' as const,
      centre: 'Our agency',
      partners: [
        node('Courts and judges', 'external', { green: 0, yellow: 3, red: 7, none: 2 }),
        node('Tribes', 'external', { green: 4, yellow: 4, red: 3, none: 1 }),
        node('Agency leadership', 'internal', { green: 9, yellow: 1, red: 0, none: 0 }),
      ],
    };
    const { container } = render(<ReportBlocks blocks={[block]} />);
    expect(screen.getByRole('img', { name: 'Eco-map of Our agency and 3 partners' })).toBeInstanceOf(SVGElement);
    expect(container.querySelector('svg')?.textContent).toContain('Our agency');
    const nodes = [...container.querySelectorAll('.ecomap-node')];
    expect(nodes).toHaveLength(3);
    const courts = nodes[0];
    expect(courts?.querySelector('title')?.textContent).toBe('Courts and judges: Green 0, Yellow 3, Red 7, No dot 2');
    // The four shapes: a circle, a triangle, a square, an open ring; each with its count.
    expect(courts?.querySelector('.mark-green circle')?.getAttribute('fill')).toMatch(/^rgb/);
    expect(courts?.querySelector('.mark-yellow polygon')).not.toBeNull();
    expect(courts?.querySelector('.mark-red rect')).not.toBeNull();
    expect(courts?.querySelector('.mark-none circle')?.getAttribute('fill')).toBe('none');
    expect([...(courts?.querySelectorAll('.ecomap-mark text') ?? [])].map((t) => t.textContent)).toEqual(['0', '3', '7', '2']);
    expect(courts?.getAttribute('data-consensus')).toBe('red');
    expect(nodes[1]?.getAttribute('data-split')).toBe('yes');
    expect(nodes[1]?.querySelector(':scope > circle')?.getAttribute('stroke-dasharray')).toMatch(/^\d+(\.\d+)? \d+(\.\d+)?$/);
    expect(courts?.querySelector(':scope > circle')?.getAttribute('stroke-dasharray')).toBeNull();
    expect(container.querySelector('svg')?.textContent).toContain('Tribes (split)');
    for (const m of Object.values(MARK_LABELS)) expect(screen.getByText(`${m.name}: ${m.meaning}`, { exact: false })).toBeInstanceOf(HTMLElement);
  });

  it('draws a map of 40 partners with every name and no marks when nobody marked', () => {
    const block = ecomapBlock(40);
    if (block.kind !== 'ecomap') throw new Error('not a map');
    const unmarked = { ...block, partners: block.partners.map((p) => ({ ...p, counts: { green: 0, yellow: 0, red: 0, none: 0 }, consensus: null, split: false })) };
    const { container } = render(<ReportBlocks blocks={[unmarked]} />);
    expect(container.querySelectorAll('.ecomap-node')).toHaveLength(40);
    expect(container.querySelectorAll('.ecomap-mark')).toHaveLength(0);
    expect(container.querySelector('svg')?.textContent).toContain('Youth 17');
  });
});
