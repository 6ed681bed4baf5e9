import { capacityText } from './model.js';

export interface PickableGroup {
  id: string;
  name: string;
  theme: string | null;
  count: number;
  capacity: number | null;
}

export interface GroupPickerProps {
  groups: PickableGroup[];
  /** Participants pick their own group (false: the facilitator assigns everyone). */
  selfSelect: boolean;
  onJoin: (workGroupId: string) => void;
}

/** A phone in no group: pick one (with its room: "4 of 6"; a full group is disabled and says so), or wait. */
export function GroupPicker({ groups, selfSelect, onJoin }: GroupPickerProps) {
  if (groups.length === 0)
    return (
      <section className="phone-card stack" aria-label="Work groups">
        <h2>Work groups</h2>
        <p>The facilitator has not made the work groups yet. This page updates by itself.</p>
      </section>
    );
  if (!selfSelect)
    return (
      <section className="phone-card stack" aria-label="Work groups">
        <h2>Work groups</h2>
        <p>The facilitator will assign you to a work group.</p>
      </section>
    );
  return (
    <section className="phone-card stack" aria-labelledby="wg-pick-heading">
      <h2 id="wg-pick-heading">Pick your work group</h2>
      <ul className="wg-pick-list">
        {groups.map((g) => {
          const full = g.capacity !== null && g.count >= g.capacity;
          const why = `wg-pick-why-${g.id}`;
          return (
            <li key={g.id}>
              <button
                type="button"
                className="wg-pick"
                disabled={full}
                aria-describedby={why}
                aria-label={`Join ${g.name}`}
                onClick={() => onJoin(g.id)}
              >
                <span className="wg-pick-name">{g.name}</span>
                {g.theme && g.theme !== g.name && <span className="wg-pick-theme">{g.theme}</span>}
                <span id={why} className="wg-pick-room">
                  {capacityText(g.count, g.capacity)}
                  {full ? ' · Full: ask the facilitator to move you' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="muted">Not sure? The facilitator can also assign you.</p>
    </section>
  );
}
