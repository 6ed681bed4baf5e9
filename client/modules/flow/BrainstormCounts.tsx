import { ColumnShell } from './ColumnShell.js';
import { plural, type ColumnDecor, type FlowColumns } from './model.js';

/** The board during the silent brainstorm: only how many notes each column has (the notes are private). */
export function BrainstormCounts({ columns, decor }: { columns: FlowColumns; decor?: ColumnDecor | undefined }) {
  return (
    <div className="flow-columns flow-columns--board">
      {columns.map((col, i) => {
        const n = col.entries.reduce((m, e) => m + e.notes.length, 0);
        return (
          <ColumnShell key={col.column} column={col.column} index={i} decor={decor}>
            <p className="flow-bigcount">{plural(n, 'note')}</p>
          </ColumnShell>
        );
      })}
    </div>
  );
}
