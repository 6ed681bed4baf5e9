import { useState } from 'react';
import type { ActionStep, Strategy } from '../../../shared/modules/workgroup/workgroup.state.js';
import { sendCommand } from '../../store.js';
import { TextLineForm } from './TextLineForm.js';
import { StepForm } from './StepForm.js';

export interface StrategyCardProps {
  strategy: Strategy;
  index: number;
  last: number;
  /** This phone is the group's leader (edits and orders everything) or the facilitator. */
  leads: boolean;
  /** Whether this phone may change an entry written by `authorId` (its leader, or its author). */
  mayChange: (authorId: string | null) => boolean;
}

function StepRow({ strategyId, step, mayChange }: { strategyId: string; step: ActionStep; mayChange: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li className="wg-step">
        <StepForm
          initial={step}
          submitLabel="Save step"
          onCancel={() => setEditing(false)}
          onSubmit={(s) => {
            setEditing(false);
            void sendCommand({ type: 'workgroup.editStep', payload: { strategyId, stepId: step.id, ...s } });
          }}
        />
      </li>
    );
  return (
    <li className="wg-step">
      <span className="wg-step-what">{step.what}</span>
      <span className="wg-step-meta">
        {step.owner || 'No owner yet'} · {step.byWhen || 'no date yet'}
      </span>
      {mayChange && (
        <span className="button-row">
          <button type="button" className="small" aria-label={`Edit step "${step.what.slice(0, 30)}"`} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="small danger" aria-label={`Remove step "${step.what.slice(0, 30)}"`} onClick={() => void sendCommand({ type: 'workgroup.removeStep', payload: { strategyId, stepId: step.id } })}>
            Remove
          </button>
        </span>
      )}
    </li>
  );
}

/** One strategy with its action steps; every member adds steps, the leader (or the author) edits, the leader orders. */
export function StrategyCard({ strategy, index, last, leads, mayChange }: StrategyCardProps) {
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const move = (toIndex: number) => void sendCommand({ type: 'workgroup.moveStrategy', payload: { strategyId: strategy.id, toIndex } });
  const short = strategy.text.slice(0, 30);
  return (
    <li className="wg-strategy stack">
      {editing ? (
        <TextLineForm
          label="Edit strategy"
          submitLabel="Save"
          what="A strategy"
          rows={2}
          initial={strategy.text}
          onCancel={() => setEditing(false)}
          onSubmit={(text) => {
            setEditing(false);
            if (text !== strategy.text) void sendCommand({ type: 'workgroup.editStrategy', payload: { strategyId: strategy.id, text } });
          }}
        />
      ) : (
        <p className="wg-strategy-text">
          <span className="wg-strategy-num">{index + 1}.</span> {strategy.text}
        </p>
      )}
      {!editing && mayChange(strategy.authorId) && (
        <div className="button-row">
          {leads && (
            <>
              <button type="button" className="small" aria-label={`Move strategy "${short}" up`} disabled={index === 0} onClick={() => move(index - 1)}>
                Up
              </button>
              <button type="button" className="small" aria-label={`Move strategy "${short}" down`} disabled={index === last} onClick={() => move(index + 1)}>
                Down
              </button>
            </>
          )}
          <button type="button" className="small" aria-label={`Edit strategy "${short}"`} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="small danger" aria-label={`Remove strategy "${short}"`} onClick={() => void sendCommand({ type: 'workgroup.removeStrategy', payload: { strategyId: strategy.id } })}>
            Remove
          </button>
        </div>
      )}
      {strategy.steps.length > 0 && (
        <ul className="wg-steps" aria-label={`Action steps of "${short}"`}>
          {strategy.steps.map((s) => (
            <StepRow key={s.id} strategyId={strategy.id} step={s} mayChange={mayChange(s.authorId)} />
          ))}
        </ul>
      )}
      {adding ? (
        <StepForm
          submitLabel="Add step"
          onCancel={() => setAdding(false)}
          onSubmit={(s) => {
            setAdding(false);
            void sendCommand({ type: 'workgroup.addStep', payload: { strategyId: strategy.id, ...s } });
          }}
        />
      ) : (
        <button type="button" className="small wg-add-step" aria-label={`Add an action step to "${short}"`} onClick={() => setAdding(true)}>
          Add an action step
        </button>
      )}
    </li>
  );
}
