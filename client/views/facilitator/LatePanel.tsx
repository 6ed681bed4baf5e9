import { useMemo } from 'react';
import type { LateEntry } from '../../../shared/modules/late/late.state.js';
import { acceptDecision } from '../../../shared/modules/late/late.logic.js';
import { decideContext } from '../../../shared/modules/registry.js';
import type { SessionState } from '../../../shared/session/state.js';
import { describeInput, lateCount, useLateEntries } from '../../late.js';
import { sendCommand, serverNow, useSession } from '../../store.js';
import { clip } from '../../modules/flow/model.js';
import { acceptLateLabel } from '../../modules/registry.js';


/**
 * Input that reached the server after its step closed, per agenda item: the facilitator adds each to the board
 * (Accept is offered only where the rules still allow it; otherwise the reason is shown) or dismisses it.
 */
export function LatePanel() {
  const entries = useLateEntries();
  const state = useSession((s) => s.state);
  const byItem = useMemo(() => {
    const groups = new Map<string, LateEntry[]>();
    for (const e of entries) if (e.status === 'pending') groups.set(e.itemId, [...(groups.get(e.itemId) ?? []), e]);
    return [...groups.entries()];
  }, [entries]);
  const decided = entries.filter((e) => e.status !== 'pending');
  if (entries.length === 0) return null;
  const title = (itemId: string) => state.agenda.find((i) => i.id === itemId)?.title ?? 'A removed agenda item';

  return (
    <section className="card stack late-panel" aria-labelledby="late-panel-heading">
      <h2 id="late-panel-heading">Late input</h2>
      <p className="muted">Sent from phones after their step had closed. Only you and each author see these until you add them.</p>
      {byItem.length === 0 && <p>Nothing waiting.</p>}
      {byItem.map(([itemId, list]) => (
        <div key={itemId} className="stack">
          <h3>
            {title(itemId)}: {lateCount(list)}
          </h3>
          <ul className="note-list">
            {list.map((e) => (
              <LateRow key={e.id} entry={e} state={state} />
            ))}
          </ul>
        </div>
      ))}
      {decided.length > 0 && (
        <details>
          <summary>Decided ({decided.length})</summary>
          <ul className="note-list">
            {decided.map((e) => (
              <li key={e.id} className={`note note--late note--${e.status}`}>
                <p className="note-text">{describeInput(state, e.input)}</p>
                <p className="note-author">
                  {e.authorName} · {title(e.itemId)} · {e.status === 'accepted' ? 'added' : 'dismissed'}
                </p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function LateRow({ entry, state }: { entry: LateEntry; state: SessionState }) {
  const text = describeInput(state, entry.input);
  const check = acceptDecision(state, entry, decideContext(serverNow(), () => 'preview'));
  const decide = (type: 'late.accept' | 'late.dismiss') => void sendCommand({ type, payload: { entryId: entry.id } });
  return (
    <li className="note note--late" data-testid="late-entry">
      <div className="note-body">
        <p className="note-text">{text}</p>
        <p className="note-author">
          {[entry.authorName, entry.input.type === 'note.add' ? entry.input.payload.column : null, entry.reason].filter(Boolean).join(' · ')}
        </p>
        {!check.ok && <p className="note-state">Cannot be added now: {check.error.message}</p>}
        <div className="button-row">
          {check.ok && (
            <button type="button" className="small" aria-label={`${acceptLateLabel(entry.input)}: ${clip(text, 40)}`} onClick={() => decide('late.accept')}>
              {acceptLateLabel(entry.input)}
            </button>
          )}
          <button type="button" className="small danger" aria-label={`Dismiss: ${clip(text, 40)}`} onClick={() => decide('late.dismiss')}>
            Dismiss
          </button>
        </div>
      </div>
    </li>
  );
}
