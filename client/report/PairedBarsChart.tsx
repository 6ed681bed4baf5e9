import { pairedScale, pairedValue } from '../../shared/report/pairedScale.js';
import type { Block } from '../../shared/report/model.js';

type Paired = Extract<Block, { kind: 'pairedBars' }>;

const pct = (f: number): string => `${(f * 88).toFixed(2)}%`;

/** One row's two bars on the scale, as SVG: the first series solid, the second framed; figures at the ends. */
function Bars({ values, series, fraction, ticks }: { values: [number | null, number | null]; series: [string, string]; fraction: (v: number) => number; ticks: number[] }) {
  const said = values.map((v, i) => `${series[i]}: ${pairedValue(v)?.toFixed(1) ?? 'not answered'}`).join(', ');
  return (
    <svg className="paired-bars" width="100%" height="34" role="img" aria-label={said}>
      {ticks.map((t) => (
        <line key={t} x1={pct(fraction(t))} x2={pct(fraction(t))} y1="2" y2="32" stroke="#d0d5db" strokeWidth="1" />
      ))}
      {values.map((v, i) => {
        const value = pairedValue(v);
        const y = 3 + i * 15;
        if (value === null) return <text key={i} x="2" y={y + 10} fontSize="11" fill="#666c75">not answered</text>;
        const w = Math.max(0.4, fraction(value) * 88);
        return (
          <g key={i} className={`paired-${i === 0 ? 'a' : 'b'}`}>
            <rect x="0" y={y} width={`${w}%`} height="12" fill={i === 0 ? '#1f5f8b' : '#e7eff6'} stroke="#1f5f8b" strokeWidth={i === 0 ? 0 : 1.2} />
            <text x={`${w + 1.5}%`} y={y + 10} fontSize="11" fontWeight="700" fill="#212529">
              {value.toFixed(1)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Two series on one scale per row (importance and practice per value), with a legend, the scale and each note. */
export function PairedBarsChart({ block }: { block: Paired }) {
  const { ticks, fraction } = pairedScale(block.min, block.max);
  return (
    <figure className="report-paired">
      <figcaption className="paired-legend">
        {block.series.map((name, i) => (
          <span key={i}>
            <svg width="22" height="12" aria-hidden="true">
              <rect x="1" y="1" width="20" height="10" fill={i === 0 ? '#1f5f8b' : '#e7eff6'} stroke="#1f5f8b" strokeWidth={i === 0 ? 0 : 1.2} />
            </svg>{' '}
            {name}
          </span>
        ))}
        <span className="muted">
          Scale {block.min} to {block.max}
        </span>
      </figcaption>
      <ul>
        {block.rows.map((row, i) => (
          <li key={i}>
            <span className="paired-label">{row.label}</span>
            <Bars values={[row.a, row.b]} series={block.series} fraction={fraction} ticks={ticks} />
            <span className="paired-note">{row.note ?? ''}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
