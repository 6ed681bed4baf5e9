import { useEffect, useState } from 'react';
import type { SavedTemplateSummary } from '../../../shared/protocol/agenda.schema.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';
import { checkSavedTemplates, deleteTemplate, downloadTemplate, openSavedTemplate } from '../facilitator/templateApi.js';
import type { TemplateSummary } from './api.js';
import { forgetSavedTemplates, savedTemplateKeys, type SavedTemplateKey } from './savedTemplateKeys.js';
import { TemplatePreview } from './TemplatePreview.js';
import { durationText } from './templateSearch.js';

const listOf = (titles: string[]): string => titles.map((t) => `“${t}”`).join(', ');

/** The sentence for saved templates the server no longer has: they leave this browser's list, and the person is told. */
export function goneSentence(titles: string[]): string {
  return titles.length === 1
    ? `${listOf(titles)} is no longer on the server (deleted, or unused for a long time), so it was taken off this list.`
    : `${titles.length} saved templates are no longer on the server (deleted, or unused for a long time), so they were taken off this list: ${listOf(titles)}.`;
}

/**
 * "Your saved templates": the ones this browser holds keys for, checked with the server on load. Each previews,
 * starts, downloads and deletes with its key. Nothing shows while the browser holds none.
 */
export function YourTemplates({ onStart }: { onStart: (templateId: string, templateKey: string) => Promise<void> }) {
  const [entries, setEntries] = useState<SavedTemplateKey[]>(() => savedTemplateKeys());
  const [summaries, setSummaries] = useState<Map<string, SavedTemplateSummary>>(new Map());
  const [said, setSaid] = useState<string | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [open, setOpen] = useState<TemplateSummary | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; text: string } | null>(null);

  useEffect(() => {
    const held = savedTemplateKeys();
    if (held.length === 0) return;
    let live = true;
    checkSavedTemplates(held)
      .then(({ templates, gone }) => {
        if (!live) return;
        setSummaries(new Map(templates.map((t) => [t.id, t])));
        if (gone.length) {
          setSaid(goneSentence(held.filter((e) => gone.includes(e.id)).map((e) => e.title)));
          setEntries(forgetSavedTemplates(gone));
        }
      })
      .catch((e: unknown) => live && setCheckError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);

  if (entries.length === 0 && !said) return null;

  const act = async (id: string, what: () => Promise<void>) => {
    setBusyId(id);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError({ id, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusyId(null);
    }
  };
  const preview = (e: SavedTemplateKey) =>
    act(e.id, async () => {
      if (open?.id === e.id) return setOpen(null);
      const t = await openSavedTemplate(e.id, e.key);
      setOpen({ id: t.id, title: t.title, description: t.description, ...(t.source ? { source: t.source } : {}), items: t.items });
    });
  const remove = (e: SavedTemplateKey) =>
    act(e.id, async () => {
      await deleteTemplate(e.id, e.key);
      setEntries(forgetSavedTemplates([e.id]));
      setSaid(`“${e.title}” was deleted.`);
      if (open?.id === e.id) setOpen(null);
    });

  return (
    <section className="card stack template-browser your-templates" aria-labelledby="your-templates-h">
      <h2 id="your-templates-h">Your saved templates</h2>
      <p className="muted">Saved from your sessions in this browser, and private to it: nobody else sees them.</p>
      {said && <p role="status">{said}</p>}
      {checkError && <p className="form-error">Your saved templates could not be checked with the server: {checkError}</p>}
      <ul className="template-list">
        {entries.map((e) => {
          const s = summaries.get(e.id);
          const isOpen = open?.id === e.id;
          const busy = busyId !== null;
          return (
            <li key={e.id} className={`template-entry${isOpen ? ' template-entry--open' : ''}`}>
              <div className="template-entry-head">
                <h3 className="template-entry-title">{s?.title ?? e.title}</h3>
                {s && (
                  <p className="muted">
                    {s.itemCount} items · {durationText(s.totalMinutes)}
                    {s.source ? ` · ${s.source}` : ''}
                  </p>
                )}
                <div className="button-row">
                  <button type="button" aria-expanded={isOpen} disabled={busy} aria-label={`${isOpen ? 'Hide' : 'Preview'} ${e.title}`} onClick={() => void preview(e)}>
                    {isOpen ? 'Hide' : 'Preview'}
                  </button>
                  <button type="button" className="primary" disabled={busy} aria-label={`Start ${e.title}`} onClick={() => void act(e.id, () => onStart(e.id, e.key))}>
                    {busyId === e.id ? 'Working…' : 'Start'}
                  </button>
                  <button type="button" disabled={busy} aria-label={`Download ${e.title}`} onClick={() => void act(e.id, () => downloadTemplate(e.id, e.key))}>
                    Download
                  </button>
                  <ConfirmAction
                    label="Delete"
                    question={`Delete “${e.title}” from the server? Sessions started from it keep their agenda; a downloaded file still works.`}
                    confirmLabel="Delete for good"
                    danger
                    onConfirm={() => void remove(e)}
                  />
                </div>
                {error?.id === e.id && (
                  <p role="alert" className="form-error">
                    {error.text}
                  </p>
                )}
              </div>
              {isOpen && <TemplatePreview template={open} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
