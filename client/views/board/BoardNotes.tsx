import { useMemo } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';
import { columnsOf } from '../../../shared/modules/registry.js';
import { useSession } from '../../store.js';
import { notesByColumn } from '../../notes.js';
import { dictHas } from '../../../shared/session/dict.js';
import { PAGES_CLASS } from './useBoardPages.js';

/**
 * The current item's notes by column, newest first. The board never scrolls: each column pages what does not fit
 * (see useBoardPages) and its heading says how many notes it holds.
 */
export function BoardNotes({ item }: { item: AgendaItem }) {
  const notes = useSession((s) => s.state.notes);
  const locked = useSession((s) => dictHas(s.state.lockedItems, item.id));
  const columns = useMemo(() => columnsOf(item), [item]);
  const byColumn = useMemo(() => notesByColumn(notes, item.id, columns), [notes, item.id, columns]);
  const total = [...byColumn.values()].reduce((n, l) => n + l.length, 0);
  const dense = total > 5 * columns.length;

  return (
    <div className={`board-notes${dense ? ' board-notes--dense' : ''}`}>
      {locked && <p className="board-locked">Board locked</p>}
      {total === 0 && <p className="board-empty">No notes yet. Post yours from your phone.</p>}
      <div className="board-columns" style={{ gridTemplateColumns: columnWidths(columns.map((c) => byColumn.get(c)?.length ?? 0)) }}>
        {columns.map((column) => {
          const list = byColumn.get(column) ?? [];
          return (
            <section key={column} className="board-column" aria-label={column}>
              <h3>
                {column} <span className="board-count">{list.length}</span>
              </h3>
              <ul className={`board-note-list ${PAGES_CLASS}`}>
                {[...list].reverse().map((note) => (
                  <li key={note.id} className="board-note">
                    <span className="board-note-text">{note.text}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The board's column widths: up to four columns a row, a full column wider than an empty one (up to three times), so
 * that its notes need fewer pages.
 */
export function columnWidths(counts: number[]): string {
  const perRow = Math.min(counts.length, 4);
  const most = Math.max(1, ...counts);
  if (counts.length > perRow) return `repeat(${perRow}, minmax(0, 1fr))`;
  return counts.map((n) => `minmax(0, ${(1 + (2 * n) / most).toFixed(2)}fr)`).join(' ');
}
