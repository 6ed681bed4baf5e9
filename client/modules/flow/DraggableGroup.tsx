import { useRef } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { RankedEntry } from '../../../shared/modules/flow/flow.results.js';
import { DRAG, type DraggedGroup, type DraggedNote } from './dnd.js';
import type { FlowColumns } from './model.js';
import type { MoveCommand } from './MoveToMenu.js';
import { DraggableNote } from './DraggableNote.js';
import { GroupNameForm } from './GroupNameForm.js';
import { MoveChoice } from './MoveChoice.js';

export interface DraggableGroupProps {
  entry: RankedEntry;
  name: string;
  column: string;
  columns: FlowColumns;
  me: string | null;
  onCommand: (cmd: CommandInput) => void;
  /** The console: Edit and Delete on each of its notes. */
  moderate?: boolean | undefined;
}

/** A group on the cluster board: drop notes into it, drag it to another column, name it. */
export function DraggableGroup({ entry, name, column, columns, me, onCommand, moderate }: DraggableGroupProps) {
  const groupId = entry.target.id;
  const ref = useRef<HTMLLIElement>(null);
  const [{ dragging }, drag] = useDrag(
    () => ({ type: DRAG.group, item: (): DraggedGroup => ({ groupId, column }), collect: (m) => ({ dragging: m.isDragging() }) }),
    [groupId, column],
  );
  const [{ over }, drop] = useDrop(
    () => ({
      accept: DRAG.note,
      canDrop: (d: DraggedNote) => d.groupId !== groupId,
      drop: (d: DraggedNote, m) => {
        if (m.didDrop()) return;
        onCommand({ type: 'flow.group', payload: { noteId: d.noteId, onto: { kind: 'group', id: groupId } } });
        return { handled: true };
      },
      collect: (m) => ({ over: m.isOver({ shallow: true }) && m.canDrop() }),
    }),
    [groupId, onCommand],
  );
  drag(drop(ref));
  const others = columns.map((c) => c.column).filter((c) => c !== column);
  return (
    <li ref={ref} className={`flow-group${dragging ? ' flow-drag--dragging' : ''}${over ? ' flow-drag--over' : ''}`}>
      <p className="flow-group-title">
        <span className="flow-group-tag">Group</span> {name || <span className="muted">(no name yet)</span>}{' '}
        <span className="muted">· {entry.notes.length} notes</span>
      </p>
      <GroupNameForm name={name} onName={(n) => onCommand({ type: 'flow.nameGroup', payload: { groupId, name: n } })} />
      {others.length > 0 && (
        <MoveChoice
          focusKey={`group:${groupId}`}
          label={`Move group "${entry.label.slice(0, 30)}" to column`}
          what={`group "${entry.label.slice(0, 30)}"`}
          placeholder="Move group to…"
          onChoose={(c) => onCommand({ type: 'flow.moveGroup', payload: { groupId, column: c } })}
        >
          {others.map((c) => (
            <option key={c} value={c}>
              Column: {c}
            </option>
          ))}
        </MoveChoice>
      )}
      <ul className="flow-note-list">
        {entry.notes.map((n) => (
          <DraggableNote key={n.id} note={n} columns={columns} mine={me !== null && n.authorId === me} onMove={(c: MoveCommand) => onCommand(c)} onModerate={moderate ? onCommand : undefined} />
        ))}
      </ul>
    </li>
  );
}
