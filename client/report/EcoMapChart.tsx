import { useMemo } from 'react';
import { MARK_LABELS, MARKS } from '../../shared/modules/ecomap/ecomap.state.js';
import { ecomapLayout, type EcoLabel } from '../../shared/report/ecomapLayout.js';
import { css, MAP_KEY, MARK_COLOURS, markSlots, nodeLabel } from '../../shared/report/ecomapMarks.js';
import type { Block, EcoMapNode } from '../../shared/report/model.js';
import { MarkIcon, MarkSymbol } from './MarkSymbol.js';

type EcoMap = Extract<Block, { kind: 'ecomap' }>;

const Label = ({ label, bold }: { label: EcoLabel; bold?: boolean }) => (
  <text fontSize={label.fontSize} textAnchor={label.anchor} fontWeight={bold ? 700 : 400} fill={bold ? '#1f5f8b' : '#212529'}>
    {label.lines.map((line, i) => (
      <tspan key={i} x={label.x} y={label.baselines[i]}>
        {line}
      </tspan>
    ))}
  </text>
);

function Node({ p, x, y, r, marks }: { p: EcoMapNode; x: number; y: number; r: number; marks: boolean }) {
  const outline = p.consensus ? css(MARK_COLOURS[p.consensus].line) : '#666c75';
  return (
    <g className="ecomap-node" data-consensus={p.consensus ?? ''} data-split={p.split ? 'yes' : undefined}>
      <title>{`${p.name}: ${MARKS.map((m) => `${MARK_LABELS[m].name} ${p.counts[m]}`).join(', ')}`}</title>
      <circle cx={x} cy={y} r={r} fill={p.side === 'internal' ? '#f6f8fa' : '#fff'} stroke={outline} strokeWidth={p.consensus ? Math.max(1.5, r * 0.1) : 1} strokeDasharray={p.split ? `${r * 0.18} ${r * 0.1}` : undefined} />
      {marks &&
        markSlots(x, y, r).map((s) => (
          <g key={s.mark} className={`ecomap-mark mark-${s.mark}`}>
            <MarkSymbol mark={s.mark} cx={s.cx} cy={s.cy} half={s.half} />
            <text x={s.textX} y={s.textY} fontSize={s.fontSize} textAnchor="middle" fontWeight={p.counts[s.mark] ? 700 : 400} fill={p.counts[s.mark] ? '#212529' : '#666c75'}>
              {p.counts[s.mark]}
            </text>
          </g>
        ))}
    </g>
  );
}

/**
 * The eco-map as SVG, laid out like the PDF's (shared/report/ecomapLayout): the agency at the centre, each partner
 * with its marks (colour and shape, with counts), its outline in the consensus colour (dashed when split), and the
 * legend in the seed's words. `width`/`height`: the drawing's own units (it scales to its box).
 */
export function EcoMapChart({ block, width = 960, height = 640 }: { block: EcoMap; width?: number; height?: number }) {
  const layout = useMemo(
    () => ecomapLayout(block.partners.map((p) => ({ name: nodeLabel(p), side: p.side })), block.centre, { width, height, nodeRatio: 2.4 }),
    [block.partners, block.centre, width, height],
  );
  if (block.partners.length === 0) return <p className="muted">No partners on the map.</p>;
  const marked = block.partners.some((p) => MARKS.some((m) => p.counts[m] > 0));
  return (
    <figure className="report-ecomap">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Eco-map of ${block.centre} and ${block.partners.length} partners`}>
        <circle cx={layout.centre.x} cy={layout.centre.y} r={layout.centre.r} fill="#e7eff6" stroke="#1f5f8b" strokeWidth={2} />
        <Label label={layout.centre.label} bold />
        {layout.nodes.map((n, i) => {
          const p = block.partners[i];
          return p ? (
            <g key={i}>
              <Node p={p} x={n.x} y={n.y} r={n.r} marks={marked} />
              <Label label={n.label} />
            </g>
          ) : null;
        })}
      </svg>
      <figcaption>
        <ul className="ecomap-legend">
          {MARKS.map((m) => (
            <li key={m}>
              <MarkIcon mark={m} /> {MARK_LABELS[m].name}: {MARK_LABELS[m].meaning}
            </li>
          ))}
        </ul>
        <p className="muted">{MAP_KEY}</p>
      </figcaption>
    </figure>
  );
}
