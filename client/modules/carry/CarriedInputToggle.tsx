import type { AgendaItem } from '../../../shared/session/state.js';
import { takesCarried } from '../../../shared/modules/carry/carry.state.js';
import { sendCommand } from '../../store.js';

/** The item setting: whether this item shows the items carried forward (ranked, with their dots) on every screen. */
export function CarriedInputToggle({ item }: { item: AgendaItem }) {
  const on = takesCarried(item);
  return (
    <label className="carry-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={() => void sendCommand({ type: 'agenda.updateItem', payload: { itemId: item.id, patch: { input: on ? 'notes' : 'carried' } } })}
      />
      Show the items carried forward on this item
    </label>
  );
}
