import { ecomapLayout, type EcoLabel, type EcoNodeLayout } from '../../../shared/report/ecomapLayout.js';
import { css, MARK_COLOURS, markSlots, nodeLabel } from '../../../shared/report/ecomapMarks.js';
import { MARK_LABELS, type EcoMapState, type PartnerResult } from '../../../shared/modules/ecomap/ecomap.state.js';
import { useMemo } from 'react';
import { countsText } from './ResultsTable.js';
import { labelMeasure } from './measure.js';
import { MarkSymbol } from '../../report/MarkSymbol.js';

/** A partner's node in words: its name, and after the results its counts, consensus and split. */
export function nodeText(r: PartnerResult, shown: boolean): string {
  if (!shown) return r.name;
  if (r.total === 0) return `${r.name}: no marks`;
  const verdict = [r.consensus && `consensus ${MARK_LABELS[r.consensus].name}`, r.split && 'the room is split'].filter(Boolean).join(', ');
  return `${r.name}: ${countsText(r)}; ${verdict}`;
}

function Label({ label, className }: { label: EcoLabel; className: string }) {
  return (
    <text className={className} x={label.x} textAnchor={label.anchor} fontSize={label.fontSize}>
      {label.lines.map((line, i) => (
        <tspan key={i} x={label.x} y={label.baselines[i]}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The four marks inside a node, each a symbol with its count; the consensus's slot boxed. */
function Dots({ node, r }: { node: EcoNodeLayout; r: PartnerResult }) {
  return (
    <g className="ecomap-dots">
      {markSlots(node.x, node.y, node.r).map((s) => (
        <g key={s.mark}>
          {r.consensus === s.mark && <rect className="ecomap-consensus-box" x={s.cx - node.r * 0.34} y={s.cy - node.r * 0.24} width={node.r * 0.68} height={node.r * 0.82} rx={node.r * 0.08} />}
          <MarkSymbol mark={s.mark} cx={s.cx} cy={s.cy} half={s.half * 1.2} />
          <text className="ecomap-count" x={s.textX} y={s.textY + s.fontSize * 0.15} textAnchor="middle" fontSize={s.fontSize * 1.2}>
            {r.counts[s.mark]}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The largest label size tried, as a fraction of the map's height: 34 px on the board's usual 760 px map. */
const FONT_RATIO = 0.045;

/**
 * The layout for these names, sides and box, worked out again only when one of them changes (not on every mark: the
 * search for the largest type that fits takes a while with 40 partners).
 */
function useMapLayout(results: readonly PartnerResult[], shown: boolean, centre: string, width: number, height: number) {
  // The labels as the report prints them: "(split)" after a split partner's name once the results are shown.
  const names = results.map((r) => ({ name: shown ? nodeLabel(r) : r.name, side: r.side }));
  const key = JSON.stringify([centre, width, height, names]);
  return useMemo(() => {
    const measure = labelMeasure();
    // The largest type at which every name is whole (a cut name only where none is).
    return ecomapLayout(names, centre, { width, height, fontRatio: FONT_RATIO, minFontRatio: 0.012, wholeNames: true, ...(measure ? { measure } : {}) });
  }, [key]);
}

/**
 * The eco-map as SVG (shared/report/ecomapLayout.ts places everything): the agency at the centre, internal partners
 * on the inner ring, external on the outer; once the results are shown each node holds its four marks with counts,
 * its outline in the consensus colour, dashed when the room is split. Before, the nodes are plain: no colours.
 */
export function EcoMapSvg({ map, results, width, height }: { map: EcoMapState; results: readonly PartnerResult[]; width: number; height: number }) {
  const shown = map.resultsShown;
  const layout = useMapLayout(results, shown, map.centre, width, height);
  return (
    <svg className="ecomap-map" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={`Eco-map of ${map.centre}`}>
      {layout.nodes.map((n, i) => (
        <line key={i} className="ecomap-spoke" x1={layout.centre.x} y1={layout.centre.y} x2={n.x} y2={n.y} />
      ))}
      <g className="ecomap-centre" role="img" aria-label={`At the centre: ${map.centre}`}>
        <circle cx={layout.centre.x} cy={layout.centre.y} r={layout.centre.r} />
        <Label label={layout.centre.label} className="ecomap-centre-label" />
      </g>
      {layout.nodes.map((n, i) => {
        const r = results[i];
        if (!r) return null;
        const verdict = shown && r.total > 0;
        const outline = verdict && r.consensus ? css(MARK_COLOURS[r.consensus].fill) : undefined;
        return (
          <g key={r.partnerId} className={`ecomap-node ecomap-node--${n.side}`} role="img" aria-label={nodeText(r, shown)}>
            <circle
              className={`ecomap-node-circle${verdict && r.split ? ' ecomap-node-circle--split' : ''}`}
              cx={n.x}
              cy={n.y}
              r={n.r}
              style={outline ? { stroke: outline } : undefined}
              strokeWidth={verdict ? n.r * 0.09 : n.r * 0.05}
              strokeDasharray={verdict && r.split ? `${n.r * 0.22} ${n.r * 0.14}` : undefined}
            />
            {shown && <Dots node={n} r={r} />}
            <Label label={n.label} className="ecomap-label" />
          </g>
        );
      })}
    </svg>
  );
}
