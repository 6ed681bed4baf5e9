import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { FormActions } from '../../components/FormActions.js';
import { useSession } from '../../store.js';
import { forgetSavedTemplates, rememberSavedTemplate, type SavedTemplateKey } from '../landing/savedTemplateKeys.js';
import { deleteTemplate, downloadTemplate, saveAsTemplate } from './templateApi.js';

/**
 * Saves the agenda as it stands as a new template, private to this browser: its key is kept in the browser's storage,
 * so the start page lists it under "Your saved templates" (preview, start, download, delete) after a reload too.
 */
export function SaveTemplatePanel({ sessionId, facilitatorKey }: { sessionId: string; facilitatorKey: string }) {
  const sessionTitle = useSession((s) => s.state.title);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<(SavedTemplateKey & { kept: boolean }) | null>(null);

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('Give the template a name.');
    void act(async () => {
      const made = await saveAsTemplate(sessionId, facilitatorKey, { title: title.trim(), description: description.trim() });
      setSaved({ id: made.id, title: made.title, key: made.key, kept: rememberSavedTemplate({ id: made.id, title: made.title, key: made.key }) });
      setOpen(false);
    });
  };

  return (
    <section className="card stack" aria-labelledby="save-template-h">
      <h2 id="save-template-h">Agenda as a template</h2>
      {saved && (
        <div className="stack" role="status">
          <p>
            Saved as “{saved.title}”.{' '}
            {saved.kept
              ? 'Only this browser holds its key: find it under “Your saved templates” on the start page.'
              : 'This browser would not keep its key, so download the file now: after this page closes the template cannot be opened again.'}
          </p>
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void act(() => downloadTemplate(saved.id, saved.key))}>
              Download template file
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void act(async () => (await deleteTemplate(saved.id, saved.key), forgetSavedTemplates([saved.id]), setSaved(null)))}>
              Delete this template
            </button>
          </div>
        </div>
      )}
      {open ? (
        <form className="stack" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="template-name">Template name</label>
            <input id="template-name" value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="template-description">Description (who it is for, the source document)</label>
            <textarea id="template-description" rows={3} maxLength={LIMITS.itemText} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <FormActions error={error} submitLabel="Save as template" busy={busy} busyLabel="Saving…" onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <>
          <button type="button" onClick={() => (setTitle(title || sessionTitle), setOpen(true))}>
            Save agenda as template…
          </button>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
