import { useMemo } from 'react';
import { lateEntries } from '../../../shared/modules/late/late.logic.js';
import { noteById } from '../../../shared/session/notes.js';
import { useSession } from '../../store.js';

/** A note of this device still on its way to the server (offline, or waiting for the answer). */
export interface SendingNote {
  id: string;
  itemId: string;
  column: string;
  text: string;
}

/** This device's queued notes (of one item, or all) that the session does not hold yet, oldest first. */
export function useSendingNotes(itemId: string | null = null): SendingNote[] {
  const queued = useSession((s) => s.queued);
  const notes = useSession((s) => s.state.notes);
  const late = useSession((s) => s.state.late);
  return useMemo(() => {
    const arrived = new Set(lateEntries({ late }).map((e) => e.commandId));
    return queued.flatMap((q) =>
      q.type === 'note.add' && (itemId === null || q.payload.itemId === itemId) && !noteById({ notes }, q.id) && !arrived.has(q.id)
        ? [{ id: q.id, itemId: q.payload.itemId, column: q.payload.column, text: q.payload.text }]
        : [],
    );
  }, [queued, notes, late, itemId]);
}

/** One sending note in a list of notes: its text stays in view until the server has it. */
export function SendingNoteItem({ note }: { note: SendingNote }) {
  return (
    <li className="note note--mine note--sending">
      <div className="note-body">
        <p className="note-text">{note.text}</p>
        <p className="note-state">Sending…</p>
      </div>
    </li>
  );
}
