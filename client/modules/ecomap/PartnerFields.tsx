import { useId, useState, type FormEvent } from 'react';
import { MAX_PARTNER_NAME, PARTNER_CATEGORIES, type Side } from '../../../shared/modules/ecomap/ecomap.state.js';
import { FormActions } from '../../components/FormActions.js';

export interface PartnerDraft {
  name: string;
  category: string;
  side: Side;
}

export interface PartnerFieldsProps {
  initial?: PartnerDraft;
  submitLabel: string;
  /** Sends the partner; resolves to the refusal in words, or null when it was taken. */
  onSubmit: (p: PartnerDraft) => Promise<string | null>;
  onCancel?: () => void;
  /** What the form is for, for screen readers ("Add a partner", "Accept Tribal courts"). */
  label: string;
}

const BLANK: PartnerDraft = { name: '', category: 'Other', side: 'external' };

/** A partner's name, category (the seed's, or typed) and side: adding, editing and accepting a proposal. */
export function PartnerFields({ initial = BLANK, submitLabel, onSubmit, onCancel, label }: PartnerFieldsProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = draft.name.trim();
    if (!name) return setError('A partner needs a name.');
    const refused = await onSubmit({ name, category: draft.category.trim() || 'Other', side: draft.side });
    setError(refused);
    if (!refused && !onCancel) setDraft({ ...BLANK, category: draft.category, side: draft.side });
  };
  return (
    <form className="ecomap-partner-fields" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <div className="field ecomap-field-name">
        <label htmlFor={`${id}-n`}>Partner</label>
        <input id={`${id}-n`} value={draft.name} maxLength={MAX_PARTNER_NAME} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-c`}>Category</label>
        <input id={`${id}-c`} list={`${id}-cats`} value={draft.category} maxLength={MAX_PARTNER_NAME} onChange={(e) => setDraft({ ...draft, category: e.target.value })} />
        <datalist id={`${id}-cats`}>
          {PARTNER_CATEGORIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-s`}>Side</label>
        <select id={`${id}-s`} value={draft.side} onChange={(e) => setDraft({ ...draft, side: e.target.value as Side })}>
          <option value="internal">Internal</option>
          <option value="external">External</option>
        </select>
      </div>
      <div className="ecomap-field-actions">
        <FormActions error={error} submitLabel={submitLabel} primary={!onCancel} onCancel={onCancel} />
      </div>
    </form>
  );
}
