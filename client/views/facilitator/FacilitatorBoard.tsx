import { useMemo } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';
import { columnsOf } from '../../../shared/modules/registry.js';
import { sendCommand, useSession } from '../../store.js';
import { NoteForm } from '../../components/NoteForm.js';
import { notesByColumn } from '../../notes.js';
import { FacilitatorNote } from './FacilitatorNote.js';
import { AnonymousNotes } from './AnonymousNotes.js';
import { dictHas } from '../../../shared/session/dict.js';

/** The current item's notes by column; the facilitator may change any note and lock the board. */
export function FacilitatorBoard({ item }: { item: AgendaItem }) {
  const notes = useSession((s) => s.state.notes);
  const locked = useSession((s) => dictHas(s.state.lockedItems, item.id));
  const columns = useMemo(() => columnsOf(item), [item]);
  const byColumn = useMemo(() => notesByColumn(notes, item.id, columns), [notes, item.id, columns]);
  const total = [...byColumn.values()].reduce((n, list) => n + list.length, 0);

  return (
    <section className="card stack" aria-labelledby="board-heading">
      <div className="section-head">
        <h2 id="board-heading">
          Board <span className="muted">({total} note{total === 1 ? '' : 's'}{locked ? ', locked' : ''})</span>
        </h2>
        <button
          type="button"
          aria-pressed={locked}
          onClick={() => void sendCommand({ type: 'board.lock', payload: { itemId: item.id, locked: !locked } })}
        >
          {locked ? 'Unlock board' : 'Lock board'}
        </button>
      </div>
      <AnonymousNotes item={item} notes={total} />
      {locked && <p className="notice">The board is locked: participants cannot add or change notes.</p>}
      <div className="console-columns">
        {columns.map((column) => (
          <div key={column} className="console-column">
            <h3>{column}</h3>
            <ul className="note-list">
              {(byColumn.get(column) ?? []).map((note) => (
                <FacilitatorNote key={note.id} note={note} columns={columns} />
              ))}
            </ul>
          </div>
        ))}
      </div>
      <NoteForm
        columns={columns}
        onSubmit={(text, column) => void sendCommand({ type: 'note.add', payload: { itemId: item.id, column, text } })}
      />
    </section>
  );
}
