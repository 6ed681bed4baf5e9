import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';
import type { TemplateSummary } from './api.js';
import { FormActions } from '../../components/FormActions.js';

export interface CreateSessionFormProps {
  templates: TemplateSummary[];
  /** Why the template list could not be loaded, if it could not. */
  templatesError?: string | null;
  onCreate: (body: { templateId: string } | { title: string }) => Promise<void>;
}

/** Start a session from a curriculum template, or a blank one with just a title. */
export function CreateSessionForm({ templates, templatesError, onCreate }: CreateSessionFormProps) {
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = templates.find((t) => t.id === templateId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!templateId && !title.trim()) return setError('Choose a template, or give a blank session a title.');
    setBusy(true);
    try {
      await onCreate(templateId ? { templateId } : { title: title.trim() });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>Run a session</h2>
      <div className="field">
        <label htmlFor="template">Template</label>
        <select id="template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">Blank session (no template)</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
        {templatesError && <p className="form-error">Templates could not be loaded: {templatesError}</p>}
      </div>
      {template ? (
        <div className="template-summary">
          <p>{template.description}</p>
          <p className="muted">
            {template.items.length} agenda items,{' '}
            {template.items.reduce((sum, i) => sum + i.plannedMinutes, 0)} minutes planned.
          </p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="session-title">Session title</label>
          <input
            id="session-title"
            value={title}
            maxLength={LIMITS.title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="e.g. Team planning day"
          />
        </div>
      )}
      <FormActions error={error} submitLabel="Create session" busy={busy} busyLabel="Creating…" />
    </form>
  );
}
