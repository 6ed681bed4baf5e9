import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { Note } from '../../../shared/session/state.js';
import { clip, type FlowColumns } from './model.js';
import { MoveChoice } from './MoveChoice.js';

/** The commands a note can be moved with on the cluster board. */
export type MoveCommand = Extract<CommandInput, { type: 'flow.group' | 'flow.ungroup' | 'note.move' }>;

export interface MoveToMenuProps {
  note: Note;
  /** Every column of the item with its groups and loose notes. */
  columns: FlowColumns;
  onMove: (cmd: MoveCommand) => void;
}

/** The command for a choice of the menu ("note:<id>", "group:<id>", "column:<name>", "ungroup"), or null. */
export function moveCommand(note: Note, value: string): MoveCommand | null {
  if (value === 'ungroup') return { type: 'flow.ungroup', payload: { noteId: note.id } };
  const [kind, ...rest] = value.split(':');
  const target = rest.join(':');
  if (!target) return null;
  if (kind === 'note' || kind === 'group') return { type: 'flow.group', payload: { noteId: note.id, onto: { kind, id: target } } };
  if (kind === 'column') return { type: 'note.move', payload: { noteId: note.id, column: target } };
  return null;
}

/**
 * The keyboard and tap alternative to dragging: put this note with another note or group, in a column, or out of its
 * group. Choosing in the list does nothing yet (arrow keys browse it); the Move button acts on the choice.
 */
export function MoveToMenu({ note, columns, onMove }: MoveToMenuProps) {
  const ownKey = note.groupId ? `group:${note.groupId}` : `note:${note.id}`;
  const quoted = `"${note.text.slice(0, 30)}"`;
  return (
    <MoveChoice
      focusKey={`note:${note.id}`}
      label={`Move ${quoted} to`}
      what={quoted}
      placeholder="Move to…"
      onChoose={(value) => {
        const cmd = moveCommand(note, value);
        if (cmd) onMove(cmd);
      }}
    >
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
    </MoveChoice>
  );
}
