import { useState, type FormEvent } from 'react';
import type { CommandOf } from '../../../shared/protocol/commands.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { kindOf, MODULE_TYPES, type ModuleType } from '../../../shared/modules/registry.js';
import { FormActions } from '../../components/FormActions.js';

export type NewAgendaItem = CommandOf<'agenda.addItem'>['payload']['item'];

/** Adds an agenda item at the end. Columns are one per line, for items that take notes. */
export function AddItemForm({ onAdd }: { onAdd: (item: NewAgendaItem) => void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [type, setType] = useState<ModuleType>('discussion');
  const [prompt, setPrompt] = useState('');
  const [notes, setNotes] = useState('');
  const [columns, setColumns] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  // Open boards (no module with note rules of its own) may take anonymous notes; brainstorms always do.
  const openBoard = kindOf(type).hasBoard && kindOf(type).runs.length === 0;
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(minutes);
    const cols = columns.split('\n').map((c) => c.trim()).filter(Boolean);
    if (!title.trim()) return setError('An agenda item needs a title.');
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.plannedMinutes)
      return setError(`Minutes must be a whole number from 1 to ${LIMITS.plannedMinutes}.`);
    if (cols.length > LIMITS.columns) return setError(`A board can have at most ${LIMITS.columns} columns.`);
    if (cols.some((c) => c.length > LIMITS.columnName))
      return setError(`A column name can be at most ${LIMITS.columnName} characters.`);
    onAdd({
      title: title.trim(),
      plannedMinutes: n,
      moduleType: type,
      prompt: prompt.trim(),
      facilitatorNotes: notes.trim(),
      ...(kindOf(type).hasBoard && cols.length ? { columns: cols } : {}),
      ...(openBoard && anonymous ? { anonymous: true } : {}),
    });
    setTitle('');
    setPrompt('');
    setNotes('');
    setColumns('');
    setAnonymous(false);
    setError(null);
  };

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add agenda item…
      </button>
    );

  return (
    <form className="card stack add-item" onSubmit={submit} noValidate aria-labelledby="add-item-heading">
      <h3 id="add-item-heading">Add agenda item</h3>
      <div className="field">
        <label htmlFor="item-title">Item title</label>
        <input id="item-title" value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="item-minutes">Minutes</label>
          <input id="item-minutes" type="number" min={1} max={LIMITS.plannedMinutes} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="item-type">Type</label>
          <select id="item-type" value={type} onChange={(e) => setType(e.target.value as ModuleType)}>
            {MODULE_TYPES.map((t) => (
              <option key={t} value={t}>
                {kindOf(t).label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="item-prompt">Prompt</label>
        <textarea id="item-prompt" rows={2} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="item-notes">Facilitator notes</label>
        <textarea id="item-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {kindOf(type).hasBoard && (
        <div className="field">
          <label htmlFor="item-columns">Board columns (one per line)</label>
          <textarea
            id="item-columns"
            rows={3}
            value={columns}
            placeholder={kindOf(type).defaultColumns.join('\n')}
            onChange={(e) => setColumns(e.target.value)}
          />
        </div>
      )}
      {openBoard && (
        <label className="checkbox">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Anonymous notes (only each author and
          you see who wrote a note)
        </label>
      )}
      <FormActions error={error} submitLabel="Add item" onCancel={() => setOpen(false)} cancelLabel="Close" />
    </form>
  );
}
