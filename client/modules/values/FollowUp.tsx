import { useState } from 'react';
import { MAX_ACTIONS_PER_VALUE, MAX_INVOLVE, MAX_VALUE_NAME, type CultivateAction, type ValueResult, type ValuesSurvey } from '../../../shared/modules/values/values.state.js';
import { sendCommand } from '../../store.js';
import { MoveChoice } from '../flow/MoveChoice.js';
import { StepForm } from '../workgroup/StepForm.js';
import { TextLineForm } from '../workgroup/TextLineForm.js';
import { valuesInOrder } from './useValues.js';

/**
 * Who needs to be involved in developing the values (seed 000): a list, replaced as a whole on every change. Until
 * the room's list shows the last change sent, the next change builds on what was sent, not on the older list: two
 * quick Adds keep both entries.
 */
function Involve({ itemId, survey }: { itemId: string; survey: ValuesSurvey }) {
  const shown = survey.involve.map((e) => e.text);
  const base = JSON.stringify(shown);
  const [sent, setSent] = useState<{ base: string; list: string[] } | null>(null);
  const texts = sent && sent.base === base ? sent.list : shown;
  const set = (involve: string[]) => {
    setSent({ base, list: involve });
    void sendCommand({ type: 'values.setInvolve', payload: { itemId, involve } });
  };
  return (
    <div className="stack">
      <h3>Who needs to be involved in developing our core values?</h3>
      {texts.length > 0 && (
        <ul className="vs-involve">
          {survey.involve.map((e) => (
            <li key={e.id}>
              {e.text}{' '}
              <button type="button" className="small link" aria-label={`Remove ${e.text}`} onClick={() => set(texts.filter((t, j) => j !== texts.indexOf(e.text) || t !== e.text))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {texts.length < MAX_INVOLVE ? <TextLineForm label="Add who" submitLabel="Add" what="An entry" max={MAX_VALUE_NAME} onSubmit={(text) => set([...texts, text])} /> : <p className="muted">The list holds at most {MAX_INVOLVE} entries.</p>}
    </div>
  );
}

function ValueActions({ itemId, valueId, name, actions }: { itemId: string; valueId: string; name: string; actions: CultivateAction[] }) {
  return (
    <section className="vs-actions stack" aria-label={`Actions for ${name}`}>
      <h4>{name}</h4>
      {actions.length > 0 && (
        <ul className="vs-action-list">
          {actions.map((a) => (
            <li key={a.id}>
              {a.what}
              {(a.owner || a.byWhen) && <span className="muted"> · {[a.owner, a.byWhen].filter(Boolean).join(' · ')}</span>}{' '}
              <button type="button" className="small link" aria-label={`Remove action ${a.what}`} onClick={() => void sendCommand({ type: 'values.removeAction', payload: { itemId, actionId: a.id } })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {actions.length < MAX_ACTIONS_PER_VALUE && <StepForm whatLabel="Action" submitLabel="Add action" onSubmit={(s) => void sendCommand({ type: 'values.setAction', payload: { itemId, valueId, ...s } })} />}
    </section>
  );
}

/** The follow-up: who to involve, and actions (what, owner, by when) for the top-gap values and any value added. */
export function FollowUp({ itemId, survey, top }: { itemId: string; survey: ValuesSurvey; top: ValueResult[] }) {
  const [more, setMore] = useState<string[]>([]);
  const actions = Object.values(survey.actions);
  const withActions = new Set(actions.map((a) => a.valueId));
  const values = valuesInOrder(survey);
  const shown = values.filter((v) => top.some((t) => t.valueId === v.id) || withActions.has(v.id) || more.includes(v.id));
  const rest = values.filter((v) => !shown.includes(v));
  const ordered = [...top.flatMap((t) => shown.filter((v) => v.id === t.valueId)), ...shown.filter((v) => !top.some((t) => t.valueId === v.id))];
  return (
    <section className="card stack" aria-labelledby="vs-followup-heading">
      <h2 id="vs-followup-heading">Follow-up</h2>
      <Involve itemId={itemId} survey={survey} />
      <h3>Actions to cultivate the top-gap values</h3>
      {ordered.length === 0 && <p className="muted">The top-gap values show here once ratings arrive.</p>}
      {ordered.map((v) => (
        <ValueActions key={v.id} itemId={itemId} valueId={v.id} name={v.name} actions={actions.filter((a) => a.valueId === v.id)} />
      ))}
      <MoveChoice focusKey="values-followup" label="Add follow-up for another value" what="follow-up for this value" placeholder="Another value…" verb="Add" onChoose={(id) => setMore([...more, id])}>
        {rest.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </MoveChoice>
    </section>
  );
}
