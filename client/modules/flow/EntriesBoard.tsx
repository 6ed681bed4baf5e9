import type { ReactNode } from 'react';
import type { RankedEntry } from '../../../shared/modules/flow/flow.results.js';
import type { NoteGroup } from '../../../shared/modules/flow/flow.state.js';
import type { Note } from '../../../shared/session/state.js';
import { ColumnShell } from './ColumnShell.js';
import { plural, type ColumnDecor, type FlowColumns } from './model.js';
import { NoteCard } from './NoteCard.js';
import { dictGet, type Dict } from '../../../shared/session/dict.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';

export interface EntriesBoardProps {
  columns: FlowColumns;
  groups: Dict<NoteGroup>;
  me?: string | null;
  decor?: ColumnDecor | undefined;
  layout: 'console' | 'phone' | 'board';
  /** Something to show on each entry (the facilitator's live dot totals). */
  badge?: (entry: RankedEntry) => ReactNode;
  /** Controls under each note (the facilitator's "Remove for good"). */
  noteControls?: (note: Note) => ReactNode;
}

/** Every note of the item by column, groups framed and named; read-only (reveal, and the board while clustering). */
export function EntriesBoard({ columns, groups, me = null, decor, layout, badge, noteControls }: EntriesBoardProps) {
  const total = columns.reduce((n, c) => n + c.entries.reduce((m, e) => m + e.notes.length, 0), 0);
  const dense = layout === 'board' && total > 4 * columns.length;
  return (
    <div className={`flow-columns flow-columns--${layout}${dense ? ' flow-columns--dense' : ''}`}>
      {columns.map((col, i) => {
        const count = col.entries.reduce((n, e) => n + e.notes.length, 0);
        return (
          <ColumnShell key={col.column} column={col.column} index={i} decor={decor} extra={<span className="flow-count">{plural(count, 'note')}</span>}>
            <ul className={`flow-note-list${layout === 'board' ? ` ${PAGES_CLASS}` : ''}`}>
              {col.entries.map((e) =>
                e.target.kind === 'group' ? (
                  <li key={e.key} className="flow-group">
                    <p className="flow-group-title">
                      <span className="flow-group-tag">Group</span> {dictGet(groups, e.target.id)?.name || <span className="muted">{plural(e.notes.length, 'note')}</span>}
                      {badge?.(e)}
                    </p>
                    <ul className="flow-note-list">
                      {e.notes.map((n) => (
                        <li key={n.id}>
                          <NoteCard note={n} mine={me !== null && n.authorId === me}>
                            {noteControls?.(n)}
                          </NoteCard>
                        </li>
                      ))}
                    </ul>
                  </li>
                ) : (
                  e.notes[0] && (
                    <li key={e.key}>
                      <NoteCard note={e.notes[0]} mine={me !== null && e.notes[0].authorId === me}>
                        {badge?.(e)}
                        {noteControls?.(e.notes[0])}
                      </NoteCard>
                    </li>
                  )
                ),
              )}
            </ul>
          </ColumnShell>
        );
      })}
    </div>
  );
}
