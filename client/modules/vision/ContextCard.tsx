import type { AgendaItem } from '../../../shared/session/state.js';
import { sendCommand } from '../../store.js';
import { ContextDisplay } from './ContextDisplay.js';
import { ContextForm } from './ContextForm.js';
import { useCarried, useVisionContext } from './useVision.js';

/** The console's "Where we are now": the session's context, the same on every vision item, and its form. */
export function ContextCard({ item }: { item: AgendaItem }) {
  const context = useVisionContext();
  const carried = useCarried();
  const empty = !context.mission && !context.vision && !context.values;
  return (
    <section className="card stack" aria-labelledby={`vision-context-${item.id}`}>
      <h2 id={`vision-context-${item.id}`}>Where we are now</h2>
      <ContextDisplay {...context} carried={carried} layout="console" />
      <details open={empty}>
        <summary>Edit mission, vision, values and carried items (for the whole session)</summary>
        <ContextForm context={context} onSave={(c) => void sendCommand({ type: 'vision.setContext', payload: { itemId: item.id, ...c } })} />
      </details>
    </section>
  );
}

/** The phone's context, a tap away. */
export function PhoneContext({ open }: { open: boolean }) {
  const context = useVisionContext();
  const carried = useCarried();
  return (
    <details className="phone-card" open={open}>
      <summary>Where we are now: mission, vision, values</summary>
      <ContextDisplay {...context} carried={carried} layout="phone" />
    </details>
  );
}
