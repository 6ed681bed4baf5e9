import { UNDO_MS } from '../../../shared/session/undo.js';
import { serverNow, sendCommand, useSession } from '../../store.js';
import { useTicker } from '../../components/useTicker.js';

/** "Deleted. Undo" for each note the console deleted in the last 10 seconds, on whichever board it was. */
export function UndoDeletes() {
  const deleted = useSession((s) => s.state.recentlyDeleted);
  const entries = Object.values(deleted ?? {});
  useTicker(500, entries.length > 0);
  const now = serverNow();
  const open = entries.filter((d) => now - d.at < UNDO_MS).sort((a, b) => b.at - a.at);
  if (!open.length) return null;
  return (
    <ul className="undo-deletes" aria-live="polite">
      {open.map(({ note, at }) => (
        <li key={note.id} className="undo-toast">
          <span>
            Deleted <q>{note.text.length > 60 ? `${note.text.slice(0, 57)}…` : note.text}</q>.
          </span>{' '}
          <button type="button" onClick={() => void sendCommand({ type: 'note.restore', payload: { noteId: note.id } })}>
            Undo
          </button>{' '}
          <span className="muted">{Math.max(1, Math.ceil((UNDO_MS - (now - at)) / 1000))} s</span>
        </li>
      ))}
    </ul>
  );
}
