import { sendCommand, useSession } from '../../store.js';
import { durationText } from '../landing/templateSearch.js';
import { AgendaRow } from './AgendaRow.js';
import { AddItemForm } from './AddItemForm.js';
import { useAgendaMoves } from './agendaMove.js';
import { FlowDnd } from '../../modules/flow/dnd.js';

/** The agenda: where we are, planned versus actual time, and editing the plan during the day. */
export function AgendaPanel({ onCollapse }: { onCollapse?: () => void }) {
  const agenda = useSession((s) => s.state.agenda);
  const currentItemId = useSession((s) => s.state.currentItemId);
  const planned = usePlannedMinutes();
  const { said, move } = useAgendaMoves(agenda.length);
  return (
    <section className="console-agenda console-agenda--full stack" aria-labelledby="agenda-heading">
      <div className="section-head">
        <h2 id="agenda-heading">Agenda</h2>
        <span className="muted" data-testid="agenda-planned">
          {durationText(planned)} planned
        </span>
        {onCollapse && (
          <button type="button" className="small" aria-expanded onClick={onCollapse}>
            Fold to a list
          </button>
        )}
      </div>
      <AgendaSteps />
      {agenda.length === 0 ? (
        <p className="muted">The agenda is empty. Add a first item below.</p>
      ) : (
        <FlowDnd>
          <p className="muted small-print" id="agenda-reorder-help">
            Drag a row by its handle, or press Alt+Arrow up or down on any control of a row, to reorder.
          </p>
          <ol className="agenda-list" aria-describedby="agenda-reorder-help">
            {agenda.map((item, i) => (
              <AgendaRow
                key={item.id}
                item={item}
                index={i}
                count={agenda.length}
                current={item.id === currentItemId}
                onMove={(to) => void move(item, to)}
                onDropHere={(draggedId) => {
                  const dragged = agenda.find((d) => d.id === draggedId);
                  if (dragged) void move(dragged, i);
                }}
              />
            ))}
          </ol>
        </FlowDnd>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="agenda-said">
        {said}
      </p>
      <AddItemForm onAdd={(item) => void sendCommand({ type: 'agenda.addItem', payload: { item } })} />
    </section>
  );
}

/** Previous and next item: the two moves of the day, in the full agenda and in the side list alike. */
export function AgendaSteps() {
  const count = useSession((s) => s.state.agenda.length);
  const index = useSession((s) => s.state.agenda.findIndex((i) => i.id === s.state.currentItemId));
  return (
    <div className="button-row">
      <button type="button" disabled={index <= 0} onClick={() => void sendCommand({ type: 'agenda.previous', payload: {} })}>
        Previous item
      </button>
      <button type="button" className="primary" disabled={index >= count - 1} onClick={() => void sendCommand({ type: 'agenda.next', payload: {} })}>
        Next item
      </button>
    </div>
  );
}

/** The agenda's planned minutes in all. */
export const usePlannedMinutes = (): number => useSession((s) => s.state.agenda.reduce((sum, i) => sum + i.plannedMinutes, 0));
