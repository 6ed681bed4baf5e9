import { useId, useState, type FormEvent } from 'react';
import type { DataCard } from '../../../shared/modules/swot/swot.state.js';
import { FormActions } from '../../components/FormActions.js';

export type DataCardDraft = Omit<DataCard, 'id'>;

export interface DataCardFormProps {
  initial?: DataCardDraft;
  submitLabel: string;
  onSubmit: (card: DataCardDraft) => void;
  onCancel?: () => void;
}

/** A data card's title, figure and note, checked against the server's limits before it is sent. */
export function DataCardForm({ initial, submitLabel, onSubmit, onCancel }: DataCardFormProps) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [value, setValue] = useState(initial?.value ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('A data card needs a title.');
    if (!value.trim()) return setError('A data card needs a figure.');
    if (title.trim().length > 120) return setError('A card title can be at most 120 characters.');
    if (value.trim().length > 40) return setError('A figure can be at most 40 characters.');
    if (note.trim().length > 300) return setError('A card note can be at most 300 characters.');
    setError(null);
    onSubmit({ title: title.trim(), value: value.trim(), note: note.trim() });
    if (!initial) {
      setTitle('');
      setValue('');
      setNote('');
    }
  };

  return (
    <form className="data-card-form stack" onSubmit={submit} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-title`}>Card title</label>
          <input id={`${id}-title`} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field data-card-figure-field">
          <label htmlFor={`${id}-value`}>Figure</label>
          <input id={`${id}-value`} value={value} maxLength={40} placeholder="e.g. 87%" onChange={(e) => setValue(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Card note</label>
        <input id={`${id}-note`} value={note} maxLength={300} placeholder="Source, year, what it means" onChange={(e) => setNote(e.target.value)} />
      </div>
      <FormActions error={error} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
