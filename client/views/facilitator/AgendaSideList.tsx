import { sendCommand, useSession } from '../../store.js';
import { durationText } from '../landing/templateSearch.js';
import { lateCount, useLateEntries } from '../../late.js';
import { AgendaSteps, usePlannedMinutes } from './AgendaPanel.js';

/**
 * The agenda folded to a side list: every item's title to go to it, where we are, and late input waiting. Editing the
 * plan (retime, reorder, add, remove) opens the full agenda.
 */
export function AgendaSideList({ onExpand }: { onExpand: () => void }) {
  const agenda = useSession((s) => s.state.agenda);
  const currentItemId = useSession((s) => s.state.currentItemId);
  const late = useLateEntries().filter((e) => e.status === 'pending');
  const planned = usePlannedMinutes();
  return (
    <nav className="console-agenda agenda-side stack" aria-labelledby="agenda-heading">
      <div className="section-head">
        <h2 id="agenda-heading">Agenda</h2>
        <button type="button" className="small" aria-expanded={false} onClick={onExpand}>
          Edit agenda
        </button>
      </div>
      <p className="muted" data-testid="agenda-planned">
        {agenda.length} items · {durationText(planned)} planned
      </p>
      <AgendaSteps />
      <ol className="agenda-side-list">
        {agenda.map((item, i) => {
          const lateHere = late.filter((e) => e.itemId === item.id);
          const current = item.id === currentItemId;
          return (
            <li key={item.id} className={current ? 'agenda-side--current' : undefined} aria-current={current ? 'step' : undefined}>
              <button
                type="button"
                className="agenda-side-item"
                aria-label={`Go to ${item.title}`}
                onClick={() => void sendCommand({ type: 'agenda.goto', payload: { itemId: item.id } })}
              >
                <span className="agenda-index">{i + 1}.</span> {item.title} <span className="muted">{item.plannedMinutes} min</span>
              </button>
              {lateHere.length > 0 && <span className="late-badge">{lateCount(lateHere)}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
