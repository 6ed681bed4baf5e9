import type { Block, GridCell, RankedEntry } from '../../shared/report/model.js';
import { countLabel, tableColumns } from '../../shared/report/format.js';
import { EcoMapChart } from './EcoMapChart.js';
import { PairedBarsChart } from './PairedBarsChart.js';

/** One report's blocks as HTML: what the PDF and the Markdown say, for a preview on screen. */
export function ReportBlocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div className="report-blocks stack">
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </div>
  );
}

function Ranked({ entries, unit }: { entries: readonly RankedEntry[]; unit: string | undefined }) {
  if (!entries.length) return <p className="muted">No notes.</p>;
  return (
    <ol className="report-ranked">
      {entries.map((e, i) => (
        <li key={i}>
          {e.text}
          {unit !== undefined && <span className="report-count"> {countLabel(e.count, unit)}</span>}
          {e.detail?.length ? (
            <ul>
              {e.detail.map((d, j) => (
                <li key={j}>{d}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

const Cell = ({ cell }: { cell: GridCell }) => (
  <div className="report-cell">
    <h5>{cell.title}</h5>
    <Ranked entries={cell.entries} unit={cell.unit} />
  </div>
);

function BlockView({ block: b }: { block: Block }) {
  switch (b.kind) {
    case 'heading':
      return b.level === 1 ? <h3>{b.text}</h3> : b.level === 2 ? <h4>{b.text}</h4> : <h5>{b.text}</h5>;
    case 'paragraph':
      return <p className={b.tone === 'muted' ? 'muted' : undefined}>{b.text}</p>;
    case 'facts':
      return (
        <dl className="report-facts">
          {b.pairs.map(([label, value], i) => (
            <div key={i}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'list': {
      const items = b.items.map((t, i) => <li key={i}>{t}</li>);
      return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <table className="report-table">
          <thead>
            <tr>
              {tableColumns(b.columns, b.rows).map((c, i) => (
                <th key={i}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'ranked':
      return <Ranked entries={b.entries} unit={b.unit} />;
    case 'bars': {
      const max = Math.max(1, ...b.bars.map((x) => (Number.isFinite(x.value) ? x.value : 0)));
      return (
        <ul className="report-bars">
          {b.bars.map((bar, i) => (
            <li key={i}>
              <span>{bar.label}</span>
              <meter min={0} max={max} value={Number.isFinite(bar.value) ? bar.value : 0} />
              <span>{countLabel(bar.value, b.unit)}</span>
            </li>
          ))}
        </ul>
      );
    }
    case 'grid2x2':
      return (
        <div className="report-grid">
          {b.cells.map((c, i) => (
            <Cell key={i} cell={c} />
          ))}
        </div>
      );
    case 'quote':
      return (
        <blockquote>
          {b.text}
          {b.attribution && <footer>— {b.attribution}</footer>}
        </blockquote>
      );
    case 'pairedBars':
      return <PairedBarsChart block={b} />;
    case 'ecomap':
      return <EcoMapChart block={b} />;
    case 'pageBreak':
      return <hr className="report-break" />;
  }
}
