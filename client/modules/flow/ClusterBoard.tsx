import { useDrop } from 'react-dnd';
import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { NoteGroup } from '../../../shared/modules/flow/flow.state.js';
import { ColumnShell } from './ColumnShell.js';
import { DRAG, FlowDnd, type DraggedGroup, type DraggedNote } from './dnd.js';
import { plural, type ColumnDecor, type FlowColumn, type FlowColumns } from './model.js';
import { DraggableNote } from './DraggableNote.js';
import { DraggableGroup } from './DraggableGroup.js';
import { dictGet, type Dict } from '../../../shared/session/dict.js';

export interface ClusterBoardProps {
  columns: FlowColumns;
  groups: Dict<NoteGroup>;
  /** The viewer's participant id, to mark their own notes. */
  me: string | null;
  onCommand: (cmd: CommandInput) => void;
  decor?: ColumnDecor | undefined;
  layout: 'console' | 'phone';
  /** The console: Edit and Delete (with the 10-second undo) on every note card. */
  moderate?: boolean;
}

/** The cluster step: drag notes onto notes and into groups, groups and notes across columns; or use the menus. */
export function ClusterBoard(props: ClusterBoardProps) {
  return (
    <FlowDnd>
      <div className={`flow-columns flow-columns--${props.layout}`}>
        {props.columns.map((col, i) => (
          <ClusterColumn key={col.column} col={col} index={i} {...props} />
        ))}
      </div>
    </FlowDnd>
  );
}

function ClusterColumn({ col, index, columns, groups, me, onCommand, decor, moderate }: ClusterBoardProps & { col: FlowColumn; index: number }) {
  const [{ over }, drop] = useDrop(
    () => ({
      accept: [DRAG.note, DRAG.group],
      drop: (d: DraggedNote | DraggedGroup, m) => {
        if (m.didDrop()) return;
        if ('noteId' in d) {
          // A note dropped on the column itself: into this column, or out of its group if it is already here.
          if (d.column !== col.column) onCommand({ type: 'note.move', payload: { noteId: d.noteId, column: col.column } });
          else if (d.groupId) onCommand({ type: 'flow.ungroup', payload: { noteId: d.noteId } });
        } else if (d.column !== col.column) onCommand({ type: 'flow.moveGroup', payload: { groupId: d.groupId, column: col.column } });
      },
      collect: (m) => ({ over: m.isOver({ shallow: true }) }),
    }),
    [col.column, onCommand],
  );
  const noteCount = col.entries.reduce((n, e) => n + e.notes.length, 0);
  return (
    <ColumnShell
      column={col.column}
      index={index}
      decor={decor}
      extra={<span className="flow-count">{plural(noteCount, 'note')}</span>}
      dropRef={(el: HTMLElement | null) => void drop(el)}
      over={over}
    >
      <ul className="flow-note-list">
        {col.entries.map((e) =>
          e.target.kind === 'group' ? (
            <DraggableGroup
              key={e.key}
              entry={e}
              name={dictGet(groups, e.target.id)?.name ?? ''}
              column={col.column}
              columns={columns}
              me={me}
              onCommand={onCommand}
              moderate={moderate}
            />
          ) : (
            e.notes[0] && <DraggableNote key={e.key} note={e.notes[0]} columns={columns} mine={me !== null && e.notes[0].authorId === me} onMove={onCommand} onModerate={moderate ? onCommand : undefined} />
          ),
        )}
      </ul>
      {col.entries.length === 0 && <p className="muted flow-drop-hint">Drop notes here</p>}
    </ColumnShell>
  );
}
