import type { SpotlightTarget } from '../../../shared/modules/spotlight/spotlight.state.js';
import { sendCommand, useSession } from '../../store.js';

const same = (a: SpotlightTarget | undefined, b: SpotlightTarget): boolean => !!a && a.itemId === b.itemId && a.kind === b.kind && a.id === b.id;

/** The facilitator's button on a note, group or result: put it large on the board, or take it off again. */
export function SpotlightButton({ target, label }: { target: SpotlightTarget; label: string }) {
  const on = useSession((s) => same(s.state.boardDisplay?.target, target));
  return (
    <button
      type="button"
      className="small spotlight-button"
      aria-pressed={on}
      aria-label={on ? `Take "${label.slice(0, 40)}" off the board` : `Spotlight "${label.slice(0, 40)}" on the board`}
      onClick={() => void sendCommand(on ? { type: 'spotlight.clear', payload: {} } : { type: 'spotlight.show', payload: { target } })}
    >
      {on ? 'On the board' : 'Spotlight'}
    </button>
  );
}
