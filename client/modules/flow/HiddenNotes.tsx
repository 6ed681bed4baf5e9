import { notesOfItem } from '../../../shared/session/notes.js';
import type { SessionState } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';
import { ModerateNote } from './ModerateNote.js';

export interface HiddenNotesProps {
  state: SessionState;
  itemId: string;
  /** The console: every hidden note, with "Show to the room" while that is still possible (the brainstorm). */
  console?: { canShow: boolean };
}

/** The notes the facilitator hid from the room: on the console all of them, on a phone its own, said so plainly. */
export function HiddenNotes({ state, itemId, console: onConsole }: HiddenNotesProps) {
  const hidden = notesOfItem(state, itemId).filter((n) => n.withheld);
  if (!hidden.length) return null;
  return (
    <section className={onConsole ? 'hidden-notes stack' : 'phone-card hidden-notes stack'} aria-label="Hidden notes">
      <h3>{onConsole ? `Hidden from the room (${hidden.length})` : 'Hidden by the facilitator'}</h3>
      <p className="muted">
        {onConsole
          ? 'Only you and each note’s author see these. They stay out of the reveal, the vote and the reports.'
          : 'The facilitator hid this from the room: only you and the facilitator see it.'}
      </p>
      <ul className="note-list">
        {hidden.map((n) => (
          <li key={n.id} className="note note--hidden">
            <p className="note-text">{n.text}</p>
            {onConsole && <ModerateNote note={n} />}
            {onConsole?.canShow && (
              <button type="button" className="small" onClick={() => void sendCommand({ type: 'flow.hide', payload: { noteId: n.id, hidden: false } })}>
                Show to the room
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
