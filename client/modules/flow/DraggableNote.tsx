import { useRef } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { Note } from '../../../shared/session/state.js';
import { DRAG, type DraggedNote } from './dnd.js';
import type { FlowColumns } from './model.js';
import { MoveToMenu, type MoveCommand } from './MoveToMenu.js';
import { NoteCard } from './NoteCard.js';
import { ModerateNote } from './ModerateNote.js';

export interface DraggableNoteProps {
  note: Note;
  columns: FlowColumns;
  mine?: boolean;
  onMove: (cmd: MoveCommand) => void;
  /** The console: the note's Edit and Delete (with its undo) on the card, sent here. */
  onModerate?: ((cmd: CommandInput) => void) | undefined;
}

/** A note on the cluster board: drag it onto another note to group them; or use its "Move to…" menu. */
export function DraggableNote({ note, columns, mine, onMove, onModerate }: DraggableNoteProps) {
  const ref = useRef<HTMLLIElement>(null);
  const [{ dragging }, drag] = useDrag(
    () => ({
      type: DRAG.note,
      item: (): DraggedNote => ({ noteId: note.id, groupId: note.groupId, column: note.column }),
      collect: (m) => ({ dragging: m.isDragging() }),
    }),
    [note.id, note.groupId, note.column],
  );
  const [{ over }, drop] = useDrop(
    () => ({
      accept: DRAG.note,
      canDrop: (d: DraggedNote) => d.noteId !== note.id && !(note.groupId && d.groupId === note.groupId),
      drop: (d: DraggedNote, m) => {
        if (m.didDrop()) return;
        onMove({ type: 'flow.group', payload: { noteId: d.noteId, onto: { kind: 'note', id: note.id } } });
        return { handled: true };
      },
      collect: (m) => ({ over: m.isOver({ shallow: true }) && m.canDrop() }),
    }),
    [note.id, note.groupId, onMove],
  );
  drag(drop(ref));
  return (
    <li ref={ref} className={`flow-drag${dragging ? ' flow-drag--dragging' : ''}${over ? ' flow-drag--over' : ''}`}>
      <NoteCard note={note} mine={mine}>
        <MoveToMenu note={note} columns={columns} onMove={onMove} />
        {onModerate && <ModerateNote note={note} onCommand={onModerate} compact />}
      </NoteCard>
    </li>
  );
}
