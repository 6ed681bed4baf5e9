import { useId } from 'react';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { Note } from '../../../shared/session/state.js';
import { clip, type FlowColumns } from './model.js';

/** The commands a note can be moved with on the cluster board. */
export type MoveCommand = Extract<CommandInput, { type: 'flow.group' | 'flow.ungroup' | 'note.move' }>;

export interface MoveToMenuProps {
  note: Note;
  /** Every column of the item with its groups and loose notes. */
  columns: FlowColumns;
  onMove: (cmd: MoveCommand) => void;
}

/** The keyboard and tap alternative to dragging: put this note with another note or group, in a column, or out of its group. */
export function MoveToMenu({ note, columns, onMove }: MoveToMenuProps) {
  const id = useId();
  const ownKey = note.groupId ? `group:${note.groupId}` : `note:${note.id}`;
  const choose = (value: string) => {
    if (value === 'ungroup') return onMove({ type: 'flow.ungroup', payload: { noteId: note.id } });
    const [kind, ...rest] = value.split(':');
    const target = rest.join(':');
    if (kind === 'note' || kind === 'group') return onMove({ type: 'flow.group', payload: { noteId: note.id, onto: { kind, id: target } } });
    if (kind === 'column') return onMove({ type: 'note.move', payload: { noteId: note.id, column: target } });
  };
  return (
    <div className="move-to">
      <label htmlFor={id} className="visually-hidden">
        Move "{note.text.slice(0, 30)}" to
      </label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          if (e.target.value) choose(e.target.value);
        }}
      >
        <option value="">Move to…</option>
        {note.groupId && <option value="ungroup">Out of group</option>}
        {columns.map(({ column, entries }) => {
          const targets = entries.filter((e) => e.key !== ownKey);
          return (
            <optgroup key={column} label={column}>
              {column !== note.column && <option value={`column:${column}`}>Column: {column}</option>}
              {targets.map((e) => (
                <option key={e.key} value={e.key}>
                  {e.target.kind === 'group' ? 'Group: ' : 'With: '}
                  {clip(e.label, 40)}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
