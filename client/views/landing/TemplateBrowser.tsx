import { useId, useState } from 'react';
import type { TemplateSummary } from './api.js';
import { RehearseTemplateForm, type RehearsalChoice } from './RehearseTemplateForm.js';
import { TemplatePreview } from './TemplatePreview.js';
import { durationText, searchTemplates, totalMinutes } from './templateSearch.js';

export interface TemplateBrowserProps {
  templates: TemplateSummary[];
  /** Why the list could not be loaded, if it could not. */
  error?: string | null;
  /** Starts a session from the template; with `rehearsal`, a rehearsal with that many simulated participants. */
  onStart: (templateId: string, rehearsal?: RehearsalChoice) => Promise<void>;
}

/** Every template, searchable; each previews in place and starts a session (or a rehearsal of it) in one click. */
export function TemplateBrowser({ templates, error, onStart }: TemplateBrowserProps) {
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [startError, setStartError] = useState<{ id: string; text: string } | null>(null);
  const [rehearseId, setRehearseId] = useState<string | null>(null);
  const searchId = useId();
  const shown = searchTemplates(templates, query);

  const start = async (id: string) => {
    setBusyId(id);
    setStartError(null);
    try {
      await onStart(id);
    } catch (e) {
      setStartError({ id, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="card stack template-browser">
      {/* No accessible name on the section: "Template" alone must keep naming the quick form's select. */}
      <h2>Start from a template</h2>
      <div className="field">
        <label htmlFor={searchId}>Search by title, source or agenda item</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="e.g. eco-map, seed 002, SWOT"
        />
      </div>
      {error && <p className="form-error">Templates could not be loaded: {error}</p>}
      <p className="muted" role="status" aria-live="polite">
        {query.trim() ? `${shown.length} of ${templates.length} templates match.` : `${templates.length} templates.`}
      </p>
      {shown.length === 0 && templates.length > 0 && <p>No template matches “{query.trim()}”. Try another word.</p>}
      <ul className="template-list">
        {shown.map((t) => {
          const open = openId === t.id;
          return (
            <li key={t.id} className={`template-entry${open ? ' template-entry--open' : ''}`}>
              <div className="template-entry-head">
                <h3 className="template-entry-title">
                  {t.title}
                  {t.saved && <span className="badge">Saved</span>}
                </h3>
                <p className="muted">
                  {t.items.length} items · {durationText(totalMinutes(t))}
                  {t.source ? ` · ${t.source}` : ''}
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    aria-expanded={open}
                    aria-controls={open ? `preview-${t.id}` : undefined}
                    aria-label={`${open ? 'Hide' : 'Preview'} ${t.title}`}
                    onClick={() => setOpenId(open ? null : t.id)}
                  >
                    {open ? 'Hide' : 'Preview'}
                  </button>
                  <button type="button" className="primary" disabled={busyId !== null} aria-label={`Start ${t.title}`} onClick={() => void start(t.id)}>
                    {busyId === t.id ? 'Starting…' : 'Start'}
                  </button>
                  <button
                    type="button"
                    aria-expanded={rehearseId === t.id}
                    aria-label={`Rehearse ${t.title}`}
                    onClick={() => setRehearseId(rehearseId === t.id ? null : t.id)}
                  >
                    Rehearse
                  </button>
                </div>
                {rehearseId === t.id && <RehearseTemplateForm title={t.title} onRehearse={(choice) => onStart(t.id, choice)} onCancel={() => setRehearseId(null)} />}
                {startError?.id === t.id && (
                  <p role="alert" className="form-error">
                    {startError.text}
                  </p>
                )}
              </div>
              {open && <TemplatePreview template={t} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
