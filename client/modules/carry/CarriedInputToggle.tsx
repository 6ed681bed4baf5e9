import type { AgendaItem, ItemInput } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';

const CHOICES: readonly [ItemInput, string][] = [
  ['notes', 'Nothing else'],
  ['carried', 'Carried items, ranked with dots'],
  ['vision', 'Mission, vision, values, carried items'],
];

const inputOf = (value: string): ItemInput => CHOICES.find(([v]) => v === value)?.[0] ?? 'notes';

/** The item setting: what this item shows on every screen besides its own board (the items carried forward, the vision context). */
export function CarriedInputToggle({ item }: { item: AgendaItem }) {
  return (
    <label className="item-input">
      Also show on this item{' '}
      <select
        value={item.input ?? 'notes'}
        onChange={(e) => void sendCommand({ type: 'agenda.updateItem', payload: { itemId: item.id, patch: { input: inputOf(e.target.value) } } })}
      >
        {CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
