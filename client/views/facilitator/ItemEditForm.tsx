import { useState, type FormEvent } from 'react';
import type { AgendaItemPatch } from '../../../shared/protocol/agenda.schema.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { kindOf, type ModuleType } from '../../../shared/modules/registry.js';
import type { AgendaItem } from '../../../shared/session/state.js';
import { FormActions } from '../../components/FormActions.js';

/** The kinds whose module offers a starter list (the values survey's values, the eco-map's partners, the groups' themes). */
const TAKES_STARTER: ReadonlySet<ModuleType> = new Set<ModuleType>(['values', 'ecomap', 'workgroups', 'themes']);

const lines = (s: string): string[] => s.split('\n').map((c) => c.trim()).filter(Boolean);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What is wrong with the edited fields, in our words, or null. */
export function editProblem(title: string, cols: string[], starter: string[]): string | null {
  if (!title.trim()) return 'An agenda item needs a title.';
  if (title.trim().length > LIMITS.title) return `A title can be at most ${LIMITS.title} characters.`;
  if (cols.length > LIMITS.columns) return `A board can have at most ${LIMITS.columns} columns.`;
  if (cols.some((c) => c.length > LIMITS.columnName)) return `A column name can be at most ${LIMITS.columnName} characters.`;
  if (starter.length > LIMITS.starterEntries) return `A starter list holds at most ${LIMITS.starterEntries} entries.`;
  if (starter.some((c) => c.length > LIMITS.starterEntry)) return `A starter entry can be at most ${LIMITS.starterEntry} characters.`;
  return null;
}

/** Edits an item's title, prompt, facilitator notes, columns and starter list; only what changed is sent. */
export function ItemEditForm({ item, onSave, onClose }: { item: AgendaItem; onSave: (patch: AgendaItemPatch) => Promise<string | null>; onClose: () => void }) {
  const kind = kindOf(item.moduleType);
  const [title, setTitle] = useState(item.title);
  const [prompt, setPrompt] = useState(item.prompt);
  const [notes, setNotes] = useState(item.facilitatorNotes);
  const [columns, setColumns] = useState(item.columns.join('\n'));
  const [starter, setStarter] = useState((item.starter ?? []).join('\n'));
  const [error, setError] = useState<string | null>(null);
  const id = (f: string) => `edit-${f}-${item.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const cols = lines(columns);
    const start = lines(starter);
    const problem = editProblem(title, cols, start);
    if (problem) return setError(problem);
    const patch: AgendaItemPatch = {
      ...(title.trim() !== item.title ? { title: title.trim() } : {}),
      ...(prompt.trim() !== item.prompt ? { prompt: prompt.trim() } : {}),
      ...(notes.trim() !== item.facilitatorNotes ? { facilitatorNotes: notes.trim() } : {}),
      ...(kind.hasBoard && cols.length > 0 && !same(cols, item.columns) ? { columns: cols } : {}),
      ...(TAKES_STARTER.has(item.moduleType) && !same(start, item.starter ?? []) ? { starter: start } : {}),
    };
    if (Object.keys(patch).length === 0) return onClose();
    const refused = await onSave(patch);
    if (refused) return setError(refused);
    onClose();
  };

  return (
    <form className="card stack item-edit" onSubmit={(e) => void submit(e)} noValidate aria-label={`Edit ${item.title}`}>
      <div className="field">
        <label htmlFor={id('title')}>Title</label>
        <input id={id('title')} value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={id('prompt')}>Prompt (participants see it)</label>
        <textarea id={id('prompt')} rows={3} maxLength={LIMITS.itemText} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={id('notes')}>Facilitator notes</label>
        <textarea id={id('notes')} rows={3} maxLength={LIMITS.itemText} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      {kind.hasBoard && (
        <div className="field">
          <label htmlFor={id('columns')}>Board columns (one per line)</label>
          <textarea id={id('columns')} rows={3} value={columns} placeholder={kind.defaultColumns.join('\n')} onChange={(e) => setColumns(e.target.value)} />
        </div>
      )}
      {TAKES_STARTER.has(item.moduleType) && (
        <div className="field">
          <label htmlFor={id('starter')}>Starter list (one per line; empty: the module’s own)</label>
          <textarea id={id('starter')} rows={3} value={starter} onChange={(e) => setStarter(e.target.value)} />
        </div>
      )}
      <FormActions error={error} submitLabel="Save changes" onCancel={onClose} />
    </form>
  );
}
