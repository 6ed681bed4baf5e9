import { ConfirmAction } from '../../components/ConfirmAction.js';
import { sendCommand, useSession } from '../../store.js';

/** "25 Nov 2027": day, short month and year, the same on every facilitator's machine. */
export const retentionDate = (ms: number): string =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export interface SessionLifecyclePanelProps {
  keptUntil: number | null;
  ended: boolean;
  onEnd: () => void;
  onDelete: () => void;
}

/** How long the session is kept, and the two ways it stops: end (read-only) and delete (gone for good). */
export function SessionLifecyclePanel({ keptUntil, ended, onEnd, onDelete }: SessionLifecyclePanelProps) {
  return (
    <section className="card stack" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">Session</h2>
      {keptUntil !== null && (
        <p className="muted" data-testid="kept-until">
          Kept until {retentionDate(keptUntil)}. Any activity moves this date on; after it, the session and
          everything in it are deleted.
        </p>
      )}
      {ended ? (
        <p>This session has ended: everyone still sees the results, nothing can change.</p>
      ) : (
        <ConfirmAction
          label="End session"
          question="End the session now? Every screen keeps showing the results, but nothing can be added or changed any more."
          confirmLabel="End the session"
          onConfirm={onEnd}
        />
      )}
      <ConfirmAction
        label="Delete session"
        question="Delete this session and everything in it for good? Every screen is closed, and this cannot be undone."
        confirmLabel="Delete for good"
        onConfirm={onDelete}
        danger
      />
    </section>
  );
}

export function SessionLifecycle() {
  const keptUntil = useSession((s) => s.keptUntil);
  const ended = useSession((s) => s.state.endedAt !== undefined);
  return (
    <SessionLifecyclePanel
      keptUntil={keptUntil}
      ended={ended}
      onEnd={() => void sendCommand({ type: 'session.end', payload: {} })}
      onDelete={() => void sendCommand({ type: 'session.delete', payload: {} })}
    />
  );
}
