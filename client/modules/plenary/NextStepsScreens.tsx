import { useState, type FormEvent } from 'react';
import type { ModuleScreenProps } from '../types.js';
import { clearError, sendCommand, useSession } from '../../store.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { nextStepsOf, termLabel } from '../../../shared/modules/plenary/plenary.report.js';
import { PARTNERS, PARTNER_LABELS, type NextStep, type Partner, type Term } from '../../../shared/modules/plenary/plenary.state.js';
import type { AgendaItem } from '../../../shared/session/state.js';

const useSteps = (item: AgendaItem): NextStep[] => {
  const state = useSession((s) => s.state);
  return nextStepsOf(state, item);
};

/** The next steps as a table: what, owner, partner, term, date (and, on the console, a Remove button). */
function StepTable({ steps, layout, onRemove, onEdit }: { steps: NextStep[]; layout: 'console' | 'phone' | 'board'; onRemove?: (id: string) => void; onEdit?: (n: NextStep) => void }) {
  if (!steps.length) return <p className="muted">No next steps yet.</p>;
  return (
    <table className={`plenary-steps-table plenary-steps-table--${layout}`}>
      <thead>
        <tr>
          <th>What</th>
          <th>Owner</th>
          <th>Partner</th>
          <th>Term</th>
          <th>Date</th>
          {onRemove && <th aria-label="Remove" />}
        </tr>
      </thead>
      <tbody>
        {steps.map((n) => (
          <tr key={n.id}>
            <td>{n.what}</td>
            <td>{n.owner}</td>
            <td>{n.partner ? PARTNER_LABELS[n.partner] : ''}</td>
            <td>{termLabel(n.term)}</td>
            <td>{n.date}</td>
            {onRemove && (
              <td className="plenary-step-actions">
                {onEdit && (
                  <button type="button" className="link" aria-label={`Edit ${n.what}`} onClick={() => onEdit(n)}>
                    Edit
                  </button>
                )}
                <button type="button" className="link" aria-label={`Remove ${n.what}`} onClick={() => onRemove(n.id)}>
                  Remove
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Adds a next step, or (given one) changes it. */
function NextStepForm({ item, editing, onDone }: { item: AgendaItem; editing: NextStep | null; onDone: () => void }) {
  const [what, setWhat] = useState(editing?.what ?? '');
  const [owner, setOwner] = useState(editing?.owner ?? '');
  const [partner, setPartner] = useState<Partner | ''>(editing?.partner ?? '');
  const [term, setTerm] = useState<Term>(editing?.term ?? 'short');
  const [date, setDate] = useState(editing?.date ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = { what, owner, partner: partner || null, term, date };
    const res = await sendCommand(
      editing ? { type: 'plenary.editNextStep', payload: { nextStepId: editing.id, ...fields } } : { type: 'plenary.addNextStep', payload: { itemId: item.id, ...fields } },
    );
    if (!res.ok) {
      clearError();
      return setError(res.error.message);
    }
    setError(null);
    setWhat('');
    setOwner('');
    onDone();
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label={editing ? 'Change the next step' : 'Add a next step'}>
      <div className="field">
        <label htmlFor="ns-what">What</label>
        <input id="ns-what" value={what} maxLength={LIMITS.noteText} onChange={(e) => setWhat(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="ns-owner">Owner</label>
          <input id="ns-owner" value={owner} maxLength={LIMITS.displayName * 2} onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ns-partner">Partner</label>
          <select id="ns-partner" value={partner} onChange={(e) => setPartner(e.target.value as Partner | '')}>
            <option value="">None</option>
            {PARTNERS.map((p) => (
              <option key={p} value={p}>
                {PARTNER_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="ns-term">Term</label>
          <select id="ns-term" value={term} onChange={(e) => setTerm(e.target.value as Term)}>
            <option value="short">Short term</option>
            <option value="long">Long term</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ns-date">Date</label>
          <input id="ns-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      <div className="plenary-buttons">
        <button type="submit" disabled={!what.trim()}>
          {editing ? 'Save the next step' : 'Add the next step'}
        </button>
        {editing && (
          <button type="button" className="link" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function NextStepsConsole({ item }: ModuleScreenProps) {
  const steps = useSteps(item);
  const [editing, setEditing] = useState<NextStep | null>(null);
  return (
    <section className="card stack" aria-labelledby="ns-heading">
      <h2 id="ns-heading">Next steps</h2>
      <NextStepForm key={editing?.id ?? 'new'} item={item} editing={editing} onDone={() => setEditing(null)} />
      <StepTable
        steps={steps}
        layout="console"
        onEdit={setEditing}
        onRemove={(nextStepId) => void sendCommand({ type: 'plenary.removeNextStep', payload: { nextStepId } })}
      />
    </section>
  );
}

export const NextStepsPhone = ({ item }: ModuleScreenProps) => <StepTable steps={useSteps(item)} layout="phone" />;
export const NextStepsBoard = ({ item }: ModuleScreenProps) => <StepTable steps={useSteps(item)} layout="board" />;
