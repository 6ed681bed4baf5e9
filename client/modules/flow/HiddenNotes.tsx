import type { CommandInput } from '../../../shared/protocol/commands.js';
import type { Phase } from '../../../shared/modules/flow/flow.state.js';
import { notesOfItem } from '../../../shared/session/notes.js';
import type { SessionState } from '../../../shared/session/state.js';
import { ModerateNote } from './ModerateNote.js';

export interface HiddenNotesProps {
  state: SessionState;
  itemId: string;
  /** The console: every hidden note, with "Show to the room" at any step, and where the commands go. */
  console?: { phase: Phase; onCommand: (c: CommandInput) => void };
}

/** What "Show to the room" does now, said before the facilitator presses it. */
export function showingSays(phase: Phase): string {
  switch (phase) {
    case 'brainstorm':
      return 'Show to the room: it stays private to its author, like every note, until you reveal.';
    case 'reveal':
    case 'cluster':
      return 'Show to the room: it appears at once on the board and every phone, in its column, without a name. No need to step back.';
    case 'vote':
      return 'Show to the room: it appears at once on the board and every phone, in its column, without a name, and people can vote for it from now on.';
    case 'results':
      return 'Show to the room: it joins the results at once, with no dots (the vote is over), on the board, every phone and the report.';
  }
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
      {onConsole && <p className="muted">{showingSays(onConsole.phase)}</p>}
      <ul className="note-list">
        {hidden.map((n) => (
          <li key={n.id} className="note note--hidden">
            <p className="note-text">{n.text}</p>
            {onConsole && <ModerateNote note={n} onCommand={onConsole.onCommand} />}
            {onConsole && (
              <button
                type="button"
                className="small"
                aria-label={`Show to the room: ${n.text.slice(0, 30)}`}
                onClick={() => onConsole.onCommand({ type: 'flow.hide', payload: { noteId: n.id, hidden: false } })}
              >
                Show to the room
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
