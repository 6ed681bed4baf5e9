import type { AgendaItem } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';

/** An open board's "anonymous" setting on the console; it applies to notes posted from then on. */
export function AnonymousNotes({ item, notes }: { item: AgendaItem; notes: number }) {
  const on = !!item.anonymous;
  return (
    <div className="anonymous-setting">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          onChange={() => void sendCommand({ type: 'agenda.updateItem', payload: { itemId: item.id, patch: { anonymous: !on } } })}
        />{' '}
        Anonymous notes
      </label>
      <p className="muted">
        {on ? 'Only each author and you see who wrote a note.' : 'Notes show their author’s name to the room.'}
        {notes > 0 && ' A change applies to notes posted from now on; notes already posted keep how they were posted.'}
      </p>
    </div>
  );
}
