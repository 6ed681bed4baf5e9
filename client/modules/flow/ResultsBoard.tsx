import { useEffect, useState, type ReactNode } from 'react';
import type { RankedEntry } from '../../../shared/modules/flow/flow.results.js';
import type { VoteTarget } from '../../../shared/modules/flow/flow.state.js';
import { ColumnShell } from './ColumnShell.js';
import { plural, type ColumnDecor, type FlowColumns } from './model.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';
import { NoteOrigin } from '../plenary/NoteOrigin.js';

export interface ResultsBoardProps {
  columns: FlowColumns;
  layout: 'console' | 'phone' | 'board';
  decor?: ColumnDecor | undefined;
  /** The board shows only the first entries of each column, large. */
  top?: number;
  /** Facilitator only: mark an entry to carry forward. */
  onCarry?: (target: VoteTarget, carried: boolean) => void;
  /** Facilitator only: more controls on each entry (the spotlight). */
  extra?: (entry: RankedEntry) => ReactNode;
}

/** Ranked results per column, most dots first; what carries forward says so in words. */
export function ResultsBoard({ columns, layout, decor, top, onCarry, extra }: ResultsBoardProps) {
  return (
    <div className={`flow-columns flow-columns--${layout} results`}>
      {columns.map((col, i) => {
        const list = top ? col.entries.slice(0, top) : col.entries;
        return (
          <ColumnShell key={col.column} column={col.column} index={i} decor={decor}>
            {list.length === 0 ? (
              <p className="muted">Nothing here.</p>
            ) : (
              <ol className={`results-list${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`}>
                {list.map((e, rank) => (
                  <ResultRow key={e.key} entry={e} rank={rank + 1} layout={layout} onCarry={onCarry} extra={extra} />
                ))}
              </ol>
            )}
            {top && col.entries.length > top && <p className="results-more">+ {col.entries.length - top} more</p>}
          </ColumnShell>
        );
      })}
    </div>
  );
}

type ResultRowProps = { entry: RankedEntry; rank: number } & Pick<ResultsBoardProps, 'layout' | 'onCarry' | 'extra'>;

function ResultRow({ entry: e, rank, layout, onCarry, extra }: ResultRowProps) {
  // The box follows the click at once; the server's answer (or, if it refuses, a few seconds) settles it.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  useEffect(() => setOptimistic(null), [e.carried]);
  useEffect(() => {
    if (optimistic === null) return;
    const t = setTimeout(() => setOptimistic(null), 4000);
    return () => clearTimeout(t);
  }, [optimistic]);
  const checked = optimistic ?? e.carried;
  return (
    <li className={`result${e.carried ? ' result--carried' : ''}`}>
      <span className="result-rank" aria-hidden="true">
        {rank}
      </span>
      <div className="result-body">
        <p className="result-label">{e.label}</p>
        {e.target.kind === 'note' && <NoteOrigin noteId={e.target.id} />}
        <p className="result-meta">
          <strong className="result-dots">{plural(e.dots, 'dot')}</strong>
          {e.target.kind === 'group' && layout !== 'board' && <span className="muted"> · group of {plural(e.notes.length, 'note')}</span>}
          {e.carried && <span className="carried-badge">Carries forward</span>}
        </p>
        {e.target.kind === 'group' && layout === 'console' && (
          <ul className="result-notes">
            {e.notes.map((n) => (
              <li key={n.id}>
                {n.text}
                <NoteOrigin noteId={n.id} />
              </li>
            ))}
          </ul>
        )}
        {onCarry && (
          <label className="carry-toggle">
            <input
              type="checkbox"
              checked={checked}
              aria-label={`Carry forward ${e.label}`}
              onChange={(ev) => {
                setOptimistic(ev.target.checked);
                onCarry(e.target, ev.target.checked);
              }}
            />
            <span aria-hidden="true">Carry forward</span>
          </label>
        )}
        {extra?.(e)}
      </div>
    </li>
  );
}
