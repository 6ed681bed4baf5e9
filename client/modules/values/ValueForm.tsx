import { useId, useState, type FormEvent } from 'react';
import { FormActions } from '../../components/FormActions.js';
import { MAX_DESCRIPTION, MAX_VALUE_NAME } from '../../../shared/modules/values/values.state.js';

export type ValueFields = { name: string; description: string };

/** A value's name (required) and description, each within its limit, refused in our own words. */
export function ValueForm({ initial, submitLabel, onSubmit, onCancel }: { initial?: ValueFields; submitLabel: string; onSubmit: (v: ValueFields) => void; onCancel?: () => void }) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = { name: name.trim(), description: description.trim() };
    if (!v.name) return setError('A value needs a name.');
    if (v.name.length > MAX_VALUE_NAME) return setError(`A value's name can be at most ${MAX_VALUE_NAME} characters.`);
    if (v.description.length > MAX_DESCRIPTION) return setError(`A description can be at most ${MAX_DESCRIPTION} characters.`);
    setError(null);
    onSubmit(v);
    if (!onCancel) {
      setName('');
      setDescription('');
    }
  };
  return (
    <form className="vs-value-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{initial ? 'Name' : 'New value'}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description (optional)</label>
        <input id={`${id}-desc`} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <FormActions error={error} submitLabel={submitLabel} primary={false} small onCancel={onCancel} />
    </form>
  );
}
