import { useCallback, useState, type KeyboardEvent } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import { sendCommand } from '../../store.js';

const AGENDA_ROW = 'agenda-row';
interface DraggedRow {
  itemId: string;
}

/** Moves an item and says where it went (or why not) in a sentence the panel announces to screen readers. */
export function useAgendaMoves(count: number) {
  const [said, setSaid] = useState('');
  const move = useCallback(
    async (item: { id: string; title: string }, toIndex: number) => {
      if (toIndex < 0 || toIndex >= count) return setSaid(`“${item.title}” is already ${toIndex < 0 ? 'first' : 'last'}.`);
      const res = await sendCommand({ type: 'agenda.moveItem', payload: { itemId: item.id, toIndex } });
      setSaid(res.ok ? `“${item.title}” moved to position ${toIndex + 1} of ${count}.` : `“${item.title}” was not moved: ${res.error.message}`);
    },
    [count],
  );
  return { said, move };
}

/** Alt+Arrow up or down on any control of a row moves the row (Alt+Home and Alt+End: first and last). */
export function rowKeyMove(e: KeyboardEvent, index: number, count: number, move: (toIndex: number) => void): void {
  if (!e.altKey) return;
  const to = e.key === 'ArrowUp' ? index - 1 : e.key === 'ArrowDown' ? index + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : null;
  if (to === null) return;
  e.preventDefault();
  move(to);
}

/** A row that drags by its handle and takes another row dropped on it (the dropped row takes its place). */
export function useAgendaRowDnd(itemId: string, onDropHere: (draggedId: string) => void) {
  const [{ dragging }, drag, preview] = useDrag<DraggedRow, unknown, { dragging: boolean }>(
    () => ({ type: AGENDA_ROW, item: { itemId }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [itemId],
  );
  const [{ over }, drop] = useDrop<DraggedRow, unknown, { over: boolean }>(
    () => ({
      accept: AGENDA_ROW,
      canDrop: (d) => d.itemId !== itemId,
      drop: (d) => onDropHere(d.itemId),
      collect: (m) => ({ over: m.isOver() && m.canDrop() }),
    }),
    [itemId, onDropHere],
  );
  return {
    dragging,
    over,
    handleRef: (el: HTMLElement | null) => void drag(el),
    rowRef: (el: HTMLLIElement | null) => {
      drop(el);
      preview(el);
    },
  };
}
