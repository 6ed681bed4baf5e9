import type { AgendaItem } from '../../../shared/session/state.js';
import { dictGet } from '../../../shared/session/dict.js';
import { noteById, notesOfItem } from '../../../shared/session/notes.js';
import { flowOf } from '../../../shared/modules/flow/flow.state.js';
import type { SpotlightTarget } from '../../../shared/modules/spotlight/spotlight.state.js';
import { useSession } from '../../store.js';
import { PAGES_CLASS } from '../../views/board/useBoardPages.js';

/** The spotlit note or group of this item, if the facilitator put one on the board. */
export function useSpotlight(item: AgendaItem | undefined): SpotlightTarget | null {
  const target = useSession((s) => s.state.boardDisplay?.target);
  return item && target?.itemId === item.id ? target : null;
}

/** One note, or one group with its notes, large on the board; gone notes show nothing rather than a stale text. */
export function BoardSpotlight({ target }: { target: SpotlightTarget }) {
  const state = useSession((s) => s.state);
  if (target.kind === 'note') {
    const note = noteById(state, target.id);
    return (
      <figure className="board-spotlight" aria-label="In the spotlight">
        <figcaption className="board-spotlight-label">In the spotlight</figcaption>
        <blockquote className={`board-spotlight-text ${PAGES_CLASS}`}>{note?.text ?? 'This note is no longer on the board.'}</blockquote>
      </figure>
    );
  }
  const group = dictGet(flowOf(state, target.itemId).groups, target.id);
  const notes = notesOfItem(state, target.itemId).filter((n) => n.groupId === target.id);
  return (
    <figure className="board-spotlight" aria-label="In the spotlight">
      <figcaption className="board-spotlight-label">In the spotlight: {group?.name || 'a group'}</figcaption>
      <ul className={`board-spotlight-notes ${PAGES_CLASS}`}>
        {notes.map((n) => (
          <li key={n.id}>{n.text}</li>
        ))}
      </ul>
    </figure>
  );
}
