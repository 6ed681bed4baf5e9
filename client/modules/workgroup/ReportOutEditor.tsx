import { useState } from 'react';
import { REPORT_FIELDS, REPORT_FIELD_LABELS, type ReportAnswer, type ReportField } from '../../../shared/modules/workgroup/workgroup.state.js';
import { TextLineForm } from './TextLineForm.js';

export interface ReportOutEditorProps {
  answers: Record<ReportField, ReportAnswer[]>;
  /** Whether this phone may reword or remove an entry (the leader any, an author their own). */
  canChange: (a: ReportAnswer) => boolean;
  onAdd: (field: ReportField, text: string) => void;
  onEdit: (answerId: string, text: string) => void;
  onRemove: (answerId: string) => void;
}

function AnswerRow({ answer, mayChange, onEdit, onRemove }: { answer: ReportAnswer; mayChange: boolean; onEdit: (t: string) => void; onRemove: () => void }) {
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li className="wg-entry">
        <TextLineForm
          label="Edit entry"
          submitLabel="Save"
          what="An entry"
          rows={2}
          initial={answer.text}
          onCancel={() => setEditing(false)}
          onSubmit={(text) => {
            setEditing(false);
            if (text !== answer.text) onEdit(text);
          }}
        />
      </li>
    );
  return (
    <li className="wg-entry">
      <p className="wg-entry-text">{answer.text}</p>
      <p className="note-author">{answer.authorName}</p>
      {mayChange && (
        <div className="button-row">
          <button type="button" className="small" aria-label={`Edit "${answer.text.slice(0, 30)}"`} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="small danger" aria-label={`Remove "${answer.text.slice(0, 30)}"`} onClick={onRemove}>
            Remove
          </button>
        </div>
      )}
    </li>
  );
}

/** The group's structured report-out (seed 003): four fields; every member adds, the leader (or the author) edits. */
export function ReportOutEditor({ answers, canChange, onAdd, onEdit, onRemove }: ReportOutEditorProps) {
  return (
    <section className="phone-card stack" aria-labelledby="wg-reportout-heading">
      <h2 id="wg-reportout-heading">Our report-out</h2>
      {REPORT_FIELDS.map((field) => (
        <section key={field} className="wg-field stack" aria-label={REPORT_FIELD_LABELS[field]}>
          <h3>
            {REPORT_FIELD_LABELS[field]} <span className="wg-count">({answers[field].length})</span>
          </h3>
          {answers[field].length > 0 && (
            <ul className="wg-entries">
              {answers[field].map((a) => (
                <AnswerRow key={a.id} answer={a} mayChange={canChange(a)} onEdit={(t) => onEdit(a.id, t)} onRemove={() => onRemove(a.id)} />
              ))}
            </ul>
          )}
          <TextLineForm label={`Add to: ${REPORT_FIELD_LABELS[field]}`} hideLabel placeholder="Add an entry…" submitLabel="Add" what="An entry" rows={2} onSubmit={(text) => onAdd(field, text)} />
        </section>
      ))}
    </section>
  );
}
