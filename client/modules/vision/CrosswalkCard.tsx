import type { AgendaItem } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';
import { CrosswalkTally } from './CrosswalkTally.js';
import { useVision } from './useVision.js';

/** The console's crosswalk: open or close it, and the room's tally. */
export function CrosswalkCard({ item }: { item: AgendaItem }) {
  const v = useVision(item.id);
  const open = v.crosswalk.open;
  return (
    <section className="card stack" aria-labelledby={`vision-crosswalk-${item.id}`}>
      <div className="section-head">
        <h2 id={`vision-crosswalk-${item.id}`}>CFSR crosswalk {open ? '(open)' : ''}</h2>
        <button
          type="button"
          className={open ? undefined : 'primary'}
          onClick={() => void sendCommand({ type: 'vision.openCrosswalk', payload: { itemId: item.id, open: !open } })}
        >
          {open ? 'Close crosswalk' : 'Open crosswalk'}
        </button>
      </div>
      <CrosswalkTally tally={v.crosswalk.tally} layout="console" />
    </section>
  );
}
