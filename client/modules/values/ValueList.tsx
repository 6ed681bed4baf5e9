import { useState } from 'react';
import { dictGet } from '../../../shared/session/dict.js';
import { MAX_VALUES, STARTER_VALUES, type CandidateValue, type ValuesSurvey } from '../../../shared/modules/values/values.state.js';
import type { AgendaItem } from '../../../shared/session/state.js';
import { count } from '../../../shared/report/format.js';
import { ConfirmAction } from '../../components/ConfirmAction.js';
import { sendCommand } from '../../store.js';
import { MoveChoice } from '../flow/MoveChoice.js';
import { ValueForm } from './ValueForm.js';
import { valuesInOrder } from './useValues.js';

/** The starter list this item offers: the template's (item.starter) or the module's, as names with descriptions. */
export const starterOf = (item: AgendaItem): { name: string; description?: string }[] =>
  item.starter?.length ? item.starter.map((name) => ({ name })) : STARTER_VALUES.map((v) => ({ ...v }));

function ValueRow({ itemId, value, index, survey, others }: { itemId: string; value: CandidateValue; index: number; survey: ValuesSurvey; others: CandidateValue[] }) {
  const [editing, setEditing] = useState(false);
  const answered = dictGet(survey.answered, value.id) ?? 0;
  const last = survey.order.length - 1;
  const valueId = value.id;
  const move = (toIndex: number) => void sendCommand({ type: 'values.moveValue', payload: { itemId, valueId, toIndex } });
  if (editing)
    return (
      <li className="vs-value-row">
        <ValueForm
          initial={{ name: value.name, description: value.description }}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={(v) => {
            setEditing(false);
            void sendCommand({ type: 'values.editValue', payload: { itemId, valueId, ...v } });
          }}
        />
      </li>
    );
  return (
    <li className="vs-value-row">
      <div className="vs-value-row-text">
        <span className="vs-value-row-name">{value.name}</span>
        {value.description && <span className="muted"> · {value.description}</span>}
      </div>
      <span className="vs-answered">{count(answered, 'answer')}</span>
      <div className="button-row">
        <button type="button" className="small" disabled={index === 0} aria-label={`Move ${value.name} up`} onClick={() => move(index - 1)}>
          ↑
        </button>
        <button type="button" className="small" disabled={index === last} aria-label={`Move ${value.name} down`} onClick={() => move(index + 1)}>
          ↓
        </button>
        <button type="button" className="small" aria-label={`Edit ${value.name}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <MoveChoice focusKey={`value:${valueId}`} label={`Merge ${value.name} into`} what={value.name} placeholder="Merge into…" verb="Merge" onChoose={(intoId) => void sendCommand({ type: 'values.mergeValues', payload: { itemId, fromId: valueId, intoId } })}>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </MoveChoice>
        <ConfirmAction
          label={`Remove`}
          question={`Remove “${value.name}”?${answered ? ` Its ${count(answered, 'answer')} and its actions go too.` : ''}`}
          confirmLabel={`Remove ${value.name}`}
          danger
          onConfirm={() => void sendCommand({ type: 'values.removeValue', payload: { itemId, valueId } })}
        />
      </div>
    </li>
  );
}

/** The candidate values: add one or the starter list, edit, reorder, merge and remove, with each value's answers. */
export function ValueList({ item, survey }: { item: AgendaItem; survey: ValuesSurvey }) {
  const itemId = item.id;
  const values = valuesInOrder(survey);
  const names = new Set(values.map((v) => v.name.toLowerCase()));
  const starter = starterOf(item);
  const missing = starter.filter((s) => !names.has(s.name.toLowerCase()));
  const full = values.length >= MAX_VALUES;
  return (
    <section className="card stack" aria-labelledby="vs-values-heading">
      <div className="vs-toolbar">
        <h2 id="vs-values-heading">Values ({values.length})</h2>
        <button type="button" className="small" disabled={missing.length === 0 || full} onClick={() => void sendCommand({ type: 'values.addValues', payload: { itemId, values: missing } })}>
          Add the starter list{missing.length > 0 && missing.length < starter.length ? ` (${missing.length} not added yet)` : ''}
        </button>
      </div>
      {values.length === 0 ? (
        <p className="muted">No values yet: add the starter list ({count(starter.length, 'value')}) or type your own.</p>
      ) : (
        <ol className="vs-value-list">
          {values.map((v, i) => (
            <ValueRow key={v.id} itemId={itemId} value={v} index={i} survey={survey} others={values.filter((o) => o.id !== v.id)} />
          ))}
        </ol>
      )}
      {full ? (
        <p className="muted">The survey holds at most {MAX_VALUES} values.</p>
      ) : (
        <ValueForm submitLabel="Add value" onSubmit={(v) => void sendCommand({ type: 'values.addValue', payload: { itemId, ...v } })} />
      )}
    </section>
  );
}
