import type { ReactNode } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { TouchBackend } from 'react-dnd-touch-backend';

/** Drag item kinds of the cluster board. */
export const DRAG = { note: 'flow-note', group: 'flow-group' } as const;
export interface DraggedNote {
  noteId: string;
  groupId: string | null;
  column: string;
}
export interface DraggedGroup {
  groupId: string;
  column: string;
}

/** Phones and tablets drag by touch; laptops with the mouse (HTML5 drag and drop does not fire on touch). */
export function isTouchDevice(): boolean {
  if (typeof window === 'undefined') return false;
  return 'ontouchstart' in window || (typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches);
}

const touchOptions = { enableMouseEvents: true, delayTouchStart: 150 };

/** The drag-and-drop context of one cluster board, with the backend that fits this device. */
export function FlowDnd({ children }: { children: ReactNode }) {
  return isTouchDevice() ? (
    <DndProvider backend={TouchBackend} options={touchOptions}>
      {children}
    </DndProvider>
  ) : (
    <DndProvider backend={HTML5Backend}>{children}</DndProvider>
  );
}
