import { useEffect, useState, type FormEvent } from 'react';
import type { AgendaItem } from '../../../shared/session/state.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { kindOf } from '../../../shared/modules/registry.js';
import { runElapsed } from '../../../shared/session/timer.js';
import { onItemMsOf } from '../../../shared/session/itemTime.js';
import { useShallow } from 'zustand/react/shallow';
import { sendCommand, serverNow, useSession } from '../../store.js';
import { useTicker } from '../../components/useTicker.js';
import { dictGet } from '../../../shared/session/dict.js';
import { lateCount, useLateEntries } from '../../late.js';
import { rowKeyMove, useAgendaRowDnd } from './agendaMove.js';
import { ItemEditForm } from './ItemEditForm.js';

const minutes = (ms: number) => Math.round(ms / 60_000);

export interface AgendaRowProps {
  item: AgendaItem;
  index: number;
  count: number;
  current: boolean;
  /** Moves this item to a position (0-based); the panel says where it went. */
  onMove: (toIndex: number) => void;
  /** Another row was dropped on this one: it takes this one's place. */
  onDropHere: (draggedId: string) => void;
}

export function AgendaRow({ item, index, count, current, onMove, onDropHere }: AgendaRowProps) {
  const dnd = useAgendaRowDnd(item.id, onDropHere);
  const [editing, setEditing] = useState(false);
  const actualMs = useSession((s) => dictGet(s.state.actualMs, item.id) ?? 0);
  const timer = useSession((s) => (s.state.timer.itemId === item.id ? s.state.timer : null));
  const itemTime = useSession(useShallow((s) => ({ onItemMs: s.state.onItemMs, enteredAt: s.state.enteredAt, currentItemId: s.state.currentItemId, endedAt: s.state.endedAt })));
  useTicker(1000, timer?.status === 'running' || current);
  const lateHere = useLateEntries().filter((e) => e.itemId === item.id && e.status === 'pending');
  const actual = actualMs + (timer ? runElapsed(timer, serverNow()) : 0);
  const onItem = onItemMsOf(itemTime, item.id, serverNow());
  const [retime, setRetime] = useState(String(item.plannedMinutes));
  const [retimeError, setRetimeError] = useState<string | null>(null);
  useEffect(() => setRetime(String(item.plannedMinutes)), [item.plannedMinutes]);

  const saveRetime = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(retime);
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.plannedMinutes)
      return setRetimeError(`Minutes must be a whole number from 1 to ${LIMITS.plannedMinutes}.`);
    setRetimeError(null);
    if (n !== item.plannedMinutes)
      void sendCommand({ type: 'agenda.updateItem', payload: { itemId: item.id, patch: { plannedMinutes: n } } });
  };

  return (
    <li
      ref={dnd.rowRef}
      className={`agenda-row${current ? ' agenda-row--current' : ''}${dnd.dragging ? ' agenda-row--dragging' : ''}${dnd.over ? ' agenda-row--over' : ''}`}
      aria-current={current ? 'step' : undefined}
      onKeyDown={(e) => rowKeyMove(e, index, count, onMove)}
    >
      <span
        ref={dnd.handleRef}
        className="drag-handle"
        title="Drag to reorder, or press Alt+Arrow up or down on any control of the row"
        aria-hidden="true"
      >
        ⠿
      </span>
      <button
        type="button"
        className="agenda-title"
        aria-label={`Go to ${item.title}`}
        onClick={() => void sendCommand({ type: 'agenda.goto', payload: { itemId: item.id } })}
      >
        <span className="agenda-index">{index + 1}.</span> {item.title}
        <span className="agenda-type">{kindOf(item.moduleType).label}</span>
      </button>
      <div className="agenda-meta">
        <span>
          Planned {item.plannedMinutes} min · On the item {minutes(onItem)} min · Timer ran {minutes(actual)} min
          {Math.max(actual, onItem) > item.plannedMinutes * 60_000 && <strong className="over"> (over)</strong>}
        </span>
        {lateHere.length > 0 && <span className="late-badge">{lateCount(lateHere)}</span>}
      </div>
      <div className="agenda-actions">
        <form className="retime" onSubmit={saveRetime} noValidate>
          <label htmlFor={`retime-${item.id}`} className="visually-hidden">
            Planned minutes for {item.title}
          </label>
          <input
            id={`retime-${item.id}`}
            type="number"
            min={1}
            max={LIMITS.plannedMinutes}
            value={retime}
            onChange={(e) => setRetime(e.target.value)}
          />
          <button type="submit" aria-label={`Set minutes for ${item.title}`}>
            Set
          </button>
        </form>
        <button
          type="button"
          aria-label={`Move ${item.title} up`}
          disabled={index === 0}
          aria-keyshortcuts="Alt+ArrowUp"
          onClick={() => onMove(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${item.title} down`}
          disabled={index >= count - 1}
          aria-keyshortcuts="Alt+ArrowDown"
          onClick={() => onMove(index + 1)}
        >
          ↓
        </button>
        <button type="button" aria-expanded={editing} aria-label={`Edit ${item.title}`} onClick={() => setEditing(!editing)}>
          Edit
        </button>
        <button
          type="button"
          className="danger"
          aria-label={`Remove ${item.title}`}
          onClick={() => {
            if (window.confirm(`Remove "${item.title}" from the agenda?`))
              void sendCommand({ type: 'agenda.removeItem', payload: { itemId: item.id } });
          }}
        >
          Remove
        </button>
      </div>
      {editing && (
        <ItemEditForm
          item={item}
          onClose={() => setEditing(false)}
          onSave={async (patch) => {
            const res = await sendCommand({ type: 'agenda.updateItem', payload: { itemId: item.id, patch } });
            return res.ok ? null : res.error.message;
          }}
        />
      )}
      {retimeError && (
        <p role="alert" className="form-error">
          {retimeError}
        </p>
      )}
    </li>
  );
}
