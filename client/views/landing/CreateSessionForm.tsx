import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol/limits.js';
import type { CreateBody, TemplateSummary } from './api.js';
import { FormActions } from '../../components/FormActions.js';
import { MAX_SIMULATED } from '../../../shared/modules/rehearsal/rehearsal.state.js';
import { REHEARSE_DEFAULTS } from './RehearseTemplateForm.js';

export interface CreateSessionFormProps {
  templates: TemplateSummary[];
  /** Why the template list could not be loaded, if it could not. */
  templatesError?: string | null;
  onCreate: (body: CreateBody) => Promise<void>;
}


/** Start a session from a curriculum template, or a blank one with just a title. */
export function CreateSessionForm({ templates, templatesError, onCreate }: CreateSessionFormProps) {
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [simulated, setSimulated] = useState('5');
  const template = templates.find((t) => t.id === templateId);

  /** Creates the session; with `rehearse`, a rehearsal with that many simulated participants (the server checks the cap). */
  const start = async (rehearse: boolean) => {
    setError(null);
    if (!templateId && !title.trim()) return setError('Choose a template, or give a blank session a title.');
    setBusy(true);
    try {
      const base = templateId ? { templateId } : { title: title.trim() };
      await onCreate(rehearse ? { ...base, rehearsal: { participants: Number(simulated), pace: REHEARSE_DEFAULTS.pace } } : base);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start(false);
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
      <fieldset className="rehearse-choice button-row">
        <legend>Or rehearse it alone first</legend>
        <label htmlFor="rehearse-count">Simulated participants</label>
        <input id="rehearse-count" type="number" min={1} max={MAX_SIMULATED} value={simulated} onChange={(e) => setSimulated(e.target.value)} />
        <button type="button" disabled={busy} onClick={() => void start(true)}>
          Rehearse
        </button>
      </fieldset>
    </form>
  );
}
