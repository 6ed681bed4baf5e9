import { useId, useMemo, useState } from 'react';
import type { ModuleScreenProps } from '../types.js';
import { sendCommand, useSession } from '../../store.js';
import { MAX_THEMES, type Theme } from '../../../shared/modules/workgroup/workgroup.state.js';
import { count } from '../../../shared/report/format.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { TextLineForm } from './TextLineForm.js';
import { promotable } from './promotable.js';
import { useWorkGroups } from './useWorkGroups.js';

/** One theme on the console: its title, rename, up and down, remove. */
function ThemeRow({ theme, index, last }: { theme: Theme; index: number; last: number }) {
  const [editing, setEditing] = useState(false);
  const move = (toIndex: number) => void sendCommand({ type: 'workgroup.moveTheme', payload: { themeId: theme.id, toIndex } });
  if (editing)
    return (
      <li className="wg-theme-row">
        <TextLineForm
          label={`Rename theme ${index + 1}`}
          submitLabel="Save"
          what="A theme"
          initial={theme.title}
          onCancel={() => setEditing(false)}
          onSubmit={(title) => {
            setEditing(false);
            if (title !== theme.title) void sendCommand({ type: 'workgroup.renameTheme', payload: { themeId: theme.id, title } });
          }}
        />
      </li>
    );
  return (
    <li className="wg-theme-row">
      <span className="wg-theme-num">{index + 1}</span>
      <span className="wg-theme-title">{theme.title}</span>
      {theme.source && <span className="muted">promoted</span>}
      <span className="button-row">
        <button type="button" className="small" aria-label={`Move "${theme.title}" up`} disabled={index === 0} onClick={() => move(index - 1)}>
          Up
        </button>
        <button type="button" className="small" aria-label={`Move "${theme.title}" down`} disabled={index === last} onClick={() => move(index + 1)}>
          Down
        </button>
        <button type="button" className="small" aria-label={`Rename "${theme.title}"`} onClick={() => setEditing(true)}>
          Rename
        </button>
        <button type="button" className="small danger" aria-label={`Remove "${theme.title}"`} onClick={() => void sendCommand({ type: 'workgroup.removeTheme', payload: { themeId: theme.id } })}>
          Remove
        </button>
      </span>
    </li>
  );
}

/** Promote a note or a cluster of an earlier item (the findings discussion) to a theme. */
function PromoteForm({ itemId, disabled }: { itemId: string; disabled: boolean }) {
  const id = useId();
  const state = useSession((s) => s.state);
  const items = useMemo(() => promotable(state, itemId), [state, itemId]);
  const [choice, setChoice] = useState('');
  if (items.length === 0) return <p className="muted">No notes or clusters on earlier items to promote yet.</p>;
  const all = items.flatMap((p) => p.options);
  const chosen = all.find((o) => o.source === choice);
  return (
    <form
      className="wg-line-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) return;
        void sendCommand({ type: 'workgroup.addTheme', payload: { title: chosen.title.trim().slice(0, LIMITS.noteText), source: chosen.source } });
        setChoice('');
      }}
    >
      <label htmlFor={id}>Promote a note or a cluster of an earlier item</label>
      <div className="wg-line-row">
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a note or cluster…</option>
          {items.map((p) => (
            <optgroup key={p.item.id} label={p.item.title}>
              {p.options.map((o) => (
                <option key={o.source} value={o.source}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" className="small" disabled={disabled || !chosen}>
          Promote to theme
        </button>
      </div>
    </form>
  );
}

/** The console sets the 3-5 major themes: typed, or promoted from an earlier item; renamed, reordered, removed. */
export function ThemesConsole({ item }: ModuleScreenProps) {
  const { themes } = useWorkGroups();
  const full = themes.length >= MAX_THEMES;
  return (
    <section className="card stack" aria-labelledby="wg-themes-heading">
      <div className="section-head">
        <h2 id="wg-themes-heading">Major themes</h2>
        <span className={themes.length >= 3 && themes.length <= 5 ? 'muted' : 'notice'}>
          {count(themes.length, 'theme')} · aim for 3 to 5
        </span>
      </div>
      {themes.length === 0 ? (
        <p className="muted">No themes yet. Type one, or promote a note or a cluster of the findings discussion.</p>
      ) : (
        <ol className="wg-theme-list">
          {themes.map((t, i) => (
            <ThemeRow key={t.id} theme={t} index={i} last={themes.length - 1} />
          ))}
        </ol>
      )}
      {full ? (
        <p className="notice">At most {MAX_THEMES} themes: remove one to add another.</p>
      ) : (
        <TextLineForm label="New theme" submitLabel="Add theme" what="A theme" onSubmit={(title) => void sendCommand({ type: 'workgroup.addTheme', payload: { title } })} />
      )}
      <PromoteForm itemId={item.id} disabled={full} />
    </section>
  );
}
